import KochbuchModel

/// An edition's view of a pack file: the piece of a recipe under the recipe's input key, combined
/// with the kind of piece (so that two editions can never take each other's).
public struct CachedPieces: RecipePieces, @unchecked Sendable {
    public let cache: PieceCache
    private let keys: [String: ContentDigest]

    public init(cache: PieceCache, keys: RecipeInputKeys, kind: String) {
        self.cache = cache
        let kind = ContentDigest(of: kind)
        self.keys = keys.keys.mapValues { key in
            var keyed = key
            keyed.combine(kind)
            return keyed
        }
    }

    public func piece(for recipeID: String) -> [UInt8]? {
        keys[recipeID].flatMap(cache.piece)
    }

    public func keep(_ piece: [UInt8], for recipeID: String) {
        if let key = keys[recipeID] { cache.keep(piece, under: key) }
    }
}
