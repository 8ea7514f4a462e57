#if canImport(Glibc)
import Glibc
#endif

/// Lowers the scheduling priority of the calling thread, so that when the cores are busy the event loops serving
/// requests run before a plan being computed. Linux gives each thread its own nice value; elsewhere this does nothing.
enum BackgroundPriority {
    static let niceness: Int32 = 10

    static func lowerCurrentThread() {
        #if os(Linux)
        if let thread = currentThreadID() {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), thread, niceness)
        }
        #endif
    }

    /// The calling thread's nice value (Linux); nil elsewhere.
    static func currentThreadNiceness() -> Int32? {
        #if os(Linux)
        guard let thread = currentThreadID() else { return nil }
        errno = 0
        let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), thread)
        return errno == 0 ? value : nil
        #else
        return nil
        #endif
    }

    #if os(Linux)
    /// The kernel's id of the calling thread, read from /proc/thread-self, a link to "<pid>/task/<tid>"
    /// (Glibc's gettid is not visible to Swift).
    private static func currentThreadID() -> id_t? {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return target.split(separator: "/").last.flatMap { id_t($0) }
    }
    #endif
}
