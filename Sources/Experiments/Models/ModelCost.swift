/// Multiply-adds of one image's forward pass, counted from the architecture
/// the way `ModelFactory` builds it: the unit of a lesson's training budget
/// (training costs about three forward passes: forward, input and weight gradients).
extension Model {
    public func forwardMultiplyAdds(height: Int, width: Int, channels: Int, labels: Int) -> Double {
        var h = height, w = width, c = channels
        var total = 0.0
        var features: Int
        switch self {
        case .mlp(let mlp):
            features = h * w * c
            for units in mlp.hidden {
                total += Double(features * units)
                features = units
            }
        case .cnn(let cnn):
            for filters in cnn.filters {
                total += Double(h * w) * Double(c * filters * cnn.kernelSize * cnn.kernelSize)
                c = filters
                h /= 2
                w /= 2
            }
            features = h * w * c
            for units in cnn.dense {
                total += Double(features * units)
                features = units
            }
        case .prevalence:
            return 0   // trains nothing and scores nothing but a constant
        }
        return total + Double(features * labels)
    }
}

#if !hasFeature(Embedded)
extension DatasetSource {
    /// Image counts and shape as the description states them (nil for data read
    /// from files, whose sizes only the files know).
    public var plannedSize: (train: Int, evaluated: Int, height: Int, width: Int, channels: Int, labels: Int)? {
        switch self {
        case .shapes(let s): return (s.train, s.validation + s.test, s.size, s.size, 1, s.labels.count)
        case .fashionMosaics(let f): return (f.train, f.validation + f.test, f.size, f.size, 1, f.categories.count)
        case .numpy, .idx: return nil
        }
    }
}
#endif
