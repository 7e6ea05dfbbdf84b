import CStemmer
import Foundation

/// Snowball's German stemmer (libstemmer). One C stemmer per instance; calls are serialised,
/// because a libstemmer stemmer is not thread-safe.
public final class GermanStemmer: @unchecked Sendable {
    private let stemmer: OpaquePointer
    private let lock = NSLock()

    public init() {
        guard let stemmer = sb_stemmer_new("german", "UTF_8") else {
            fatalError("libstemmer has no German stemmer")
        }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a lowercase word: "antrage" → "antrag", "verwaltungen" → "verwalt".
    public func stem(_ word: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> String in
            guard let base = buffer.baseAddress,
                  let result = sb_stemmer_stem(stemmer, base, Int32(buffer.count)) else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
