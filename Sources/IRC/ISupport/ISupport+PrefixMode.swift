extension ISupport {
    /// One pair from `PREFIX=(ov)@+`: channel mode `o` shows as `@` in NAMES and WHO replies.
    public struct PrefixMode: Sendable, Hashable {
        public var mode: Character
        public var prefix: Character

        public init(mode: Character, prefix: Character) {
            self.mode = mode
            self.prefix = prefix
        }
    }
}
