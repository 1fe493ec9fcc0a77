/// Limits that keep evaluation of untrusted lesson code bounded.
package enum EvaluationBounds {
    package static let blockBytes = 64 * 1024
    package static let arrayElements = 4096
    package static let stringCharacters = 1000
    package static let expressionDepth = 32
}
