import NIOConcurrencyHelpers

/// Markup of page parts that never change once written, rendered once: a finished run's tables per nation and per
/// class or item come from its stored summary, which no edit changes. The key names everything the part shows
/// (the run, and whose figures); a bounded number of parts is kept, all dropped when it is full.
enum RenderedFragments {
    private static let cache = NIOLockedValueBox([String: String]())
    static let capacity = 256

    static func html(_ key: String, _ render: () -> String) -> String {
        if let hit = cache.withLockedValue({ $0[key] }) { return hit }
        let html = render()
        cache.withLockedValue { cache in
            if cache.count >= capacity { cache.removeAll() }
            cache[key] = html
        }
        return html
    }
}
