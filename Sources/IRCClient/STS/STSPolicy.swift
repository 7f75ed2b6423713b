/// An IRCv3 Strict Transport Security policy as advertised in the `sts` capability value
/// (`port=6697,duration=2592000,preload`).
public struct STSPolicy: Sendable, Equatable {
    public var port: Int?
    public var duration: Int?
    public var preload: Bool

    public init(value: String) {
        var port: Int?
        var duration: Int?
        var preload = false
        for item in value.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1)
            switch pair.first {
            case "port": port = pair.count > 1 ? Int(pair[1]) : nil
            case "duration": duration = pair.count > 1 ? Int(pair[1]) : nil
            case "preload": preload = true
            default: break
            }
        }
        self.port = port
        self.duration = duration
        self.preload = preload
    }
}
