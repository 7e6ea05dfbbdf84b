import KochbuchModel

/// A recipe's stated duration agrees with its steps: no step takes longer than the whole, and
/// when every step has a duration, the steps end to end take at least the shortest time stated
/// (steps may overlap, so their sum may be longer than the longest time stated). Drafts, still
/// being written, are left alone.
struct DurationCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.factsDurationSteps, .factsDurationNegative, .factsDurationOrder]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for recipe in context.book.recipes {
            let facts = recipe.facts
            // Each stated duration: its value, its attribute (or the step it belongs to) and where it stands.
            var stated: [(value: String, name: String, step: String?, location: SourceLocation)] =
                [(facts.durationMin, "min", nil, recipe.location)]
            if let max = facts.durationMax { stated.append((max, "max", nil, recipe.location)) }
            stated += recipe.steps.compactMap { step in step.duration.map { ($0, "duration", step.id, step.location) } }
            for (value, name, step, location) in stated where value.hasPrefix("-") {
                diagnostics.append(Diagnostic(.error, .factsDurationNegative,
                                              Phrase(de: "die Dauer \(step.map { "des Schritts '\($0)' (duration=\"\(value)\")" } ?? "\(name)=\"\(value)\"") ist negativ",
                                                     en: "the duration \(step.map { "step '\($0)'" } ?? name)=\"\(value)\" is negative"),
                                              at: location,
                                              hint: Phrase(de: "geben Sie an, wie lange es dauert, ohne Minuszeichen: \"\(value.dropFirst())\"",
                                                           en: "write how long it takes, without the minus: \"\(value.dropFirst())\"")))
            }
            if let max = facts.durationMax, let low = ISODuration(facts.durationMin)?.approximateDays,
               let high = ISODuration(max)?.approximateDays, low > high {
                diagnostics.append(Diagnostic(.error, .factsDurationOrder,
                                              Phrase(de: "die kürzeste Dauer (min=\"\(facts.durationMin)\") ist länger als die längste (max=\"\(max)\")",
                                                     en: "the shortest duration (min=\"\(facts.durationMin)\") is longer than the longest (max=\"\(max)\")"),
                                              at: recipe.location,
                                              hint: Phrase(de: "vertauschen Sie die beiden Werte von <duration min=… max=…/>",
                                                           en: "swap the two values of <duration min=… max=…/>")))
            }
        }
        for recipe in context.book.recipes where recipe.status != .draft {
            let facts = recipe.facts
            guard let low = ISODuration(facts.durationMin).map(\.approximateDays) else { continue }
            let high = facts.durationMax.flatMap(ISODuration.init).map(\.approximateDays) ?? low
            let stated = GermanLabels.duration(min: facts.durationMin, max: facts.durationMax)
            let steps = recipe.steps.map { step in (step, step.duration.flatMap(ISODuration.init)) }
            if let (step, longest) = steps.compactMap({ step, duration in duration.map { (step, $0) } })
                .max(by: { $0.1.approximateDays < $1.1.approximateDays }), longest.approximateDays > high {
                diagnostics.append(Diagnostic(
                    .warning, .factsDurationSteps,
                    Phrase(de: "der Schritt '\(step.id)' dauert \(longest.german), länger als das ganze Rezept (\(stated))",
                           en: "step '\(step.id)' takes \(longest.german), longer than the whole recipe (\(stated))"),
                    at: step.location,
                    hint: Phrase(de: "korrigieren Sie die Dauer des Schritts oder die Dauer des Rezepts in <duration min=… max=…/>",
                                 en: "correct the step's duration or the recipe's <duration min=… max=…/>")))
            }
            let durations = steps.compactMap(\.1)
            if durations.count == steps.count, !durations.isEmpty {
                let total = durations.reduce(0) { $0 + $1.approximateDays }
                if total < low {
                    diagnostics.append(Diagnostic(
                        .warning, .factsDurationSteps,
                        Phrase(de: "die Schritte dauern hintereinander etwa \(total) \(total == 1 ? "Tag" : "Tage"), weniger als die kürzeste angegebene Dauer (\(stated))",
                               en: "the steps take about \(total) days end to end, less than the shortest duration stated (\(stated))"),
                        at: recipe.location,
                        hint: Phrase(de: "senken Sie <duration min=…/> auf die Zeit, die die Schritte brauchen, oder geben Sie den Schritten die Zeit, die sie wirklich brauchen (Wartezeiten eingeschlossen)",
                                     en: "lower <duration min=…/> to what the steps take, or give the steps the time they need (waiting times included)")))
                }
            }
        }
        return diagnostics
    }
}

extension ISODuration {
    /// The length in days, months counted as 30 and years as 365.
    var approximateDays: Int { years * 365 + months * 30 + weeks * 7 + days }
}
