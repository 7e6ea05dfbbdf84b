/// Text made of chunks separated by one blank line.
struct TextDocument {
    private(set) var lines: [String] = []

    /// Appends a chunk after a blank line; an empty chunk adds nothing.
    mutating func add(_ chunk: [String]) {
        guard !chunk.isEmpty else { return }
        if !lines.isEmpty { lines.append("") }
        lines += chunk
    }

    /// Appends a chunk after two blank lines, to set off a new part.
    mutating func addPart(_ chunk: [String]) {
        guard !chunk.isEmpty else { return }
        if !lines.isEmpty { lines += ["", ""] }
        lines += chunk
    }
}
