/// The German words every edition shows for the format's codes, so HTML, EPUB and text agree.
public enum GermanLabels {
    public static func difficulty(_ value: Facts.Difficulty) -> String {
        switch value {
        case .easy: "leicht"
        case .medium: "mittel"
        case .hard: "anspruchsvoll"
        }
    }

    public static func cost(_ value: Facts.CostLevel) -> String {
        switch value {
        case .low: "gering (laufendes Budget)"
        case .medium: "mittel (eigene Haushaltsposition)"
        case .high: "hoch (Investitionsvorhaben)"
        }
    }

    public static func scope(_ value: Facts.Scope) -> String {
        switch value {
        case .gemeinde: "Gemeinde"
        case .stadt: "Stadt"
        case .landkreis: "Landkreis"
        }
    }

    public static func audience(_ value: Facts.Audience) -> String {
        switch value {
        case .buerger: "Bürgerinnen und Bürger"
        case .unternehmen: "Unternehmen"
        case .intern: "Verwaltung (intern)"
        }
    }

    public static func maturity(_ level: Int) -> String {
        switch level {
        case 0: "Reifegrad 0 – keine Online-Information"
        case 1: "Reifegrad 1 – Information online"
        case 2: "Reifegrad 2 – Formular online, Abgabe analog"
        case 3: "Reifegrad 3 – vollständig online"
        case 4: "Reifegrad 4 – Once-Only, Nachweise von Amts wegen"
        default: "Reifegrad \(level)"
        }
    }

    public static func ingredient(_ kind: Ingredient.Kind) -> String {
        switch kind {
        case .technical: "Technik"
        case .organisational: "Organisation"
        case .legal: "Recht"
        case .human: "Personal und Wissen"
        }
    }

    public static func relation(_ kind: Relation.Kind) -> String {
        switch kind {
        case .requires: "setzt voraus"
        case .buildsOn: "baut auf"
        case .alternativeTo: "Alternative zu"
        case .seeAlso: "siehe auch"
        }
    }

    public static func status(_ status: Recipe.Status) -> String {
        switch status {
        case .draft: "Entwurf"
        case .review: "in Prüfung"
        case .published: "veröffentlicht"
        }
    }

    public static func sectionStatus(_ status: LawSection.Status) -> String? {
        switch status {
        case .inForce: nil
        case .repealed: "weggefallen"
        case .pending: "noch nicht in Kraft"
        }
    }

    /// "6 Monate", "6 bis 18 Monate", "6 Wochen bis 1 Jahr" for ISO 8601 durations.
    public static func duration(min: String, max: String?) -> String {
        let low = ISODuration(min)
        guard let max, max != min, let high = ISODuration(max) else { return low?.german ?? min }
        guard let low else { return "bis \(high.german)" }
        if let lowUnit = low.singleUnit, let highUnit = high.singleUnit, lowUnit.unit == highUnit.unit {
            return "\(lowUnit.count) bis \(high.german)"
        }
        return "\(low.german) bis \(high.german)"
    }

    /// "16. Mai 2026".
    public static func date(_ date: CalendarDate) -> String {
        let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
        return "\(date.day). \(months[date.month - 1]) \(date.year)"
    }
}

/// An ISO 8601 duration of years, months, weeks and days (`P1Y6M`, `P42D`).
public struct ISODuration: Sendable, Hashable {
    public var years = 0, months = 0, weeks = 0, days = 0

    public init?(_ text: String) {
        guard text.hasPrefix("P"), !text.contains("T") else { return nil }
        var number = ""
        for character in text.dropFirst() {
            if character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Int(number) else { return nil }
            switch character {
            case "Y": years = value
            case "M": months = value
            case "W": weeks = value
            case "D": days = value
            default: return nil
            }
            number = ""
        }
        if days > 0 && days % 7 == 0 && weeks == 0 {
            weeks = days / 7
            days = 0
        }
    }

    var parts: [(count: Int, unit: String)] {
        [(years, years == 1 ? "Jahr" : "Jahre"), (months, months == 1 ? "Monat" : "Monate"),
         (weeks, weeks == 1 ? "Woche" : "Wochen"), (days, days == 1 ? "Tag" : "Tage")].filter { $0.0 > 0 }
    }

    var singleUnit: (count: Int, unit: String)? {
        let parts = self.parts
        guard parts.count == 1 else { return nil }
        return parts[0]
    }

    /// "1 Jahr 6 Monate".
    public var german: String {
        parts.map { "\($0.count) \($0.unit)" }.joined(separator: " ")
    }

    /// The duration as ISO 8601 for schema.org (`P1Y6M`).
    public var iso: String {
        var text = "P"
        if years > 0 { text += "\(years)Y" }
        if months > 0 { text += "\(months)M" }
        if weeks > 0 || days > 0 { text += "\(weeks * 7 + days)D" }
        return text == "P" ? "P0D" : text
    }
}
