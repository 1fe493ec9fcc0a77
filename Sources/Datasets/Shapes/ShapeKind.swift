import PortableMath

/// The five shapes `Shapes` can draw, chosen to stay distinct at 28×28:
/// filled round (circle) vs hollow round (ring), filled corners (square, triangle)
/// vs thin bars (cross).
public enum ShapeKind: String, Hashable, Sendable, CaseIterable {
    case circle, square, triangle, cross, ring
}

/// Where and how one shape was drawn; the record lets tests (and curious lessons)
/// check that every positive label is really visible.
public struct ShapePlacement: Hashable, Sendable {
    /// Index of the shape's label in the spec's `labels`.
    public var label: Int
    public var kind: ShapeKind
    /// Centre in pixels (x to the right, y down), measured from the image's top-left corner.
    public var centerX: Float
    public var centerY: Float
    /// Radius of the disc the shape fits in; discs of one image never touch.
    public var radius: Float
    public var rotation: Float
    /// Bar width of the cross and ring (filled shapes ignore it).
    public var stroke: Float
    /// Peak brightness in (0, 1].
    public var intensity: Float
}

extension ShapePlacement {
    /// Signed distance in pixels from the shape's outline at local offset (dx, dy);
    /// negative inside. Polygons use the max of edge distances, exact inside and
    /// along edges, which is all anti-aliasing needs.
    @inline(__always)
    func signedDistance(_ dx: Float, _ dy: Float, cos c: Float, sin s: Float) -> Float {
        let u = dx * c + dy * s
        let v = -dx * s + dy * c
        switch kind {
        case .circle:
            return (u * u + v * v).squareRoot() - radius
        case .ring:
            let middle = radius - stroke / 2
            return abs((u * u + v * v).squareRoot() - middle) - stroke / 2
        case .square:
            return max(abs(u), abs(v)) - radius * 0.72
        case .triangle:
            // Equilateral, vertices on the disc; edge normals at 90°, 210°, 330°.
            let inradius = radius / 2
            let e1 = v
            let e2 = -0.866_025_4 * u - 0.5 * v
            let e3 = 0.866_025_4 * u - 0.5 * v
            return max(e1, max(e2, e3)) - inradius
        case .cross:
            let arm = radius * 0.95, half = stroke / 2
            let bar1 = max(abs(u) - arm, abs(v) - half)
            let bar2 = max(abs(u) - half, abs(v) - arm)
            return min(bar1, bar2)
        }
    }

    /// Draws the shape into a `size × size` single-channel image with one-pixel
    /// anti-aliasing, keeping the brighter value where pixels already hold something.
    func draw(into image: UnsafeMutablePointer<Float>, size: Int) {
        let c = Float(Math.cos(Double(rotation))), s = Float(Math.sin(Double(rotation)))
        let reach = radius + 1
        let x0 = max(0, Int((centerX - reach).rounded(.down)))
        let x1 = min(size - 1, Int((centerX + reach).rounded(.up)))
        let y0 = max(0, Int((centerY - reach).rounded(.down)))
        let y1 = min(size - 1, Int((centerY + reach).rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        for y in y0...y1 {
            let dy = Float(y) + 0.5 - centerY
            for x in x0...x1 {
                let dx = Float(x) + 0.5 - centerX
                let coverage = min(1, max(0, 0.5 - signedDistance(dx, dy, cos: c, sin: s)))
                let value = intensity * coverage
                let p = image + y * size + x
                if value > p.pointee { p.pointee = value }
            }
        }
    }
}

#if !hasFeature(Embedded)
extension ShapeKind: Codable {}
extension ShapePlacement: Codable {}
#endif
