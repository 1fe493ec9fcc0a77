import ArgumentParser
import LessonKit

extension Lessons {
    /// `lessons fashion-asset`: the Fashion-MNIST items lessons.wasm draws mosaics from,
    /// without running any lesson (`lessons build` writes the same file).
    struct FashionAssetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fashion-asset",
            abstract: "Write assets/fashion-mnist.js, Fashion-MNIST for reruns in the browser.")

        @OptionGroup var output: OutputOptions

        mutating func run() throws {
            let path: String?
            do { path = try FashionAsset.write(site: output.out) } catch let error as LessonsError { throw error } catch {
                throw LessonsError(message: "\(error)", exitCode: 2)
            }
            Console.error(path.map { "Wrote \($0)." } ?? "\(output.out)/assets/\(FashionAsset.fileName) is up to date.")
        }
    }
}
