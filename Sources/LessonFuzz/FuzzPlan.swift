import Foundation
import LessonKit

/// Which mutants a fuzz batch judges and how: mutant `i` of `seed`, judged in
/// process, except every `binaryEvery`-th, which is made from the tiny course
/// and run through the real binary. Everything follows from the seed and the
/// lesson files, so a batch (and any one mutant of it) can be replayed.
public struct FuzzPlan: Sendable {
    public var seed: UInt64
    /// Mutants `first..<end` are judged.
    public var first: Int
    public var end: Int
    /// 0: none through the binary.
    public var binaryEvery: Int
    public let course: LessonMutator
    public let tiny: LessonMutator

    public init(seeds: [LessonMutator.Seed], seed: UInt64, first: Int, end: Int, binaryEvery: Int) {
        self.seed = seed
        self.first = first
        self.end = end
        self.binaryEvery = binaryEvery
        course = LessonMutator(seeds: seeds, seed: seed)
        tiny = LessonMutator(seeds: seeds.map { LessonMutator.Seed(fileName: $0.fileName, bytes: Array(TinyCourse.shrunk(
            String(decoding: $0.bytes, as: UTF8.self)).utf8)) }, seed: seed)
    }

    public func isBinary(_ index: Int) -> Bool { binaryEvery > 0 && index % binaryEvery == binaryEvery - 1 }

    public func mutant(_ index: Int) -> LessonMutator.Mutant {
        isBinary(index) ? tiny.mutant(index) : course.mutant(index)
    }

    /// The lessons of a course folder (`NN-name.md`, sorted), as mutation seeds.
    public static func seeds(lessonsFolder: String) throws -> [LessonMutator.Seed] {
        try FileSystemFailure.guarding("read the lessons in", lessonsFolder) { try readSeeds(lessonsFolder) }
    }

    private static func readSeeds(_ lessonsFolder: String) throws -> [LessonMutator.Seed] {
        let names = try FileManager.default.contentsOfDirectory(atPath: lessonsFolder).filter { $0.hasSuffix(".md") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: lessonsFolder).appendingPathComponent(name))
            return LessonMutator.Seed(fileName: name, bytes: Array(data))
        }
    }
}
