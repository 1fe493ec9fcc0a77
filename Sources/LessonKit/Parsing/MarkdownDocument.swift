import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cmark-gfm parse tree with the GFM extensions attached; frees itself.
///
/// Raw HTML is never passed through (no `CMARK_OPT_UNSAFE`), and links whose
/// scheme could run code are neutralised in the tree before anything renders it.
final class MarkdownDocument {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// Safe rendering (cmark's default) with UTF-8 validation.
    static let options: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    private let parser: OpaquePointer
    let root: OpaquePointer

    /// Registers the GFM extensions once, thread-safely (Swift's lazy statics).
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    init(markdown: String) {
        _ = Self.extensionsRegistered
        let parser: OpaquePointer = cmark_parser_new(Self.options)
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }  // empty lesson
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        self.parser = parser
        root = cmark_parser_finish(parser)
        LinkPolicy.neutralizeUnsafeLinks(in: root)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document's top-level blocks, in order.
    var topLevelNodes: [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            nodes.append(current)
            node = cmark_node_next(current)
        }
        return nodes
    }

    /// HTML for one node and its children, GFM extensions included.
    func html(of node: OpaquePointer) -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let rendered = cmark_render_html(node, Self.options, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

/// Small readers over cmark nodes, so callers never touch C strings.
enum MarkdownNode {
    static func type(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }
    static func startLine(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }
    static func endLine(_ node: OpaquePointer) -> Int { Int(cmark_node_get_end_line(node)) }
    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
    static func fenceInfo(_ node: OpaquePointer) -> String {
        cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
    }
    /// The fence's indentation when the code block is fenced, nil when indented.
    static func fenceOffset(_ node: OpaquePointer) -> Int? {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(node, &length, &offset, &character) != 0 ? Int(offset) : nil
    }
    static func headingLevel(_ node: OpaquePointer) -> Int { Int(cmark_node_get_heading_level(node)) }

    /// Levels of nodes under `node`, counted with cmark's iterator.
    static func depth(of node: OpaquePointer) -> Int {
        guard let iterator = cmark_iter_new(node) else { return 0 }
        defer { cmark_iter_free(iterator) }
        var depth = 0, deepest = 0
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            // Nodes with children: ENTER goes one level down, EXIT one up.
            if let n = cmark_iter_get_node(iterator), cmark_node_first_child(n) != nil {
                depth += event == CMARK_EVENT_ENTER ? 1 : -1
                deepest = max(deepest, depth)
            }
            event = cmark_iter_next(iterator)
        }
        return deepest
    }

    /// The text a reader sees in a node (for heading titles and ids), read with
    /// cmark's iterator: inline nesting can be deeper than the call stack.
    static func plainText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            defer { event = cmark_iter_next(iterator) }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch type(current) {
            case "text", "code", "html_inline": text += literal(current)
            case "softbreak", "linebreak": text += " "
            default: break
            }
        }
        return text
    }
}
