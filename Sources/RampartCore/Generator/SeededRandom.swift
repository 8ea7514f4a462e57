extension ScenarioGenerator {
    /// xoshiro256** (Blackman and Vigna), seeded through SplitMix64.
    ///
    /// Pure integer arithmetic, so a seed gives the same sequence on every platform and Swift
    /// version. It deliberately does not conform to `RandomNumberGenerator`: the standard
    /// library's `random(in:using:)` algorithms are not guaranteed stable across releases.
    struct SeededRandom {
        private var s0: UInt64
        private var s1: UInt64
        private var s2: UInt64
        private var s3: UInt64

        init(seed: UInt64) {
            var splitMix = seed
            func nextSplitMix() -> UInt64 {
                splitMix &+= 0x9E37_79B9_7F4A_7C15
                var z = splitMix
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            s0 = nextSplitMix()
            s1 = nextSplitMix()
            s2 = nextSplitMix()
            s3 = nextSplitMix()
        }

        mutating func next() -> UInt64 {
            let result = rotateLeft(s1 &* 5, 7) &* 9
            let t = s1 << 17
            s2 ^= s0
            s3 ^= s1
            s1 ^= s2
            s0 ^= s3
            s2 ^= t
            s3 = rotateLeft(s3, 45)
            return result
        }

        private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
            (x << k) | (x >> (64 - k))
        }
    }
}
