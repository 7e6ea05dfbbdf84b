extension Book {
    /// The book with every law as it stood on `date` (its Rechtsstand).
    public func withRechtsstand(_ date: CalendarDate) -> Book {
        var book = self
        book.laws = laws.map { $0.selectingVersion(inForceOn: date) }
        return book
    }
}
