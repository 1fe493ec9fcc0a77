import PortableHash
import PortableJSON

/// A dataset description as part of a key: its type, its canonical JSON and,
/// for data read from files, a fingerprint of each file (path, size, modification
/// time — what build tools use; hashing a 30 MB image file on every run would cost
/// more than the cache saves). Natively the fingerprints are taken from the files
/// (`DatasetKey(_:lessonFolder:)` in LessonKit); lessons.wasm, which reads no files,
/// takes them from the published results.json (`DataFiles`).
public struct DatasetKey: Hashable, Sendable {
    public var kind: String
    public var spec: String
    public var files: [String]

    public init(kind: String, spec: String, files: [String] = []) {
        self.kind = kind
        self.spec = spec
        self.files = files
    }

    /// The key of data lessons.wasm can make, with the fingerprints of the files it is drawn from.
    public init(_ data: PairData, files: [String] = []) {
        self.init(kind: data.kind, spec: data.json.text, files: files)
    }

    /// Names the dataset card and its preview (`dataset-<first 12>.png`).
    public var hash: String { SHA256.hex(([kind, spec] + files).joined(separator: "\n")) }

    /// The key as its Codable form writes it, inside a run spec.
    public var json: JSONValue {
        .object(["kind": .string(kind), "spec": .string(spec), "files": .array(files.map { .string($0) })])
    }
}

#if !hasFeature(Embedded)
extension DatasetKey: Codable {}
#endif
