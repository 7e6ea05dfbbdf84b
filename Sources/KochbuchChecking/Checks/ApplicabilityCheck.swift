import Foundation
import KochbuchModel

/// Every legal basis of a published recipe says whether and how the norm binds a municipality,
/// and says no more than the law allows: the EGovG binds Gemeinden only when they execute federal
/// law (§ 1 Abs. 2), and a provision addressed only to Behörden des Bundes binds them not at all.
struct ApplicabilityCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.basisApplicabilityMissing, .basisApplicabilityExceeds, .basisFederalOnly]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var federalOnly: [String: Bool] = [:]
        for recipe in context.book.recipes {
            for basis in recipe.legalBasis {
                let reference = basis.reference
                guard let law = context.lawsByID[reference.law] else { continue }
                guard let stated = basis.municipalities else {
                    if recipe.status == .published {
                        let cap = law.municipalities.map { "; \(law.abbreviation) \($0.germanDescription)" } ?? ""
                        diagnostics.append(Diagnostic(
                            .warning, .basisApplicabilityMissing,
                            Phrase(de: "die Rechtsgrundlage '\(reference.label(law))' sagt nicht, ob sie Kommunen bindet",
                                   en: "the legal basis '\(reference.label(law))' does not say whether it binds a municipality"),
                            at: reference.location,
                            hint: Phrase(de: "ergänzen Sie municipalities=\"direct\" (bindet unmittelbar), \"federal-law\" (nur, wenn die Kommune Bundesrecht ausführt), \"land-law\" (erst durch Landesrecht) oder \"none\" (gar nicht)" + cap,
                                         en: "add municipalities=\"direct\", \"federal-law\" (only when executing Bundesrecht), \"land-law\" or \"none\"" + cap)))
                    }
                    continue
                }
                if let cap = law.municipalities, stated.rank > cap.rank {
                    diagnostics.append(Diagnostic(
                        .error, .basisApplicabilityExceeds,
                        Phrase(de: "municipalities=\"\(stated.rawValue)\" behauptet mehr, als das Gesetz hergibt: \(law.abbreviation) \(cap.germanDescription)",
                               en: "municipalities=\"\(stated.rawValue)\" claims more than \(law.abbreviation) can: it \(cap.germanDescription)"),
                        at: reference.location,
                        hint: Phrase(de: "schreiben Sie municipalities=\"\(cap.rawValue)\" oder weniger und sagen Sie es auch so im Text",
                                     en: "write municipalities=\"\(cap.rawValue)\" or less, and say so in the text")))
                    continue
                }
                let version = reference.asOf.map { law.selectingVersion(inForceOn: $0) } ?? law
                let key = "\(law.id) \(reference.asOf?.description ?? "") \(reference.section ?? "") \(reference.paragraph ?? "")"
                if stated == .direct || stated == .federalLaw, let number = reference.section, let section = version.section(number),
                   federalOnly[key] ?? { let value = Self.addressesOnlyFederalAuthorities(section, paragraph: reference.paragraph); federalOnly[key] = value; return value }() {
                    diagnostics.append(Diagnostic(
                        .warning, .basisFederalOnly,
                        Phrase(de: "'\(reference.label(law))' richtet sich nur an Behörden des Bundes, die Rechtsgrundlage sagt aber, die Norm binde Kommunen (\(stated.rawValue))",
                               en: "'\(reference.label(law))' is addressed to Behörden des Bundes only, but the basis says it binds municipalities (\(stated.rawValue))"),
                        at: reference.location,
                        hint: Phrase(de: "schreiben Sie municipalities=\"none\" und nennen Sie das Landesgesetz, das Kommunen diese Pflicht auferlegt, falls es eines gibt",
                                     en: "write municipalities=\"none\" and name the Land law that sets the duty for municipalities, if any")))
                }
            }
        }
        return diagnostics
    }

    /// Whether every authority the text names is one of the Bund: each "Behörde(n)" is "… des Bundes",
    /// or a "Bundesbehörde".
    static func addressesOnlyFederalAuthorities(_ section: LawSection, paragraph: String?) -> Bool {
        let texts: [LawText] = paragraph.map { number in
            section.text.filter { if case .paragraph(let p) = $0 { p.number == number } else { false } }
        } ?? section.text
        let words = texts.plainText.split(separator: " ").map { String($0) }
        var mentions = 0
        for (index, word) in words.enumerated() {
            let bare = word.trimmingCharacters(in: .punctuationCharacters)
            if bare.hasPrefix("Bundesbehörde") || bare.hasPrefix("Bundesverwaltung") { mentions += 1; continue }
            guard bare == "Behörde" || bare == "Behörden" else { continue }
            mentions += 1
            let following = words.dropFirst(index + 1).prefix(2).joined(separator: " ")
            if !following.hasPrefix("des Bundes") { return false }
        }
        return mentions > 0
    }
}

extension MunicipalApplicability {
    /// How much the value claims: direct > federal-law > land-law > none.
    var rank: Int {
        switch self {
        case .direct: 3
        case .federalLaw: 2
        case .landLaw: 1
        case .none: 0
        }
    }
}

extension LawReference {
    /// "§ 6a Abs. 1 EGovG".
    func label(_ law: Law) -> String {
        guard let section else { return law.abbreviation }
        return "§ \(section)" + (paragraph.map { " Abs. \($0)" } ?? "") + " \(law.abbreviation)"
    }
}
