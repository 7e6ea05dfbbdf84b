import KochbuchModel

extension SearchIndex {
    /// The numbers of the best `limit` recipes of `numbers`: highest score first, equal scores by
    /// sort key (the folded title), then by number. Only the recipes that can still reach the
    /// shown places have their sort keys read, so a search over thousands of matches reads a few.
    func best(of numbers: Set<Int>, scores: [Int: Double], limit: Int) throws -> [Int] {
        guard limit > 0, !numbers.isEmpty else { return [] }
        var scored = numbers.map { (number: $0, score: scores[$0] ?? 0) }
        var tiedAtTheEnd: [Int] = []
        if scored.count > limit {
            var ranked = scored.map(\.score)
            ranked.sort(by: >)
            let threshold = ranked[limit - 1]
            // Many recipes may share the last shown score (a prefix query gives thousands the same):
            // SQLite picks the few of them that come first by sort key.
            let tied = scored.filter { $0.score == threshold }.map(\.number)
            scored.removeAll { $0.score <= threshold }
            tiedAtTheEnd = try firstBySortKey(tied, count: limit - scored.count)
        }
        let keys = try sortKeys(for: scored.map(\.number))
        scored.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let left = keys[lhs.number] ?? "", right = keys[rhs.number] ?? ""
            return left != right ? left < right : lhs.number < rhs.number
        }
        return Array((scored.map(\.number) + tiedAtTheEnd).prefix(limit))
    }

    /// The first `count` of the given recipes by sort key, then number. Many of them are found by
    /// walking the sort-key index until enough turn up; a few are sorted by SQLite.
    private func firstBySortKey(_ numbers: [Int], count: Int) throws -> [Int] {
        guard count > 0, !numbers.isEmpty else { return [] }
        if numbers.count > 200 {
            let wanted = Set(numbers)
            var first: [Int] = []
            try database.forEachRow("SELECT number FROM recipes ORDER BY sortkey, number") { row in
                if wanted.contains(row[0].integer) { first.append(row[0].integer) }
                return first.count < count
            }
            return first
        }
        let list = numbers.sorted().map(String.init).joined(separator: ",")
        return try database.query("SELECT number FROM recipes WHERE number IN (\(list)) ORDER BY sortkey, number LIMIT \(count)")
            .map { $0[0].integer }
    }

    /// The sort keys (folded titles, stored with each recipe) of the given recipes.
    private func sortKeys(for numbers: [Int]) throws -> [Int: String] {
        guard !numbers.isEmpty else { return [:] }
        let list = numbers.sorted().map(String.init).joined(separator: ",")
        var keys: [Int: String] = [:]
        keys.reserveCapacity(numbers.count)
        for row in try database.query("SELECT number, sortkey FROM recipes WHERE number IN (\(list))") {
            keys[row[0].integer] = row[1].text
        }
        return keys
    }
}
