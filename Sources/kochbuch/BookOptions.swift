import ArgumentParser
import Kochbuch

/// Options every command shares.
struct BookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The book folder.", valueName: "DIR"))
    var book: String = "Recipes"

    var location: BookLocation { BookLocation(path: book) }

    func validate() throws {
        guard location.exists else {
            throw ValidationError("no book folder at '\(book)': run kochbuch in the project folder, or pass --book DIR")
        }
    }
}
