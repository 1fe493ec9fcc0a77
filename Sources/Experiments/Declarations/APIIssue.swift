/// A problem found by a member's cross-argument check. `path` names where:
/// argument names and array indices (`["runs", 2, "loss"]`); empty = the call.
public struct APIIssue: Sendable, Equatable {
    public enum Step: Sendable, Equatable { case argument(String), index(Int) }
    public var path: [Step]
    public var message: String

    public init(_ path: [Step], _ message: String) {
        self.path = path
        self.message = message
    }
}
