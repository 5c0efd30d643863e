import Foundation
import GazetteCore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `gazette serve`: builds the site into memory, serves it over HTTP, rebuilds what changed when a source
/// is saved, and tells every open page to reload (or shows the build's errors over it).
///
/// ```swift
/// let server = PreviewServer(.init(options: BuildOptions(site: folder))) { print($0.text) }
/// try await server.runUntilStopped()   // until SIGINT or SIGTERM
/// ```
///
/// It is a `Service`: run it in a `ServiceGroup` of your own to stop it with a graceful shutdown.
public struct PreviewServer: Service {
    public struct Configuration: Sendable {
        /// The site; `baseURL` is replaced by the server's own address and `output` is not written.
        public var options: BuildOptions
        /// The address to listen on: loopback unless asked otherwise.
        public var host = "127.0.0.1"
        /// 0 picks a free port.
        public var port = 8080
        /// How diagnostics name files.
        public var paths = DisplayPaths()
        /// Poll the sources at this interval instead of using inotify.
        public var pollInterval: Duration?
        /// The builds' time; nil: the clock's at each rebuild (an article whose time comes appears).
        public var now: Date?
        /// How long the sources must be quiet after a save before the rebuild starts.
        public var quietPeriod: Duration = .milliseconds(30)

        public init(options: BuildOptions) {
            self.options = options
        }
    }

    public let configuration: Configuration
    private let onReady: @Sendable (URL) async -> Void
    private let log: @Sendable (PreviewMessage) -> Void

    /// - Parameters:
    ///   - onReady: called with the site's address once the first build is served.
    ///   - log: told what the server does: its address, each rebuild, each failure.
    public init(_ configuration: Configuration, onReady: @escaping @Sendable (URL) async -> Void = { _ in },
                log: @escaping @Sendable (PreviewMessage) -> Void = { _ in }) {
        self.configuration = configuration
        self.onReady = onReady
        self.log = log
    }

    /// Runs the server until SIGINT or SIGTERM (Ctrl-C), then stops it gracefully.
    ///
    /// - Throws: `PreviewError` when the address cannot be bound (`portInUse` when another program has it).
    public func runUntilStopped(signals: [UnixSignal] = [.sigint, .sigterm]) async throws {
        let group = ServiceGroup(configuration: .init(services: [self], gracefulShutdownSignals: signals, logger: Self.logger))
        try await group.run()
    }

    /// Builds, serves and watches until the service group it runs in shuts down.
    ///
    /// - Throws: `PreviewError` when the address cannot be bound (`portInUse` when another program has it).
    public func run() async throws {
        let options = configuration.options
        let site = PreviewSite(options: options, paths: configuration.paths, now: configuration.now)
        let reload = LiveReload()
        let watcher = FileWatcher(targets: [.tree(options.content.path), .tree(options.templates.path), .file(options.configFile.path)],
                                  mode: configuration.pollInterval.map { .polling(interval: $0) } ?? .automatic,
                                  quietPeriod: configuration.quietPeriod)
        defer { watcher.stop() }
        let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
        let rebuilds = RebuildService(site: site, reload: reload, watcher: watcher, ready: ready, log: log)
        let (host, log, onReady) = (configuration.host, self.log, self.onReady)
        let app = Application(
            responder: SiteResponder(site: site, reload: reload),
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: "Gazette"),
            services: [rebuilds, reload],
            onServerRunning: { channel in
                let url = Self.address(host: host, port: channel.localAddress?.port ?? 0)
                site.setBaseURL(url.absoluteString)
                let outcome = await site.rebuild()
                log(.init(outcome, cause: nil, told: nil))
                log(.init("Serving at \(url.absoluteString) (watching with \(watcher.method); Ctrl-C stops)"))
                readyContinuation.yield()
                readyContinuation.finish()
                await onReady(url)
            },
            logger: Self.logger
        )
        do {
            try await app.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PreviewError.portInUse(host: host, port: configuration.port)
        } catch let error as IOError {
            throw PreviewError.cannotListen(host: host, port: configuration.port, reason: String(cString: strerror(error.errnoCode)))
        } catch is SocketAddressError.UnknownHost {
            throw PreviewError.cannotListen(host: host, port: configuration.port, reason: "no such host")
        } catch let error as SocketAddressError {
            throw PreviewError.cannotListen(host: host, port: configuration.port, reason: "\(error)")
        }
        log(.init("Stopped."))
    }

    /// Hummingbird's and the service group's own log: errors only, unless `GAZETTE_LOG` names a level.
    static let logger: Logger = {
        var logger = Logger(label: "gazette.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["GAZETTE_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        return logger
    }()

    /// The site's address as browsers reach it: a wildcard host is reached on loopback.
    static func address(host: String, port: Int) -> URL {
        var name = host
        if name == "0.0.0.0" || name.isEmpty { name = "127.0.0.1" }
        if name == "::" { name = "::1" }
        if name.contains(":") { name = "[" + name + "]" }
        return URL(string: "http://\(name):\(port)/")!
    }
}

/// Why the server could not start.
public enum PreviewError: Error, CustomStringConvertible {
    case portInUse(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) is in use on \(host); try --port 0 to pick a free port, or another --port"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host) port \(port): \(reason)"
        }
    }
}
