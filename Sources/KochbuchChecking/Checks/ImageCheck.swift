import KochbuchModel

/// Every figure shows an image file that exists inside the book folder.
struct ImageCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.imageOutsideBook, .referenceImage]

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.graph.figures.compactMap { entry in
            let source = entry.figure.source
            guard let normalized = entry.figure.bookPath else {
                return Diagnostic(.error, .imageOutsideBook,
                                  Phrase(de: "das Bild '\(source)' liegt außerhalb des Buchordners",
                                         en: "image '\(source)' lies outside the book folder"),
                                  at: entry.figure.location,
                                  hint: Phrase(de: "kopieren Sie das Bild nach Recipes/images/ und verweisen Sie von dort darauf, z. B. src=\"images/ablauf.svg\"",
                                               en: "copy the image into Recipes/images/ and refer to it from there"))
            }
            guard context.book.imagePaths.contains(normalized) else {
                return Diagnostic(.error, .referenceImage,
                                  Phrase(de: "das Bild '\(source)' gibt es nicht", en: "image '\(source)' does not exist"),
                                  at: entry.figure.location,
                                  hint: Suggestion.phrase(for: normalized, in: context.book.imagePaths)
                                      ?? Phrase(de: "Pfade gelten ab dem Buchordner, z. B. images/ablauf.svg",
                                                en: "paths are relative to the book folder, e.g. images/ablauf.svg"))
            }
            return nil
        }
    }
}
