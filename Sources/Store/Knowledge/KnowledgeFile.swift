import Foundation

/// One Markdown file found in the knowledge-base folder, as the file system describes it.
///
/// Size and modification time decide cheaply whether a file may have changed; only then is it read and
/// hashed, and only a different hash re-indexes it (a `touch` or a checkout that rewrites identical bytes
/// costs one read, not an index write).
struct KnowledgeFile: Sendable, Hashable {
    /// Relative to the folder, with `/` separators.
    var path: String
    var url: URL
    var size: Int64
    var modifiedAt: Double

    /// Every `*.md` file under `folder`, skipping hidden files and folders.
    static func scan(_ folder: URL) throws -> [KnowledgeFile] {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
            return []
        }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var files: [KnowledgeFile] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "md" {
            let values = try url.resourceValues(forKeys: Set(keys))
            guard values.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(prefix) else { continue }
            files.append(KnowledgeFile(
                path: String(full.dropFirst(prefix.count)), url: url, size: Int64(values.fileSize ?? 0),
                modifiedAt: values.contentModificationDate?.timeIntervalSince1970 ?? 0))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// FNV-1a, 64 bits, as hex: enough to tell an edited file from an identical one (not a security hash).
    static func hash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
