import Fluent
import SQLKit

/// The database as SQL, for the statements Fluent's query builder cannot say. Both drivers speak SQL.
enum SQLAccess {
    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw FluentError.missingField(name: "SQL database") }
        return sql
    }
}
