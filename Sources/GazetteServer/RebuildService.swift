import GazetteCore
import ServiceLifecycle

/// Rebuilds after each batch of changes and tells the open pages: `reload` when the site changed or a
/// failed build was fixed, `failed` when the rebuild failed. Runs until the server stops.
struct RebuildService: Service {
    let site: PreviewSite
    let reload: LiveReload
    let watcher: FileWatcher
    /// Yields once the first build is served.
    let ready: AsyncStream<Void>
    let log: @Sendable (PreviewMessage) -> Void

    func run() async throws {
        for await _ in ready.cancelOnGracefulShutdown() { break }
        for await batch in watcher.batches.cancelOnGracefulShutdown() {
            let outcome = await site.rebuild()
            var told: (pages: Int, after: Duration)?
            if outcome.changed {
                let status = site.status
                let pages: Int
                if let failure = status.failure {
                    pages = reload.send(.failed(version: status.version, overlay: failure))
                } else {
                    pages = reload.send(.reload(version: status.version))
                }
                told = (pages, ContinuousClock.now - batch.firstChange)
            }
            let message = PreviewMessage(outcome, cause: PreviewMessage.changed(batch.paths, paths: site.paths), told: told)
            log(message)
        }
        watcher.stop()
        reload.finishAll()
    }
}

extension LiveReload: Service {
    /// Sends a keep-alive comment every 20 s, which finds pages that went away.
    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: .seconds(20))
                self.send(.ping)
            }
        }
        finishAll()
    }
}
