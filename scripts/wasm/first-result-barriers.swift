// Passes the first of the values a call returns through an empty inline asm, in the LLVM IR
// that link-time optimisation hands to code generation, so that the multi-value ABI
// (scripts/build-wasm) is compiled correctly by the toolchain's LLVM.
//
// Why: with several results on the wasm stack, LLVM's register stackifier may leave a call's
// first result on the stack for a later instruction that reads another result before the
// call has run: `local.get` of that result's local, then the call (llvm/llvm-project#98323,
// fixed by #200429 in June 2026, after Swift 6.3.1's LLVM). PrintfFormat then spelled 0.0625
// with 300 digits. The fix is not to stackify a multi-result call's first result; an inline
// asm operand is never stackified, so here every such result is used first by an empty asm
// that hands it back unchanged, and the call's results all go to locals right after it.
// order-functions checks that in the linked module (`local.set` or `drop` for every result),
// libcalls included, so a call this misses fails the build rather than the numbers.
//
// Usage: first-result-barriers IN.ll OUT.ll   (built and run by scripts/build-wasm)
import Foundation

struct Failure: Error, CustomStringConvertible { let description: String }

/// `%x = [tail|notail] call ... { T0, T1, ... } @f(...)`: the result's name, the text from
/// `call` on, the aggregate type and its first element's type; nil for other lines.
func aggregateCall(_ line: Substring) -> (name: Substring, call: Substring, type: Substring, first: Substring)? {
    guard let equals = line.range(of: " = "), line[..<equals.lowerBound].trimmingCharacters(in: .whitespaces).hasPrefix("%")
    else { return nil }
    let rest = line[equals.upperBound...]
    guard rest.hasPrefix("call ") || rest.hasPrefix("tail call ") || rest.hasPrefix("notail call "),
          let open = rest.firstIndex(of: "{") else { return nil }
    // The return type comes before the callee (`@f`, or `%f` for an indirect call).
    let callee = rest.firstIndex { $0 == "@" || $0 == "%" } ?? rest.endIndex
    guard open < callee, !rest[..<open].contains(" asm "), let close = rest[open...].firstIndex(of: "}") else { return nil }
    let type = rest[open...close]
    let first = type.dropFirst().prefix { $0 != "," && $0 != "}" }.trimmingCharacters(in: .whitespaces)
    return (line[..<equals.lowerBound].drop { $0 == " " }, rest, type, Substring(first))
}

func main() throws {
    let arguments = CommandLine.arguments
    guard arguments.count == 3 else { throw Failure(description: "usage: first-result-barriers IN.ll OUT.ll") }
    let text = try String(contentsOfFile: arguments[1], encoding: .utf8)
    var out = "", count = 0
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        guard let call = aggregateCall(line) else { out += line; out += "\n"; continue }
        let indent = String(line.prefix { $0 == " " }), b = "%barrier.\(count)", type = call.type
        count += 1
        switch call.first {
        case "ptr", "i32", "i64", "float", "double":
            out += "\(indent)\(b) = \(call.call)\n\(indent)\(b).first = extractvalue \(type) \(b), 0\n"
            out += "\(indent)\(b).kept = call \(call.first) asm \"\", \"=r,0\"(\(call.first) \(b).first)\n"
            out += "\(indent)\(call.name) = insertvalue \(type) \(b), \(call.first) \(b).kept, 0\n"
        case "i1", "i8", "i16":   // held in an i32 local
            out += "\(indent)\(b) = \(call.call)\n\(indent)\(b).first = extractvalue \(type) \(b), 0\n"
            out += "\(indent)\(b).wide = zext \(call.first) \(b).first to i32\n"
            out += "\(indent)\(b).kept = call i32 asm \"\", \"=r,0\"(i32 \(b).wide)\n"
            out += "\(indent)\(b).narrow = trunc i32 \(b).kept to \(call.first)\n"
            out += "\(indent)\(call.name) = insertvalue \(type) \(b), \(call.first) \(b).narrow, 0\n"
        default:
            throw Failure(description: "\(arguments[1]): a call returns \(type), whose first value has no barrier")
        }
    }
    out.removeLast()
    try out.write(toFile: arguments[2], atomically: true, encoding: .utf8)
}

do { try main() } catch { FileHandle.standardError.write(Data("first-result-barriers: \(error)\n".utf8)); exit(1) }
