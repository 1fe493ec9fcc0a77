import XCTest
@testable import Datasets

final class DatasetSourceTests: XCTestCase {
    func testSourcesRoundTripThroughJSONAndLoadLikeTheirSpecs() throws {
        let sources: [DatasetSource] = [
            .shapes(Shapes(train: 20, validation: 0, test: 5, seed: 2)),
            .fashionMosaics(FashionMosaics(categories: ["bag"], prevalence: [0.3], folder: "fashion")),
            .numpy(NumpyDataset(images: "x.npy", labels: "y.npy", names: ["a"])),
            .idx(IDXDataset(images: "x.idx", labels: "y.idx", testImages: "tx.idx", testLabels: "ty.idx")),
        ]
        let decoded = try JSONDecoder().decode([DatasetSource].self, from: JSONEncoder().encode(sources))
        XCTAssertEqual(decoded, sources)
        XCTAssertEqual(Set(sources).count, 4)
        XCTAssertEqual(try sources[0].load(relativeTo: nil), try Shapes(train: 20, validation: 0, test: 5, seed: 2).load())
    }

    func testInputFilesAreTheResolvedPathsSoCachesCanHashThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("d/x.npy", NpyWriter.file(descr: "|u1", shape: [1, 1, 1], data: [0]))
        try folder.write("d/y.npy", NpyWriter.file(descr: "|u1", shape: [1], data: [0]))
        let spec = NumpyDataset(images: "d/x.npy", labels: "d/y.npy")
        XCTAssertEqual(try spec.inputFiles(relativeTo: folder.path), [folder.path + "/d/x.npy", folder.path + "/d/y.npy"])
        XCTAssertEqual(try Shapes().inputFiles(relativeTo: nil), [])
        assertDatasetError(["../y.npy"]) { _ = try NumpyDataset(images: "d/x.npy", labels: "../y.npy").inputFiles(relativeTo: folder.path) }
    }
}
