import Fluent
import SQLKit

/// How many jobs are in each status, in `JobStatus`'s order, a status with none included.
enum JobCounts {
    static func byStatus(on db: any Database) async throws -> [(status: JobStatus, count: Int)] {
        struct Row: Decodable { var status: String; var count: Int }
        let rows = try await SQLAccess.sql(db).raw("SELECT status, COUNT(*) AS count FROM jobs GROUP BY status")
            .all(decoding: Row.self)
        let counts = Dictionary(rows.map { ($0.status, $0.count) }, uniquingKeysWith: +)
        return JobStatus.allCases.map { ($0, counts[$0.rawValue] ?? 0) }
    }
}
