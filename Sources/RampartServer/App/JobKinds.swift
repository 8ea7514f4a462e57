/// Every kind of background job, as `routes.swift` lists every route: each feature that needs one adds its handler.
enum JobKinds {
    static var all: [any JobHandler] {
        [PlanRunJob()]
    }

    /// What a job of a known kind works on.
    static func subject(of job: JobRecord) -> JobSubject? {
        all.first { $0.kind == job.kind }?.subject(of: job)
    }
}
