/// The numbered references of one recipe (or of the introduction, or the glossary): links,
/// citations, cross-references and glossary terms, numbered in the order they first appear.
/// The same target always gets the same number.
final class ReferenceList {
    /// What a reference points to.
    enum Target: Hashable {
        case external(String)
        case law(law: String, section: String?, paragraph: String?)
        case recipe(String, step: String?)
        case term(String)
    }

    /// The references in order of their numbers, each with its written-out description.
    private(set) var entries: [(number: Int, description: String)] = []
    private var numbers: [Target: Int] = [:]

    /// The number of a target, assigning the next one on its first appearance.
    func number(for target: Target, description: () -> String) -> Int {
        if let number = numbers[target] { return number }
        let number = entries.count + 1
        numbers[target] = number
        entries.append((number, description()))
        return number
    }
}
