extension Book {
    /// The book with every law as it stood on `date` (its Rechtsstand).
    public func withRechtsstand(_ date: CalendarDate) -> Book {
        var book = self
        book.laws = laws.map { $0.selectingVersion(inForceOn: date) }
        book.rechtsstand = date
        return book
    }
}

extension LawReference {
    /// How the citation reads: "§ 6a Abs. 1 EGovG", the law's abbreviation for the whole law, and
    /// for a pinned version its date: "§ 2 Abs. 2 EGovG (Fassung vom 1. Januar 2022)".
    public func displayText(law: Law?) -> String {
        let abbreviation = law?.abbreviation ?? self.law
        var text = abbreviation
        if let section {
            text = "§ \(section)" + (paragraph.map { " Abs. \($0)" } ?? "") + " \(abbreviation)"
        }
        if let asOf, let law, let index = law.versionIndex(inForceOn: asOf) {
            text += " (Fassung vom \(GermanLabels.date(law.versions[index].date)))"
        }
        return text
    }

    /// The section cited, in the version the citation means (the pinned one, or the one in force).
    public func section(in law: Law) -> LawSection? {
        guard let section else { return nil }
        if let asOf, let index = law.versionIndex(inForceOn: asOf) { return law.versions[index].section(section) }
        return law.section(section)
    }
}

extension Book {
    /// The day of the newest law version the book is read with: the law is reflected up to that
    /// change. Unlike the build date it changes only when a new version comes into force, so the
    /// editions that state it keep their bytes from one day to the next.
    public var newestLawVersionDate: CalendarDate? {
        laws.filter { $0.status == .inForce }.compactMap { $0.current?.date }.max()
    }
}
