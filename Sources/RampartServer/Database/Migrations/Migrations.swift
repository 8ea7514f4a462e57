import Fluent

/// Every migration, in the order it landed. Append only: never edit or reorder one that has landed.
enum RampartMigrations {
    static let all: [any Migration] = [
        CreateScenarioRecords(),  // 001
        CreatePlanRuns(),  // 002
        CreateAccounts(),  // 003
        CreateAuditAndOutbox(),  // 004
        CreateIndexes(),  // 005
        UniqueDemandPositions(),  // 006
        AddPlanRunHeartbeat(),  // 007
        AddScenarioSizes(),  // 008
        AddAccountSafeguards(),  // 009
        CreateJobs(),  // 010
        VersionPlanSummaries(),  // 011
        MovePlanDeliveries(),  // 012
        AddResultTimings(),  // 013
        AddPlanRunQueueSlot(),  // 014
        NumberPlanRuns(),  // 015
        AddPlanRunObjective(),  // 016
        AddPeggingAndSourceLoads(),  // 017
        WidenLateListIndex(),  // 018
        CreateInteroperability(),  // 019
        AddDemandFirmAndState(),  // 020
        CreateStandards(),  // 021
    ]
}
