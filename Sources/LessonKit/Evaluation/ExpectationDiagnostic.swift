extension ExpectationOutcome {
    /// The located diagnostic for a failed claim.
    public func diagnostic(path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: path, location: location, severity: .error, message: message)
    }
}
