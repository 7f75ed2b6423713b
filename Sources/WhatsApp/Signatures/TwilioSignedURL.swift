/// The URL forms Twilio's validator tries, computed the way its Python library computes them.
///
/// Twilio's own `RequestValidator.validate` checks the signature against the URL without a port and
/// against the URL with the scheme's default port added, "since signature generation on the back end is
/// inconsistent". It gets those forms from `urllib.parse.urlparse(...).geturl()`, which also lowercases
/// the scheme and drops an empty `?`, `#` or `;`. This type repeats those steps on Unicode scalars (as
/// Python indexes strings) so that Switchboard accepts exactly the requests the library accepts.
struct TwilioSignedURL: Sendable, Hashable {
    var scheme: [Unicode.Scalar]
    var netloc: [Unicode.Scalar]
    var path: [Unicode.Scalar]
    var params: [Unicode.Scalar]
    var query: [Unicode.Scalar]
    var fragment: [Unicode.Scalar]

    private static let schemeCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.".unicodeScalars)
    private static let paramSchemes: Set<String> = [
        "", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtsps", "rtspu", "sip",
        "sips", "mms", "sftp", "tel",
    ]
    private static let netlocSchemes: Set<String> = [
        "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews",
        "prospero", "rtsp", "rtsps", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws",
        "wss",
    ]

    /// Splits like `urlparse`; nil where Python raises (an unbalanced IPv6 bracket).
    init?(_ url: String) {
        var rest = Array(url.unicodeScalars)
        // urlsplit strips leading C0 controls and spaces, then removes every tab, CR and LF.
        while let first = rest.first, first.value <= 0x20 {
            rest.removeFirst()
        }
        rest.removeAll { $0 == "\t" || $0 == "\r" || $0 == "\n" }

        scheme = []
        netloc = []
        params = []
        query = []
        fragment = []
        if let colon = rest.firstIndex(of: ":"), colon > 0, rest[0].isASCII, Self.isAlpha(rest[0]),
           rest[..<colon].allSatisfy({ Self.schemeCharacters.contains($0) }) {
            scheme = rest[..<colon].map(Self.lowercased)
            rest = Array(rest[(colon + 1)...])
        }
        if rest.starts(with: ["/", "/"]) {
            let end = rest[2...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.count
            netloc = Array(rest[2..<end])
            rest = Array(rest[end...])
            if netloc.contains("[") != netloc.contains("]") {
                return nil
            }
        }
        if let hash = rest.firstIndex(of: "#") {
            fragment = Array(rest[(hash + 1)...])
            rest = Array(rest[..<hash])
        }
        if let question = rest.firstIndex(of: "?") {
            query = Array(rest[(question + 1)...])
            rest = Array(rest[..<question])
        }
        path = rest
        if Self.paramSchemes.contains(Self.string(scheme)), path.contains(";") {
            let semicolon: Int?
            if let slash = path.lastIndex(of: "/") {
                semicolon = path[slash...].firstIndex(of: ";")
            } else {
                semicolon = path.firstIndex(of: ";")
            }
            if let semicolon {
                params = Array(path[(semicolon + 1)...])
                path = Array(path[..<semicolon])
            }
        }
    }

    /// `ParseResult.port`: nil when absent or empty; throws (here: `.invalid`) when not a port number.
    enum Port: Equatable {
        case absent
        case number(Int)
        case invalid
    }

    var port: Port {
        var hostinfo = netloc
        if let at = hostinfo.lastIndex(of: "@") {
            hostinfo = Array(hostinfo[(at + 1)...])
        }
        var portText: [Unicode.Scalar]
        if let open = hostinfo.firstIndex(of: "[") {
            let bracketed = hostinfo[(open + 1)...]
            if let close = bracketed.firstIndex(of: "]") {
                let after = hostinfo[(close + 1)...]
                portText = after.firstIndex(of: ":").map { Array(after[($0 + 1)...]) } ?? []
            } else {
                portText = []
            }
        } else {
            portText = hostinfo.firstIndex(of: ":").map { Array(hostinfo[($0 + 1)...]) } ?? []
        }
        if portText.isEmpty {
            return .absent
        }
        guard portText.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(Self.string(portText)),
              (0...65535).contains(number)
        else {
            return .invalid
        }
        return .number(number)
    }

    /// `ParseResult.geturl()`.
    var string: String {
        var url = path
        if !params.isEmpty {
            url += [";"] + params
        }
        let schemeText = Self.string(scheme)
        if !netloc.isEmpty || (!scheme.isEmpty && Self.netlocSchemes.contains(schemeText) && !url.starts(with: ["/", "/"])) {
            if let first = url.first, first != "/" {
                url.insert("/", at: 0)
            }
            url = ["/", "/"] + netloc + url
        }
        if !scheme.isEmpty {
            url = scheme + [":"] + url
        }
        if !query.isEmpty {
            url += ["?"] + query
        }
        if !fragment.isEmpty {
            url += ["#"] + fragment
        }
        return Self.string(url)
    }

    /// `remove_port`: everything in the netloc after its first `:` goes, when a port is set.
    var withoutPort: String? {
        switch port {
        case .invalid: return nil
        case .absent, .number(0): return string
        case .number:
            var copy = self
            copy.netloc = Array(netloc.prefix { $0 != ":" })
            return copy.string
        }
    }

    /// `add_port`: the scheme's default port (443 for https, 80 for anything else) when none is set.
    var withPort: String? {
        switch port {
        case .invalid: return nil
        case .number(let number) where number != 0: return string
        case .absent, .number:
            var copy = self
            let defaultPort = Self.string(scheme) == "https" ? "443" : "80"
            copy.netloc = netloc + [":"] + Array(defaultPort.unicodeScalars)
            return copy.string
        }
    }

    private static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
