import PortableJSON
import PortableSort

/// plan.json's text: PortableJSON's values, written canonically and for people
/// (keys sorted, two spaces a level, arrays of plain values on one line), since
/// a plan is committed with the site and read in review.
extension JSONValue {
    /// The indented canonical text, ending in a newline.
    public var indentedText: String {
        var out = ""
        writeIndented(to: &out, indent: 0)
        return out + "\n"
    }

    private func writeIndented(to out: inout String, indent: Int) {
        switch self {
        case .array(let items) where !items.isEmpty && items.contains(where: { $0.isContainer }):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.writeIndented(to: &out, indent: indent + 2)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .array(let items):
            out += "[" + items.map { $0.text }.joined(separator: ", ") + "]"
        case .object(let fields) where !fields.isEmpty:
            out += "{\n"
            let keys = fields.keys.stablySorted()
            for (i, key) in keys.enumerated() {
                out += String(repeating: " ", count: indent + 2) + JSONValue.string(key).text + ": "
                fields[key]!.writeIndented(to: &out, indent: indent + 2)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        default:
            out += text
        }
    }

    private var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }

    /// A whole number, written exactly (beyond 2⁵³, where a JSON number would round, as text).
    static func exactInt(_ v: Int) -> JSONValue {
        v.magnitude < 1 << 53 ? .number(Double(v)) : .string(String(v))
    }

    public var asInt: Int? {
        switch self {
        case .number(let x): return Int(exactly: x)
        case .string(let s): return Int(s)
        default: return nil
        }
    }
    public var asString: String? { if case .string(let s) = self { return s }; return nil }
    public var asBool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var asArray: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
}
