import CCmarkGFM

/// Which link targets a lesson may use: web and mail links, and relative ones.
///
/// cmark-gfm's safe mode already drops `javascript:` and friends; this allow-list
/// is the second lock, applied to the tree, so no renderer can forget it.
enum LinkPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    static func isSafe(_ url: String) -> Bool {
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
        let compact = url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        var scheme = ""
        for scalar in compact {
            if scalar == ":" { return allowedSchemes.contains(scheme.lowercased()) }
            if scalar == "/" || scalar == "?" || scalar == "#" { return true }
            scheme.unicodeScalars.append(scalar)
        }
        return true  // no scheme: a relative link
    }

    static func neutralizeUnsafeLinks(in root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = MarkdownNode.type(node)
            guard type == "link" || type == "image",
                  let url = cmark_node_get_url(node).map({ String(cString: $0) }),
                  !isSafe(url) else { continue }
            cmark_node_set_url(node, "")
        }
    }
}
