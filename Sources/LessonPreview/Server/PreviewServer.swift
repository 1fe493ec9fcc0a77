import Foundation
import LessonKit
import NIOCore
import NIOHTTP1
import NIOPosix

/// `lessons preview`: builds the lessons, serves the site folder on 127.0.0.1
/// (SwiftNIO's HTTP/1.1 server, one event loop), rebuilds a lesson when its
/// file is saved, and stops on Ctrl-C (SIGINT) or SIGTERM.
public struct PreviewServer {
    public var library: LessonLibrary
    /// The lessons watched and given a panel (one, or the whole course).
    public var lessons: [LessonFile]
    public var outputDirectory: String
    public var options: LessonPipeline.Options
    /// 0: any free port.
    public var port: Int
    /// The page opened first (a lesson id), for the announcement.
    public var firstPage: String?

    public init(library: LessonLibrary, lessons: [LessonFile], outputDirectory: String, options: LessonPipeline.Options,
                port: Int, firstPage: String?) {
        self.library = library
        self.lessons = lessons
        self.outputDirectory = outputDirectory
        self.options = options
        self.port = port
        self.firstPage = firstPage
    }

    /// Serves until a signal stops it. `announce` receives the address to open.
    public func run(announce: (String) -> Void) throws {
        let events = EventHub()
        let session = PreviewSession(library: library, lessons: lessons, outputDirectory: outputDirectory,
                                     options: options, events: events)
        let router = PreviewRouter(session: session)

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(PreviewHTTPHandler(router: router, events: events))
                }
            }
        // Loopback only: nothing else on the network can reach the preview. Bound before
        // the first build, so a port in use is said at once.
        let channel: Channel
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
        } catch {
            // NIO's error text names its own call; the system's reason is what a person needs.
            let reason = (error as? IOError).map { String(cString: strerror($0.errnoCode)).lowercased() }
                ?? FileSystemFailure.describe(error)
            throw LessonsError(message: "cannot listen on 127.0.0.1:\(port): \(reason); choose another port with --port")
        }
        session.buildAll()

        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { channel.close(promise: nil) }
            source.resume()
            return source
        }
        let paths = Dictionary(uniqueKeysWithValues: lessons.map { ($0.id, $0.path) })
        let watcher = LessonWatcher(paths: paths) { id in session.lessonChanged(id) }
        watcher.start()

        let page = firstPage.map { "\($0).html" } ?? ""
        announce("http://127.0.0.1:\(channel.localAddress?.port ?? port)/\(page)")
        try channel.closeFuture.wait()
        watcher.stop()
        for source in signals { source.cancel() }
    }
}
