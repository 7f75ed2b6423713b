extension Optional where Wrapped == Int64 {
    /// The id of a record read from the database, which always has one. Records only lack an id between
    /// building and inserting them, and those are never converted to domain values.
    var persisted: Int64 {
        guard let self else { preconditionFailure("a record read from the database has no id") }
        return self
    }
}
