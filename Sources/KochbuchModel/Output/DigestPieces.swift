/// Pieces of an edition kept between builds under the digest of everything they are made from
/// (the build cache), for parts that belong to no single recipe, such as a run of the search
/// index's documents.
public protocol DigestPieces: Sendable {
    /// The piece made in an earlier build under exactly this key, if kept.
    func piece(_ key: ContentDigest) -> [UInt8]?

    /// Keeps the piece just made under `key`, for the next build.
    func keep(_ piece: [UInt8], under key: ContentDigest)
}

/// Keeps nothing: every piece is made anew.
public struct NoDigestPieces: DigestPieces {
    public init() {}
    public func piece(_ key: ContentDigest) -> [UInt8]? { nil }
    public func keep(_ piece: [UInt8], under key: ContentDigest) {}
}
