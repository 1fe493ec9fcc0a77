import ResultsAssembly
import ResultsRendering

// The rerun's results.json: a host passes the lesson's published results.json and a
// request (UTF-8 JSON: the resolved parameters and claims, every (run, seed) pair with
// its spec and, when it was trained again, its RunResult, and the data of comparisons whose
// card is made again; see `Rerun`; mosaic cards are drawn from `lessons_fashion_images`), and reads back
// the results.json text `lessons run --set ...` writes (scripts/wasm/assemble-node.mjs).

/// The last assembly, kept alive for the host to read.
nonisolated(unsafe) private var lastAssembled: [UInt8] = []

/// Assembles. Status: 0 done (`lessons_assembled`), 1 unreadable input (`lessons_error` says where).
@_expose(wasm, "lessons_assemble_results") @_cdecl("lessons_assemble_results")
public func lessonsAssembleResults(_ published: UnsafePointer<UInt8>, _ publishedLength: Int32,
                                   _ request: UnsafePointer<UInt8>, _ requestLength: Int32) -> Int32 {
    lastAssembled = []
    do {
        lastAssembled = Array(try Rerun.resultsJSON(
            published: Array(UnsafeBufferPointer(start: published, count: Int(max(publishedLength, 0)))),
            request: Array(UnsafeBufferPointer(start: request, count: Int(max(requestLength, 0)))), fashion: fashionImages).utf8)
        return 0
    } catch {
        lastError = Array(error.message.utf8)
        return 1
    }
}

@_expose(wasm, "lessons_assembled") @_cdecl("lessons_assembled")
public func lessonsAssembled() -> UnsafeRawPointer? { address(lastAssembled) }
@_expose(wasm, "lessons_assembled_length") @_cdecl("lessons_assembled_length")
public func lessonsAssembledLength() -> Int32 { Int32(lastAssembled.count) }
