/// A word readers search with ("Ummeldung") and the words the book uses for it ("Wohnsitzanmeldung").
public struct Synonym: Sendable, Hashable {
    public var word: String
    public var means: [String]
    public var location: SourceLocation

    public init(word: String, means: [String], location: SourceLocation) {
        self.word = word
        self.means = means
        self.location = location
    }
}
