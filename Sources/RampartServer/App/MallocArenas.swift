#if canImport(Glibc)
import Glibc
#endif

/// glibc gives each thread that allocates under contention an arena of its own and keeps what an arena freed:
/// with the event loops, the planner's and SQLite's threads, each plan run left about 40 MiB more resident (a
/// 10-minute soak went from 133 to 341 MiB; with two arenas it stayed between 115 and 163 MiB; BENCHMARKS.md, "Soak").
enum MallocArenas {
    static let limit: Int32 = 2
    /// `M_ARENA_MAX` of glibc's malloc.h, which the Glibc module does not bring in (nor `mallopt`).
    private static let arenaMaxOption: Int32 = -8

    /// Call before the server starts its threads.
    static func limitForServer() {
        #if canImport(Glibc)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = symbol("mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(arenaMaxOption, limit)
        #endif
    }

    /// Hands the pages a plan run freed back to the system (`malloc_trim`): its transient hundreds of megabytes
    /// otherwise stay resident, scattered through the arenas, and each run left the server a little larger.
    static func releaseFreedMemory() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = symbol("malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    #if canImport(Glibc)
    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
        return dlsym(handle, name)
    }
    #endif
}
