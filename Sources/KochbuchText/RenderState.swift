/// What one rendered unit (a recipe, the introduction, the glossary) remembers while it is written:
/// its numbered references and the abbreviations already expanded.
final class RenderState {
    let references = ReferenceList()
    /// Abbreviations written out once already: later uses show only the short form.
    var expandedAbbreviations: Set<String> = []
    /// Whether glossary terms become numbered references (not inside the glossary itself).
    let numbersTerms: Bool

    init(numbersTerms: Bool = true) {
        self.numbersTerms = numbersTerms
    }
}
