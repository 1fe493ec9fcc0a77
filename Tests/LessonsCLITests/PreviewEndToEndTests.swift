import Foundation
import XCTest

/// `lessons preview` end to end, over real HTTP on a free port: the served page
/// and its panel, reload after a save, bad and good values from the panel,
/// "what changed", hostile requests, and Ctrl-C.
final class PreviewEndToEndTests: XCTestCase {
    private var work: URL!
    private var lessons: LessonsProcess!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        lessons = LessonsProcess(folder: work)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func writeLesson(_ text: String) throws {
        try text.write(to: work.appendingPathComponent("Lessons/01-tiny.md"), atomically: true, encoding: .utf8)
    }

    private func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: work.appendingPathComponent(path)), as: UTF8.self)
    }

    func testSaveReloadsAndPanelRerunsWithWhatChanged() throws {
        try writeLesson(RunningEndToEndTests.lesson)
        let preview = try PreviewProcess(lessons, ["01-tiny", "--jobs", "1"])
        let port = preview.port
        XCTAssertTrue(preview.address.hasSuffix("/01-tiny.html"), preview.address)

        // The page, with the panel's typed inputs and the script, in the response only.
        var page = try RawHTTP.get(port: port, "/01-tiny.html")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("data-preview-lesson=\"01-tiny\""))
        XCTAssertTrue(page.body.contains("name=\"epochs\" type=\"number\" step=\"1\""), page.body)
        XCTAssertTrue(page.body.contains("name=\"bar\" type=\"number\" step=\"any\""))
        XCTAssertTrue(page.body.contains("<script src=\"/_preview/preview.js\"></script>"))
        XCTAssertTrue(page.body.contains("class=\"dataset-card\""))
        // The page on disk carries no preview script or panel (the site's one script is its search).
        let onDisk = try text("site/01-tiny.html")
        XCTAssertFalse(onDisk.contains("/_preview/") || onDisk.contains("data-preview-lesson"), "the page on disk has no preview parts")
        XCTAssertEqual(try RawHTTP.get(port: port, "/_preview/preview.js").status, 200)
        let token = try RawHTTP.formToken(port: port, page: "/01-tiny.html")
        XCTAssertEqual(token.count, 32)

        // Saving the lesson: a reload event for it, then the new text.
        let events = try RawHTTP.EventStream(port: port)
        XCTAssertNotNil(events.wait(for: "retry:", timeout: 30))
        try writeLesson(RunningEndToEndTests.lesson.replacingOccurrences(of: "# Two heads on tiny shapes",
                                                                          with: "# Two heads, saved again"))
        XCTAssertNotNil(events.wait(for: "event: reload\ndata: 01-tiny\n"), events.received)
        page = try RawHTTP.get(port: port, "/01-tiny.html")
        XCTAssertTrue(page.body.contains("Two heads, saved again"))

        // A lesson saved with an error: the error, located, instead of the results.
        var mark = events.received.endIndex
        try writeLesson(RunningEndToEndTests.lesson.replacingOccurrences(of: "let bar = 0.3", with: "let bar = 0.3 +"))
        XCTAssertNotNil(events.wait(for: "event: reload\ndata: 01-tiny\n", after: mark))
        page = try RawHTTP.get(port: port, "/01-tiny.html")
        XCTAssertTrue(page.body.contains("Lessons/01-tiny.md:9:"), page.body)
        XCTAssertTrue(page.body.contains("This lesson has an error"))
        XCTAssertFalse(page.body.contains("class=\"dataset-card\""))
        mark = events.received.endIndex
        try writeLesson(RunningEndToEndTests.lesson)
        XCTAssertNotNil(events.wait(for: "event: reload\ndata: 01-tiny\n", after: mark))
        XCTAssertTrue(try RawHTTP.get(port: port, "/01-tiny.html").body.contains("class=\"dataset-card\""))

        // A bad value: the located error (escaped) instead of the results; the last good page stays reachable.
        var posted = try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: "epochs=%3Cb%3E&bar=0.3&sgdRate=0.1", token: token)
        XCTAssertEqual(posted.status, 303)
        XCTAssertEqual(posted.headers["location"], "/01-tiny.html")
        page = try RawHTTP.get(port: port, "/01-tiny.html")
        XCTAssertTrue(page.body.contains("01-tiny.md:8:5: error: --set epochs=&lt;b&gt;:"), page.body)
        XCTAssertFalse(page.body.contains("<b>"))
        XCTAssertFalse(page.body.contains("class=\"dataset-card\""), "no stale results under an error")
        XCTAssertTrue(page.body.contains("href=\"/01-tiny.html?last-good\""))
        XCTAssertTrue(page.body.contains("value=\"&lt;b&gt;\""), "the form keeps the value to fix")
        let lastGood = try RawHTTP.get(port: port, "/01-tiny.html?last-good")
        XCTAssertTrue(lastGood.body.contains("class=\"dataset-card\"") && lastGood.body.contains("last good result"))

        // An unknown parameter is refused the way --set refuses it.
        _ = try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: "epochs=2&nosuch=1", token: token)
        page = try RawHTTP.get(port: port, "/01-tiny.html")
        XCTAssertTrue(page.body.contains("--set nosuch: the lesson has no parameter &#39;nosuch&#39;"), page.body)

        // A claim's bar: nothing retrains, the claim flips, and the page says which.
        let beforeBar = events.received.endIndex
        posted = try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: "epochs=2&bar=0.99&sgdRate=0.1", token: token)
        XCTAssertEqual(posted.status, 303)
        XCTAssertNotNil(events.wait(for: "event: reload", after: beforeBar))
        XCTAssertTrue(events.received[beforeBar...].contains("data: 01-tiny\tsigmoid: cached, nothing to train"))
        XCTAssertFalse(events.received[beforeBar...].contains("training"), "a claim's bar reaches no run")
        page = try RawHTTP.get(port: port, "/01-tiny.html")
        XCTAssertTrue(page.body.contains("What changed"))
        XCTAssertTrue(page.body.contains("<td><code>bar</code></td><td><code>0.3</code></td><td><code>0.99</code></td>"), page.body)
        XCTAssertTrue(page.body.contains("Claims (1 flipped)"))
        XCTAssertTrue(page.body.contains("<tr class=\"flipped\">"))
        XCTAssertTrue(page.body.contains("No metric of the comparison tables moved."))

        // The SGD rate reaches one run: only it retrains, and its metrics move side by side.
        let beforeRate = events.received.endIndex
        posted = try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: "epochs=2&bar=0.99&sgdRate=0.5", token: token)
        XCTAssertNotNil(events.wait(for: "event: reload", after: beforeRate))
        let progress = events.received[beforeRate...]
        XCTAssertTrue(progress.contains("data: 01-tiny\tsgd: training 2 epochs"), String(progress))
        XCTAssertTrue(progress.contains("data: 01-tiny\tsoftmax: cached, nothing to train"))
        page = try RawHTTP.get(port: port, "/01-tiny.html")
        XCTAssertTrue(page.body.contains("<td><code>sgdRate</code></td><td><code>0.1</code></td><td><code>0.5</code></td>"))
        XCTAssertTrue(page.body.contains("<caption>Metrics that moved: Sigmoid or softmax</caption>"))
        XCTAssertTrue(page.body.contains("<tr class=\"preview-run\"><td>sgd</td><td>macro-F1</td>"), page.body)
        XCTAssertFalse(page.body.contains("<td>sigmoid</td><td>macro-F1</td>"), "runs the change did not reach did not move")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: work.appendingPathComponent("site/01-tiny/results.json")))
        let parameters = (json as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
        XCTAssertEqual(parameters.first { $0["name"] as? String == "sgdRate" }?["value"] as? String, "0.5")

        XCTAssertEqual(preview.interrupt(), 0, preview.stderr)
        XCTAssertTrue(preview.stderr.contains("Preview stopped."), preview.stderr)
    }

    func testHostileRequestsAreRefused() throws {
        try writeLesson("""
        # Knobs only

        ```swift parameters
        let epochs = 2
        let name = "ring"
        let flag = true
        let hidden = [8, 4]
        let images = 4_000
        ```

        """)
        try "secret".write(to: work.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let preview = try PreviewProcess(lessons, ["01-tiny"])
        let port = preview.port

        let page = try RawHTTP.get(port: port, "/01-tiny.html")
        XCTAssertTrue(page.body.contains("name=\"name\" type=\"text\""), page.body)
        XCTAssertTrue(page.body.contains("value=\"ring\""))
        XCTAssertTrue(page.body.contains("<select id=\"preview-p-flag\" name=\"flag\"><option selected>true</option>"))
        XCTAssertTrue(page.body.contains("value=\"[8, 4]\""))
        XCTAssertTrue(page.body.contains("name=\"images\" type=\"number\" step=\"1\" inputmode=\"numeric\" value=\"4000\""))
        // The form as a browser sends it, unchanged: the lesson's own values, nothing overridden.
        let unchanged = "epochs=2&name=ring&flag=true&hidden=%5B8%2C+4%5D&images=4000"
        let token = try RawHTTP.formToken(port: port, page: "/01-tiny.html")
        let own = "Origin: http://127.0.0.1:\(port)\r\nReferer: http://127.0.0.1:\(port)/01-tiny.html\r\n"
        XCTAssertEqual(try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: unchanged, token: token, headers: own).status, 303)
        let results = try String(contentsOf: work.appendingPathComponent("site/01-tiny/results.json"), encoding: .utf8)
        XCTAssertFalse(results.contains("\"overridden\" : true"), results)

        for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/%2E%2E%2Fsecret.txt",
                       "//etc/passwd", "/%2fetc%2fpasswd", "/.lessons-manifest.json", "/assets/%00style.css",
                       "/..\\secret.txt", "http://127.0.0.1/../secret.txt"] {
            let response = try RawHTTP.get(port: port, target)
            XCTAssertTrue([400, 403, 404].contains(response.status), "\(target): \(response.status)")
            XCTAssertFalse(response.body.contains("secret") || response.body.contains("root:"), target)
        }
        XCTAssertEqual(try RawHTTP.get(port: port, "/assets/style.css").status, 200)
        // A link inside the site folder that leads out of it is refused too.
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("site/assets/leak.txt").path,
                                                   withDestinationPath: work.appendingPathComponent("secret.txt").path)
        let leak = try RawHTTP.get(port: port, "/assets/leak.txt")
        XCTAssertEqual(leak.status, 403)
        XCTAssertFalse(leak.body.contains("secret"))
        XCTAssertEqual(try RawHTTP.get(port: port, "/01-tiny.html", host: "evil.example").status, 403, "DNS rebinding")
        XCTAssertEqual(try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: "epochs=3",
                                        headers: "Origin: http://evil.example\r\n").status, 403)
        XCTAssertEqual(try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: "epochs=3", contentType: "text/plain").status, 415)
        XCTAssertEqual(try RawHTTP.post(port: port, "/_preview/run/..%2f01-tiny", form: "epochs=3").status, 404)
        XCTAssertEqual(try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: "epochs=%zz").status, 400)
        let huge = "POST /_preview/run/01-tiny HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000000\r\n\r\nepochs=3"
        XCTAssertEqual(try RawHTTP.send(port: port, Array(huge.utf8)).status, 413)
        let chunked = "POST /_preview/run/01-tiny HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "10000\r\n" + String(repeating: "a", count: 0x10000) + "\r\n10000\r\n" + String(repeating: "a", count: 0x10000) + "\r\n0\r\n\r\n"
        XCTAssertEqual(try RawHTTP.send(port: port, Array(chunked.utf8)).status, 413)
        XCTAssertEqual(try RawHTTP.send(port: port, Array("DELETE /01-tiny.html HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)).status, 405)

        // Only the preview's own pages rerun: without the token, or from another origin, a post changes nothing.
        let beforeRefused = try text("site/01-tiny/results.json")
        for (form, headers) in [("epochs=3", ""), ("epochs=3&lessons.token=" + String(repeating: "0", count: 32), ""),
                                ("epochs=3&lessons.token=\(token)&lessons.token=\(token)", ""),
                                ("epochs=3&lessons.token=\(token)", "Referer: http://evil.example/01-tiny.html\r\n"),
                                ("epochs=3&lessons.token=\(token)", "Referer: http://127.0.0.1:\(port).evil.example/\r\n"),
                                ("epochs=3&lessons.token=\(token)", "Origin: http://127.0.0.1:\(port + 1)\r\n"),
                                ("epochs=3&lessons.token=\(token)", "Origin: null\r\n")] {
            XCTAssertEqual(try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: form, headers: headers).status, 403,
                           "\(form) \(headers)")
        }
        XCTAssertEqual(try text("site/01-tiny/results.json"), beforeRefused, "a refused post rewrote the page")
        // Host exactly: a loopback name with this server's port, sent once.
        for host in ["127.0.0.1", "127.0.0.1:\(port + 1)", "127.0.0.1:0\(port)", "127.0.0.1:\(port):\(port)", "localhost.evil.example:\(port)",
                     "127.0.0.1.evil.example:\(port)", "127.0.0.1:\(port) x", "[::1]:\(port)"] {
            XCTAssertEqual(try RawHTTP.get(port: port, "/01-tiny.html", host: host).status, 403, host)
        }
        XCTAssertEqual(try RawHTTP.get(port: port, "/01-tiny.html", host: "localhost:\(port)").status, 200)
        XCTAssertEqual(try RawHTTP.get(port: port, "/01-tiny.html", headers: "Host: 127.0.0.1:\(port)\r\n").status, 400,
                       "a duplicate Host")
        XCTAssertEqual(try RawHTTP.get(port: port, "/01-tiny.html", headers: "Host: evil.example\r\n").status, 400)

        // A value that is code, not a literal, is refused by the evaluator (nothing runs).
        _ = try RawHTTP.post(port: port, "/_preview/run/01-tiny", form: "epochs=2&name=ring&flag=true&hidden=" + "%5B8%5D.map%20%7B%20%240%20%7D", token: token)
        let refused = try RawHTTP.get(port: port, "/01-tiny.html")
        XCTAssertTrue(refused.body.contains("01-tiny.md:7:5: error: --set hidden="), refused.body)
        // A second preview on the same port: the system's reason, not NIO's call.
        let second = try lessons.run(["preview", "01-tiny", "--port", String(port)])
        XCTAssertEqual(second.status, 2)
        XCTAssertTrue(second.stderr.contains("cannot listen on 127.0.0.1:\(port): address already in use; choose another port"),
                      second.stderr)
        XCTAssertEqual(preview.interrupt(), 0, preview.stderr)
    }
}
