import KochbuchModel

/// Every figure shows an image file that exists inside the book folder.
struct ImageCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.imageOutsideBook, .referenceImage]

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.graph.figures.compactMap { entry in
            let source = entry.figure.source
            guard let normalized = entry.figure.bookPath else {
                return Diagnostic(.error, .imageOutsideBook, "image '\(source)' lies outside the book folder",
                                  at: entry.figure.location, hint: "copy the image into Recipes/images/ and refer to it from there")
            }
            guard context.book.imagePaths.contains(normalized) else {
                return Diagnostic(.error, .referenceImage, "image '\(source)' does not exist", at: entry.figure.location,
                                  hint: Suggestion.hint(for: normalized, in: context.book.imagePaths)
                                      ?? "paths are relative to the book folder, e.g. images/ablauf.svg")
            }
            return nil
        }
    }
}
