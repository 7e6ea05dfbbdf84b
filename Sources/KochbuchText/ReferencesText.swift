/// The list of numbered references: "[1] https://…", "[2] § 6 EGovG – Elektronische Aktenführung",
/// "[3] Rezept: Die E-Akte einführen (e-akte)", "[4] Glossar: DMS – …", each text hanging under its text.
struct ReferencesText {
    let width: Int

    func lines(_ references: ReferenceList) -> [String] {
        TextLayout(width: width).marked(references.entries.map { ("[\($0.number)] ", $0.description) }, alignRight: false)
    }
}
