/// Finds `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` near the start of an HTML body
/// whose MIME header declares no charset.
enum HTMLCharsetSniffer {
    static func sniff(_ bytes: [UInt8]) -> String? {
        let window = bytes.prefix(2048).map(ASCII.lower)
        let needle = Array("charset=".utf8)
        guard window.count >= needle.count else { return nil }
        var i = 0
        while i + needle.count <= window.count {
            if window[i] == needle[0], Array(window[i..<(i + needle.count)]) == needle {
                var j = i + needle.count
                while j < window.count, window[j] == ASCII.quote || window[j] == 0x27 || ASCII.isBlank(window[j]) { j += 1 }
                let start = j
                while j < window.count, window[j] > 0x20, window[j] != ASCII.quote, window[j] != 0x27,
                      window[j] != ASCII.semicolon, window[j] != ASCII.greater, window[j] != 0x2F { j += 1 }
                if j > start { return String(decoding: window[start..<j], as: UTF8.self) }
            }
            i += 1
        }
        return nil
    }
}
