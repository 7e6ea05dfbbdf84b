import ArgumentParser
import Kochbuch

/// Options every command shares.
struct BookOptions: ParsableArguments {
    @Option(name: .long, help: .say(de: "Der Ordner des Buchs.", en: "The book folder.", value: ("ORDNER", "DIR")))
    var book: String = "Recipes"

    var location: BookLocation { BookLocation(path: book) }

    func validate() throws {
        guard location.exists else {
            throw ValidationError(say(de: "kein Buchordner unter '\(book)': rufen Sie kochbuch im Projektordner auf oder geben Sie --book ORDNER an",
                                      en: "no book folder at '\(book)': run kochbuch in the project folder, or pass --book DIR"))
        }
    }
}
