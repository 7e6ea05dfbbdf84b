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
            var stated = [(facts.durationMin, "min", recipe.location)] + (facts.durationMax.map { [($0, "max", recipe.location)] } ?? [])
            stated += recipe.steps.compactMap { step in step.duration.map { ($0, "step '\(step.id)'", step.location) } }
            for (value, name, location) in stated where value.hasPrefix("-") {
                diagnostics.append(Diagnostic(.error, .factsDurationNegative, "the duration \(name)=\"\(value)\" is negative",
                                              at: location, hint: "write how long it takes, without the minus: \"\(value.dropFirst())\""))
            }
            if let max = facts.durationMax, let low = ISODuration(facts.durationMin)?.approximateDays,
               let high = ISODuration(max)?.approximateDays, low > high {
                diagnostics.append(Diagnostic(.error, .factsDurationOrder,
                                              "the shortest duration (min=\"\(facts.durationMin)\") is longer than the longest (max=\"\(max)\")",
                                              at: recipe.location, hint: "swap the two values of <duration min=… max=…/>"))
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
                    "step '\(step.id)' takes \(longest.german), longer than the whole recipe (\(stated))",
                    at: step.location, hint: "correct the step's duration or the recipe's <duration min=… max=…/>"))
            }
            let durations = steps.compactMap(\.1)
            if durations.count == steps.count, !durations.isEmpty {
                let total = durations.reduce(0) { $0 + $1.approximateDays }
                if total < low {
                    diagnostics.append(Diagnostic(
                        .warning, .factsDurationSteps,
                        "the steps take about \(total) days end to end, less than the shortest duration stated (\(stated))",
                        at: recipe.location,
                        hint: "lower <duration min=…/> to what the steps take, or give the steps the time they need (waiting times included)"))
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
