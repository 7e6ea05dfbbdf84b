import Foundation
import KochbuchModel

/// Writes recipes, catalog names, vocabulary and compound splits into an index database.
struct SearchIndexWriter {
    let database: SQLiteDatabase
    let normalizer: TermNormalizer

    func writeCatalogNames(book: Book) throws {
        for law in book.laws {
            var keys: Set<String> = [law.id, law.abbreviation.lowercased()]
            if let short = law.abbreviation.split(separator: " ").first { keys.insert(String(short).lowercased()) }
            for key in keys where law.status == .inForce || key == law.id {
                try database.query("INSERT INTO names VALUES ('law', ?, ?, ?)", [.text(key), .text(law.id), .text(law.abbreviation)])
            }
        }
        for (term, alternatives) in QueryRules(synonyms: book.synonyms ?? []).synonyms.sorted(by: { $0.key < $1.key }) {
            for alternative in alternatives {
                try database.query("INSERT INTO synonyms VALUES (?, ?)", [.text(term), .text(alternative)])
            }
        }
        for leistung in book.ozgLeistungen ?? [] {
            try database.query("INSERT INTO names VALUES ('ozg', ?, ?, ?)", [.text(leistung.id.lowercased()), .text(leistung.id), .text(leistung.name)])
        }
        for field in book.topics?.themenfelder ?? [] {
            try database.query("INSERT INTO names VALUES ('topic', ?, ?, ?)", [.text(field.name.lowercased()), .text(field.id), .text(field.name)])
            for lage in field.lebenslagen {
                try database.query("INSERT INTO names VALUES ('topic', ?, ?, ?)", [.text(lage.name.lowercased()), .text(lage.id), .text(lage.name)])
            }
        }
    }

    func write(recipes: [Recipe], book: Book) throws {
        let documents = WebSearchIndex.documents(book: book, recipes: recipes, url: { $0 })
        let abbreviations = try Dictionary(database.query("SELECT id, label FROM names WHERE kind = 'law'").map { ($0[0].text, $0[1].text) },
                                           uniquingKeysWith: { first, _ in first })
        let topicNames = try Dictionary(database.query("SELECT id, label FROM names WHERE kind = 'topic'").map { ($0[0].text, $0[1].text) },
                                        uniquingKeysWith: { first, _ in first })
        var surface: [String: [String: Int]] = [:]
        for (recipe, document) in zip(recipes, documents) {
            let laws = recipe.legalBasis.map(\.reference).map { reference in
                let name = abbreviations[reference.law] ?? reference.law
                return reference.section.map { "§ \($0) \(name)" } ?? name
            }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let themenfeld = recipe.classification.themenfelder.first.flatMap { topicNames[$0.id] } ?? ""
            try database.query("""
                INSERT INTO recipes(id, path, title, sortkey, summary, body, status, themenfeld, laws, reviewed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(recipe.id), .text(recipe.location.path), .text(document.title),
                      .text(GermanText.fold(document.title)), .text(document.summary),
                      .text(document.body), .text(recipe.status.rawValue), .text(themenfeld),
                      .text(laws.joined(separator: "; ")), .text(recipe.reviewed?.description ?? "")])
            let number = try database.query("SELECT number FROM recipes WHERE id = ?", [.text(recipe.id)]).first?.first?.integer ?? 0
            let fields = [document.title, document.summary, document.body].map { text in
                GermanText.tokens(text).map { token -> String in
                    let term = normalizer.canonical(token)
                    surface[term, default: [:]][String(token), default: 0] += 1
                    return term
                }.joined(separator: " ")
            }
            try database.query("INSERT INTO fts(rowid, title, summary, body) VALUES (?, ?, ?, ?)",
                               [.integer(number), .text(fields[0]), .text(fields[1]), .text(fields[2])])
            var references = recipe.legalBasis.map { ($0.reference, 1) }
            ContentWalker(visitInline: { if case .citation(let reference, _) = $0 { references.append((reference, 0)) } }).walk(recipe)
            for (reference, basis) in references {
                try database.query("INSERT INTO citations VALUES (?, ?, ?, ?)",
                                   [.text(recipe.id), .text(reference.law), reference.section.map { .text($0) } ?? .null, .integer(basis)])
            }
            for topic in Set(recipe.classification.themenfelder.map(\.id) + recipe.classification.lebenslagen.map(\.id)) {
                try database.query("INSERT INTO topics VALUES (?, ?)", [.text(recipe.id), .text(topic)])
            }
            for leistung in Set(recipe.classification.ozgLeistungen.map(\.id)) {
                try database.query("INSERT INTO ozg VALUES (?, ?)", [.text(recipe.id), .text(leistung)])
            }
        }
        for (term, forms) in surface {
            let display = forms.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            try database.query("INSERT OR IGNORE INTO vocabulary VALUES (?, ?, ?)", [.text(term), .text(display), .integer(display.count)])
        }
    }

    func writeFiles(_ files: [String: SearchIndex.FileState]) throws {
        for (path, state) in files.sorted(by: { $0.key < $1.key }) {
            try database.query("INSERT INTO files VALUES (?, ?, ?)", [.text(path), .integer(state.size), .integer(state.modified)])
        }
    }

    func remove(path: String) throws {
        for row in try database.query("SELECT id FROM recipes WHERE path = ?", [.text(path)]) { try remove(id: row[0].text) }
    }

    func remove(id: String) throws {
        guard let number = try database.query("SELECT number FROM recipes WHERE id = ?", [.text(id)]).first?.first?.integer else { return }
        try database.query("DELETE FROM fts WHERE rowid = ?", [.integer(number)])
        try database.query("DELETE FROM recipes WHERE number = ?", [.integer(number)])
        for table in ["citations", "topics", "ozg"] {
            try database.query("DELETE FROM \(table) WHERE recipe = ?", [.text(id)])
        }
    }

    /// Forgets the words no indexed recipe holds any more, and their compound splits: suggestions
    /// and prefix matches come only from the book's current text.
    func pruneVocabulary() throws {
        try database.execute("""
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, 'fts', 'row');
        DELETE FROM vocabulary WHERE term NOT IN (SELECT term FROM temp.fts_terms);
        DELETE FROM compounds WHERE term NOT IN (SELECT term FROM vocabulary) OR head NOT IN (SELECT term FROM vocabulary);
        """)
    }

    /// Splits every term of the vocabulary that is a compound of two others.
    func rebuildCompounds() throws {
        try database.execute("DELETE FROM compounds")
        try addCompounds()
    }

    /// Splits the terms that have no split yet.
    func addCompounds() throws {
        let vocabulary = try database.query("SELECT term, display FROM vocabulary")
        let terms = Set(vocabulary.map { $0[0].text })
        let words = Set(vocabulary.map { GermanText.fold($0[1].text) })
        let known = Set(try database.query("SELECT term FROM compounds").map { $0[0].text })
        let decompounder = Decompounder(terms: terms, words: words.union(terms), normalizer: normalizer)
        for term in terms.subtracting(known).sorted() {
            guard let split = decompounder.split(term) else { continue }
            try database.query("INSERT INTO compounds VALUES (?, ?, ?)", [.text(term), .text(split.modifier), .text(split.head)])
        }
    }
}
