import Foundation
import Experiments
import XCTest
@testable import LessonKit

final class RunningCacheTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lessons-cache-test-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private struct Value: Codable, Equatable { var loss: Double; var names: [String] }

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testStoreThenLoadRoundTrips() throws {
        let cache = ResultCache(directory: folder)
        let value = Value(loss: 0.25, names: ["ring", "<b>"])
        try cache.store(value, key: "abcd", spec: "{\"epochs\":2}")
        guard case .hit(let loaded) = cache.load(Value.self, key: "abcd", spec: "{\"epochs\":2}") else {
            return XCTFail("expected a hit")
        }
        XCTAssertEqual(loaded, value)
        // No temporary file is left behind.
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.entryURL("abcd").deletingLastPathComponent().path)
        XCTAssertEqual(files, ["abcd.json"])
    }

    /// A writer killed mid-write leaves `.key.pid.random.tmp`; the next write of
    /// that entry removes it, but never a live writer's file or another key's.
    func testNextWriteRemovesTemporariesOfDeadWriters() throws {
        let cache = ResultCache(directory: folder)
        let entryFolder = cache.entryURL("abcd").deletingLastPathComponent()
        try FileManager.default.createDirectory(at: entryFolder, withIntermediateDirectories: true)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier, alive = ProcessInfo.processInfo.processIdentifier
        let strays = [".abcd.\(dead).17.tmp", ".abcd.\(alive).18.tmp", ".abce.\(dead).19.tmp"]
        for name in strays { try Data("partial".utf8).write(to: entryFolder.appendingPathComponent(name)) }
        try cache.store(Value(loss: 1, names: []), key: "abcd", spec: "s")
        let left = try FileManager.default.contentsOfDirectory(atPath: entryFolder.path).sorted()
        XCTAssertEqual(left, [".abcd.\(alive).18.tmp", ".abce.\(dead).19.tmp", "abcd.json"])
    }

    /// A run declared again under another name (to sit in a later comparison's table) is
    /// the same cache entry, so it trains nothing; any other argument is another entry.
    func testARunsNameIsNotPartOfItsKey() throws {
        let data = DatasetKey(kind: "Shapes", spec: "{\"train\":64}")
        let key = { (run: Run) in RunSpec(run: run, dataset: data).hash() }
        XCTAssertEqual(key(Run("plain BCE", epochs: 3)), key(Run("plain BCE, again", epochs: 3)))
        XCTAssertNotEqual(key(Run("plain BCE", epochs: 3)), key(Run("plain BCE", epochs: 4)))
    }

    func testMissingEntryIsAMiss() {
        guard case .miss = ResultCache(directory: folder).load(Value.self, key: "ffff", spec: "{}") else {
            return XCTFail("expected a miss")
        }
    }

    func testEntryForADifferentSpecIsNeverUsed() throws {
        let cache = ResultCache(directory: folder)
        try cache.store(Value(loss: 1, names: []), key: "k1", spec: "{\"epochs\":2}")
        guard case .unusable(let reason) = cache.load(Value.self, key: "k1", spec: "{\"epochs\":3}") else {
            return XCTFail("an entry written for another spec must not be used")
        }
        XCTAssertTrue(reason.contains("different spec"), reason)
    }

    func testTamperedPayloadFailsTheChecksum() throws {
        let cache = ResultCache(directory: folder)
        try cache.store(Value(loss: 0.5, names: []), key: "k2", spec: "s")
        let url = cache.entryURL("k2")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "0.5", with: "0.4")
        try text.write(to: url, atomically: false, encoding: .utf8)
        guard case .unusable(let reason) = cache.load(Value.self, key: "k2", spec: "s") else {
            return XCTFail("a tampered entry must not be used")
        }
        XCTAssertTrue(reason.contains("checksum"), reason)
    }

    func testTruncatedEntryIsUnusableAndRewritable() throws {
        let cache = ResultCache(directory: folder)
        try cache.store(Value(loss: 0.5, names: []), key: "k3", spec: "s")
        let url = cache.entryURL("k3")
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        guard case .unusable = cache.load(Value.self, key: "k3", spec: "s") else { return XCTFail("expected unusable") }
        try cache.store(Value(loss: 0.5, names: []), key: "k3", spec: "s")
        guard case .hit = cache.load(Value.self, key: "k3", spec: "s") else { return XCTFail("expected a hit after rewrite") }
    }

    func testConcurrentWritersLeaveOneWholeEntry() throws {
        let cache = ResultCache(directory: folder)
        let value = Value(loss: 0.125, names: Array(repeating: "label", count: 2000))
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            try? cache.store(value, key: "race", spec: "s")
            if case .unusable(let reason) = cache.load(Value.self, key: "race", spec: "s") { XCTFail(reason) }
        }
        guard case .hit(let loaded) = cache.load(Value.self, key: "race", spec: "s") else { return XCTFail("expected a hit") }
        XCTAssertEqual(loaded, value)
    }

    func testSchedulerResultsDoNotDependOnJobs() {
        let work: @Sendable (Int) -> Int = { i in (0..<(1000 * (5 - i % 5))).reduce(i) { ($0 &* 31) &+ $1 } }
        XCTAssertEqual(RunScheduler.map(9, jobs: 1, work), RunScheduler.map(9, jobs: 3, work))
        XCTAssertEqual(RunScheduler.map(9, jobs: 1, work), (0..<9).map(work))
    }
}
