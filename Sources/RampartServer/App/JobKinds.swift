/// Every kind of background job, as `routes.swift` lists every route: each feature that needs one adds its handler.
enum JobKinds {
    static var all: [any JobHandler] {
        [PlanRunJob()]
    }
}
