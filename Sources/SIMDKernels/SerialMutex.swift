#if hasFeature(Embedded)
/// `Synchronization.Mutex` for the Embedded Swift (wasm32) build, which has one thread
/// and no `Mutex`: the same `withLock` interface, so shared state is written once for
/// both targets.
public final class Mutex<Value>: @unchecked Sendable {
    private var value: Value

    public init(_ initialValue: Value) { value = initialValue }

    public func withLock<Result, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E) -> Result {
        try body(&value)
    }
}
#endif
