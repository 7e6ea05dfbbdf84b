import KochbuchLinking
import KochbuchModel

/// Citations against the law's history: a section whose text moved to another number, or changed
/// after the recipe was reviewed (its `reviewed` date says which version the author read).
/// A citation pinned with `as-of` means the old text on purpose and is not reported here.
struct RechtsstandCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.citationMoved, .citationChangedSinceReview, .citationOutdated]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let meanings = FormerMeanings(context)
        var lastChanges: [String: CalendarDate?] = [:]
        func lastChange(_ law: Law, _ number: String) -> CalendarDate? {
            let key = "\(law.id) \(number)"
            if let cached = lastChanges[key] { return cached }
            let value = law.lastChange(of: number, onOrBefore: context.today)
            lastChanges[key] = value
            return value
        }
        for citation in context.graph.citations {
            let reference = citation.reference
            guard reference.asOf == nil, let number = reference.section, let law = context.lawsByID[reference.law],
                  law.hasText, law.status == .inForce, let section = law.section(number),
                  reference.paragraph.map(section.paragraphNumbers.contains) ?? true,
                  let recipe = context.recipesByID[citation.recipe] else { continue }
            let reviewed = recipe.reviewed
            let name = "§ \(number) \(law.abbreviation)"
            let afterReview = reviewed.flatMap { law.move(of: number, after: $0, until: context.today) }
            if let moved = afterReview ?? meanings.formerMeaning(recipe: recipe.id, law: law, number: number) {
                let message = afterReview != nil
                    ? Phrase(de: "'\(name)' hat jetzt einen anderen Inhalt: der Text von § \(number) in der Fassung, die Sie geprüft haben (\(GermanLabels.date(reviewed!))), ist am \(GermanLabels.date(moved.on)) nach § \(moved.to) gewandert",
                             en: "'\(name)' now has other content: the text of § \(number) in the version you reviewed (\(reviewed!)) moved to § \(moved.to) on \(moved.on)")
                    : Phrase(de: "'\(name)' hat jetzt einen anderen Inhalt: die Rechtsgrundlage beschreibt den früheren § \(number), dessen Text am \(GermanLabels.date(moved.on)) nach § \(moved.to) gewandert ist",
                             en: "'\(name)' now has other content: the legal basis describes the former § \(number), whose text moved to § \(moved.to) on \(moved.on)")
                let before = previousVersionDate(law, before: moved.on)
                diagnostics.append(Diagnostic(
                    .warning, .citationMoved, message,
                    at: reference.location,
                    hint: Phrase(de: "meinten Sie § \(moved.to) \(law.abbreviation)? Zitieren Sie section=\"\(moved.to)\"; wollen Sie etwas über den alten Text sagen, zitieren Sie ihn mit as-of=\"\(before)\"",
                                 en: "did you mean § \(moved.to) \(law.abbreviation)? cite section=\"\(moved.to)\"; for a statement about the old text, pin it with as-of=\"\(before)\"")))
                continue
            }
            if citation.isLegalBasis, let outdated = meanings.outdated(recipe: recipe.id, law: law, number: number,
                                                                       paragraph: reference.paragraph) {
                let before = previousVersionDate(law, before: outdated)
                diagnostics.append(Diagnostic(
                    .warning, .citationOutdated,
                    Phrase(de: "die Rechtsgrundlage beschreibt '\(reference.label(law))' so, wie die Norm vor dem \(GermanLabels.date(outdated)) lautete; der geltende Text sagt etwas anderes",
                           en: "the legal basis describes '\(reference.label(law))' as it read before \(outdated); the text in force says something else"),
                    at: reference.location,
                    hint: Phrase(de: "sehen Sie sich die Änderung mit 'kochbuch law diff \(law.id) \(before) \(outdated)' an und beschreiben Sie die geltende Norm; für die alte Regel zitieren Sie die alte Fassung mit as-of=\"\(before)\"",
                                 en: "read the change with 'kochbuch law diff \(law.id) \(before) \(outdated)' and describe the norm in force; for the old rule, pin it with as-of=\"\(before)\"")))
                continue
            }
            guard let reviewed, let changed = lastChange(law, number), changed > reviewed else { continue }
            let from = previousVersionDate(law, before: changed)
            diagnostics.append(Diagnostic(
                .warning, .citationChangedSinceReview,
                Phrase(de: "'\(name)' wurde am \(GermanLabels.date(changed)) geändert, nach der letzten Prüfung dieses Rezepts (\(GermanLabels.date(reviewed)))",
                       en: "'\(name)' changed on \(changed), after this recipe was reviewed (\(reviewed))"),
                at: reference.location,
                hint: Phrase(de: "sehen Sie sich die Änderung mit 'kochbuch law diff \(law.id) \(from) \(changed)' an, bringen Sie den Text auf den neuen Stand und setzen Sie dann reviewed=\"…\" auf den Tag, an dem Sie ihn neu geprüft haben",
                             en: "read the change with 'kochbuch law diff \(law.id) \(from) \(changed)', bring the text up to date, then set reviewed=\"…\" to the day you re-read it")))
        }
        return diagnostics
    }

    private func previousVersionDate(_ law: Law, before date: CalendarDate) -> CalendarDate {
        law.versions.last { $0.date < date }?.date ?? date
    }
}

/// Recipes whose legal basis describes what a section number meant before its text moved: the
/// basis' words match the former text of § N (now at § M) much better than the current § N.
/// Catches a book written against an old version even when its review dates are recent.
struct FormerMeanings {
    private var flagged: [String: (to: String, on: CalendarDate)] = [:]
    private var stale: [String: CalendarDate] = [:]

    /// A section's (or Absatz') earlier wordings: in which version the text was replaced, its keywords then,
    /// and where it went if it moved.
    private struct Former {
        var replacedOn: CalendarDate
        var keywords: Set<String>
        var movedTo: String?
    }

    init(_ context: CheckContext) {
        // Many recipes cite the same few sections: their history and keywords are made once.
        var history: [String: (current: Set<String>, former: [Former])] = [:]
        func wordings(_ law: Law, _ number: String, _ paragraph: String?) -> (current: Set<String>, former: [Former]) {
            let key = "\(law.id) \(number) \(paragraph ?? "")"
            if let cached = history[key] { return cached }
            let selected = law.selectedVersion ?? -1
            var former: [Former] = []
            for index in law.versions.indices.dropFirst() where index <= selected {
                guard let old = law.versions[index - 1].section(number), !law.versions[index].unchanged.contains(number) else { continue }
                let oldText = Self.text(of: old, paragraph: paragraph)
                guard oldText != Self.text(of: law.versions[index].section(number), paragraph: paragraph) else { continue }
                former.append(Former(replacedOn: law.versions[index].date, keywords: Self.keywords(oldText),
                                     movedTo: law.versions[index].moves.first { $0.from == number }?.to))
            }
            let value = (Self.keywords(Self.text(of: law.section(number), paragraph: paragraph)), former)
            history[key] = value
            return value
        }
        for recipe in context.book.recipes {
            for basis in recipe.legalBasis {
                let reference = basis.reference
                guard reference.asOf == nil, let number = reference.section, let law = context.lawsByID[reference.law],
                      law.versions.count > 1, law.section(number) != nil, !basis.note.isEmpty else { continue }
                let (current, former) = wordings(law, number, reference.paragraph)
                guard !former.isEmpty else { continue }
                let note = Self.keywords(basis.note.plainText)
                guard note.count >= 4 else { continue }
                let currentFit = Self.overlap(note, current)
                for earlier in former {
                    let formerFit = Self.overlap(note, earlier.keywords)
                    guard formerFit >= 0.3, formerFit >= currentFit + 0.15 else { continue }
                    if let to = earlier.movedTo {
                        flagged["\(recipe.id) \(law.id) \(number)"] = (to, earlier.replacedOn)
                    } else {
                        stale["\(recipe.id) \(law.id) \(number) \(reference.paragraph ?? "")"] = earlier.replacedOn
                    }
                }
            }
        }
    }

    func formerMeaning(recipe: String, law: Law, number: String) -> (to: String, on: CalendarDate)? {
        flagged["\(recipe) \(law.id) \(number)"]
    }

    /// The day the text a legal basis describes was replaced, when it describes an earlier version.
    func outdated(recipe: String, law: Law, number: String, paragraph: String?) -> CalendarDate? {
        stale["\(recipe) \(law.id) \(number) \(paragraph ?? "")"]
    }

    /// A section's title and text, or one paragraph's text.
    static func text(of section: LawSection?, paragraph: String?) -> String {
        guard let section else { return "" }
        guard let paragraph else { return section.title + " " + section.plainText }
        return section.text.filter { if case .paragraph(let p) = $0 { p.number == paragraph } else { false } }.plainText
    }

    /// The word stems of a text worth comparing: words of five bytes or more (in UTF-8, lower case),
    /// cut to six bytes. Works on bytes: this runs over every legal basis of the book.
    static func keywords(_ text: String) -> Set<String> {
        var result: Set<String> = []
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func finish() {
            if word.count >= 5, let first = word.first, first >= 0x61 || first >= 0x80 {
                result.insert(String(decoding: word.prefix(6), as: UTF8.self))
            }
            word.removeAll(keepingCapacity: true)
        }
        var utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            var byte = utf8[index]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte == 0xC3, index + 1 < utf8.count, [0x84, 0x96, 0x9C].contains(utf8[index + 1]) { utf8[index + 1] += 0x20 }
            let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
            if isWordByte { word.append(byte) } else { finish() }
            index += 1
        }
        finish()
        return result
    }

    /// The share of `words` found in `text`.
    static func overlap(_ words: Set<String>, _ text: Set<String>) -> Double {
        words.isEmpty ? 0 : Double(words.intersection(text).count) / Double(words.count)
    }
}
