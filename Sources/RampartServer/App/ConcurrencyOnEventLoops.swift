import NIOCore
import NIOPosix

public enum ConcurrencyOnEventLoops {
    /// Runs Swift concurrency's tasks on NIO's event loops instead of a pool of its own, so that a request no longer
    /// changes threads at every `await` between the handler, the connection and the database. Call it first thing
    /// in `main`, on the main thread, once.
    @discardableResult
    public static func install() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
