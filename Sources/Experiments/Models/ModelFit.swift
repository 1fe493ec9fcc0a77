/// Whether a model can take images of a given size, checked before it is built:
/// each CNN block ends in a 2×2 max-pooling, which needs at least 2×2 pixels.
extension Model {
    /// nil when images of `height` × `width` fit; otherwise what does not fit and the fix.
    public func inputProblem(height: Int, width: Int) -> String? {
        guard case .cnn(let cnn) = self else { return nil }
        let blocks = cnn.filters.count
        let side = 1 << blocks
        guard height < side || width < side else { return nil }
        var fitting = 0
        while fitting < blocks, height >> (fitting + 1) >= 1, width >> (fitting + 1) >= 1 { fitting += 1 }
        return "this CNN has \(blocks) convolution blocks, each pooling 2×2, so it needs images of at least "
            + "\(side)×\(side) pixels; these are \(height)×\(width) (H×W), so "
            + (fitting == 0 ? "not one block fits: use an MLP or larger images"
                            : "use at most \(fitting) entr\(fitting == 1 ? "y" : "ies") in filters, or larger images")
    }
}
