import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// Records, import and export, plan runs, version conflicts and the audit trail, on SQLite or PostgreSQL.
@Suite struct DataLayerTests {
    @Test func importThenExportGivesTheSameScenario() async throws {
        try await withTestApp { app in
            let scenario = ScenarioGenerator(seed: 7, scale: .S, horizonMonths: 36).generate()
            let data = try JSONEncoder().encode(scenario)
            // MUT
            _ = try await ScenarioTransfer.importFile(
                data, by: .system, now: app.rampart.clock.now(), references: app.rampart.scenarioReferences, on: app.db)
            let exported = try #require(try await ScenarioTransfer.exportFile(on: app.db))
            // validate
            let back = try ScenarioReader.read(exported)
            #expect(back.items == scenario.items)
            #expect(back.lines == scenario.lines)
            #expect(back.supplies == scenario.supplies)
            #expect(back.stocks == scenario.stocks)
            #expect(back.demands == scenario.demands)
            #expect(back.name == scenario.name && back.startMonth == scenario.startMonth && back.horizonMonths == scenario.horizonMonths)
        }
    }

    @Test func aBadImportChangesNothing() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let before = try #require(try await ScenarioTransfer.exportFile(on: app.db))
            var broken = Fixtures.scenario()
            broken.name = "broken"
            broken.demands.append(Demand(id: "X", nation: "FR", item: "NO-SUCH-ITEM", qty: 1, dueMonth: 1, priority: 1))
            // MUT: a file that fails validation
            await #expect(throws: ScenarioValidationError.self) {
                _ = try await ScenarioTransfer.importFile(
                    try JSONEncoder().encode(broken), by: .system, now: app.rampart.clock.now(), references: app.rampart.scenarioReferences,
                    on: app.db)
            }
            // MUT: a failure half-way through writing (a duplicate key the validator does not see: the database refuses it)
            await #expect(throws: (any Error).self) {
                try await app.db.transaction { tx in
                    try await ScenarioStore.replace(with: Fixtures.scenario(), references: [], on: tx)
                    try await ItemRecord(code: "TNT", name: "duplicate", kind: "material", itemClass: nil, position: 9).create(on: tx)
                }
            }
            let after = try #require(try await ScenarioTransfer.exportFile(on: app.db))
            #expect(after == before)
            // through the API too: 422 naming the JSON path
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let response = try await app.api(
                .PUT, "/api/v1/scenario", token: staff,
                json: String(decoding: try JSONEncoder().encode(broken), as: UTF8.self))
            #expect(response.status == .unprocessableEntity)
            #expect(try response.decoded(ErrorAnswer.self).problems?.contains { $0.hasPrefix("demands[3].item") } == true)
            #expect(try await ScenarioTransfer.exportFile(on: app.db) == before)
        }
    }

    /// A demand's record names one item or a class: a file whose demands list `items` is refused whole, each such
    /// demand named, rather than stored without its list.
    @Test func aFileWithListedItemsIsRefusedWhole() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let before = try #require(try await ScenarioTransfer.exportFile(on: app.db))
            var listed = Fixtures.scenario()
            listed.name = "listed"
            let items = listed.items.filter { $0.kind == .end }.map(\.id)
            try #require(!items.isEmpty)
            listed.demands.append(Demand(id: "FR-LIST", nation: "FR", items: items, qty: 5, dueMonth: 2, priority: 2))
            let body = try JSONEncoder().encode(listed)
            #expect(throws: Never.self) { try ScenarioReader.read(body) }
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let response = try await app.api(.PUT, "/api/v1/scenario", token: staff, json: String(decoding: body, as: UTF8.self))
            #expect(response.status == .unprocessableEntity)
            let problems = try response.decoded(ErrorAnswer.self).problems ?? []
            let path = "demands[\(listed.demands.count - 1)].items"
            #expect(problems.contains { $0.hasPrefix(path) && $0.contains("not kept by the server") })
            #expect(try await ScenarioTransfer.exportFile(on: app.db) == before)
        }
    }

    @Test func theSecondOfTwoSavesGetsAConflict() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            // both read version 1
            let first = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: fr, json: #"{"qty": 700, "version": 1}"#)
            #expect(first.status == .ok)
            let second = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: staff, json: #"{"qty": 800, "version": 1}"#)
            #expect(second.status == .conflict)
            #expect(try second.decoded(ErrorAnswer.self).field == "version")
            let demand = try #require(try await DemandRecord.query(on: app.db).filter(\.$code == "FR-1").first())
            #expect(demand.qty == 700 && demand.version == 2)
            // the page shows the other person's values with a conflict notice
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            let page = try await browser.post("/demands/FR-1", ["qty": "900", "due_month": "2026-04", "priority": "1", "version": "1"])
            #expect(page.status == .conflict)
            #expect(page.body.string.contains("700"))
        }
    }

    @Test func badEditsNameTheFieldAndChangeNothing() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let response = try await app.api(
                .PATCH, "/api/v1/demands/FR-1", token: fr, json: #"{"qty": -5, "dueMonth": 99, "priority": 9, "version": 1}"#)
            #expect(response.status == .unprocessableEntity)
            let named = try response.error().allProblems.map { $0.prefix { $0 != ":" } }
            #expect(named == ["qty", "dueMonth", "priority"])
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let steps = try await app.api(
                .PATCH, "/api/v1/sources/L-MESKO", token: staff,
                json: #"{"capacity": [{"from": 0, "perMonth": 5}, {"from": 0, "perMonth": 6}], "version": 1}"#)
            #expect(steps.status == .unprocessableEntity)
            #expect(try steps.error().allProblems.first?.hasPrefix("capacity") == true)
            let demand = try #require(try await DemandRecord.query(on: app.db).filter(\.$code == "FR-1").first())
            #expect(demand.qty == 600 && demand.version == 1)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entity == "demand").count() == 0)
        }
    }

    @Test func everyChangeIsAudited() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let knds = try await Fixtures.token(app, Fixtures.knds)
            _ = try await app.api(
                .PATCH, "/api/v1/sources/L-NEXTER", token: knds,
                json: #"{"leadTimeMonths": 2, "capacity": [{"from": 0, "perMonth": 150}], "version": 1}"#)
            let entry = try #require(try await AuditRecord.query(on: app.db).filter(\.$entity == "line").first())
            #expect(entry.actor == Fixtures.knds.email)
            #expect(entry.entityKey == "L-NEXTER")
            let changes = Audit.decodeChanges(entry.changes)
            #expect(changes.contains { $0.field == "leadTimeMonths" && $0.old == "1" && $0.new == "2" })
            #expect(changes.contains { $0.field == "capacity" && $0.old.contains("0:100") && $0.new.contains("0:150") })
            // no route changes or deletes the audit trail
            let staff = try await Fixtures.token(app, Fixtures.staff)
            for method in [HTTPMethod.PUT, .PATCH, .DELETE, .POST] {
                let response = try await app.api(method, "/api/v1/audit", token: staff, json: "{}")
                #expect(response.status == .notFound || response.status == .methodNotAllowed, "\(method)")
            }
        }
    }

    @Test func aPlanRunStoresEachNationsOutcomeWithReasons() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let start = try await app.api(.POST, "/api/v1/plans", token: staff)
            #expect(start.status == .accepted)
            let started = try #require(try await AuditRecord.query(on: app.db).filter(\.$entity == "plan run").first())
            #expect(started.actor == Fixtures.staff.email && started.action == "start")
            // MUT
            try await Fixtures.runQueuedPlans(app)
            // validate: the run finished with the planner's objective
            let run = try #require(try await PlanRunRecord.query(on: app.db).first())
            #expect(run.status == .succeeded)
            #expect(run.progress == 1)
            let expected = Planner(options: .init(bottleneckCandidates: 2, parallel: false)).plan(Fixtures.scenario())
            #expect(run.weightedLateness == expected.objective.weightedLateness)
            // FR's delegate reads FR's outcomes with reasons, not PL's
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let own = try await app.api(.GET, "/api/v1/nations/FR/demands", token: fr)
            #expect(own.status == .ok)
            let ownDemands = try own.decoded(PageDTO<API.DemandDTO>.self).items
            #expect(ownDemands.map(\.nation) == ["FR", "FR"] && ownDemands.allSatisfy { $0.outcome != nil })
            let plan = try await app.api(.GET, "/api/v1/plans/\(run.id!.uuidString)", token: fr).decoded(API.PlanRunDTO.self)
            #expect(plan.nations?.map(\.key) == ["FR"])
            #expect(plan.bottlenecks == nil)
            let frFile = try await app.api(.GET, "/api/v1/plans/\(run.id!.uuidString)/file", token: fr)
            #expect(frFile.status == .ok)
            #expect(
                try JSONDecoder().decode(NationPlanFile.self, from: Data(frFile.body.readableBytesView)).demands.allSatisfy {
                    $0.id.hasPrefix("FR-")
                })
            let file = try await app.api(.GET, "/api/v1/plans/\(run.id!.uuidString)/file", token: staff)
            let decoded = try JSONDecoder().decode(Plan.self, from: Data(file.body.readableBytesView))
            #expect(decoded.issues(against: Fixtures.scenario()).isEmpty)
            let late = try #require(try await PlanDemandResultRecord.query(on: app.db).filter(\.$demandCode == "PL-1").first())
            #expect(late.lateUnits + late.unservedUnits > 0)
            #expect(late.reason?.isEmpty == false)
        }
    }

    @Test func theJobsHaveADatabaseOfTheirOwn() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // On a SQLite file, or on PostgreSQL when the tests run there.
        let onFile: (inout AppConfig) -> Void = {
            if case .sqliteMemory = $0.database { $0.database = .sqliteFile(directory.appendingPathComponent("rampart.sqlite").path) }
        }
        var config = TestDatabase.config()
        onFile(&config)
        try await withTestApp(adjust: onFile) { app in
            // setup
            try await Fixtures.seed(app)
            try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            let jobs = try await JobsDatabase(for: app, config: config)

            // MUT: a run on the jobs' database, while a connection of the requests holds a read transaction open
            do {
                #expect(!app.eventLoopGroup.makeIterator().contains { $0 === jobs.database.eventLoop })
                try await app.db.transaction { tx in
                    #expect(try await DemandRecord.query(on: tx).count() > 0)
                    try await Fixtures.runQueuedPlans(app, on: jobs.database)
                }
            } catch {
                await jobs.shutdown()
                throw error
            }
            await jobs.shutdown()

            // validate: what the jobs wrote, the requests read
            let run = try #require(try await PlanRunRecord.query(on: app.db).first())
            #expect(run.status == .succeeded)
            #expect(try await PlanDemandResultRecord.query(on: app.db).count() == Fixtures.scenario().demands.count)
        }
    }

    @Test func anInMemoryDatabaseIsSharedWithTheJobs() async throws {
        var config = TestDatabase.config()
        config.database = .sqliteMemory
        try await withTestApp(adjust: { $0.database = .sqliteMemory }) { app in
            let jobs = try await JobsDatabase(for: app, config: config)
            #expect(app.eventLoopGroup.makeIterator().contains { $0 === jobs.database.eventLoop })
            await jobs.shutdown()
        }
    }

    @Test func aNationsDemandsCarryTheLatestSucceededRunsOutcomes() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            func page(_ query: String) async throws -> PageDTO<API.DemandDTO> {
                let response = try await app.api(.GET, "/api/v1/nations/FR/demands\(query)", token: fr)
                #expect(response.status == .ok)
                return try JSONDecoder().decode(PageDTO<API.DemandDTO>.self, from: Data(response.body.readableBytesView))
            }
            let before = try await page("")
            #expect(before.items.map(\.id) == ["FR-1", "FR-2"] && before.total == 2)
            #expect(before.items.allSatisfy { $0.outcome == nil })
            _ = try await app.api(.POST, "/api/v1/plans", token: try await Fixtures.token(app, Fixtures.staff))
            try await Fixtures.runQueuedPlans(app)
            let run = try #require(try await PlanRunRecord.query(on: app.db).first())

            // MUT
            let all = try await page("")
            let second = try await page("?page=2&per=1")
            let beyond = try await page("?page=3&per=1")

            // validate: each outcome is the run's stored result for that demand
            for demand in all.items {
                let stored = try #require(
                    try await PlanDemandResultRecord.query(on: app.db)
                        .filter(\.$planRunID == run.id!).filter(\.$demandCode == demand.id).first())
                let outcome = try #require(demand.outcome)
                #expect(outcome.planRun == run.id && outcome.onTimeUnits == stored.onTimeUnits && outcome.lateUnits == stored.lateUnits)
                #expect(outcome.unservedUnits == stored.unservedUnits && outcome.lastDeliveryMonth == stored.lastDeliveryMonth)
                #expect(outcome.reason == stored.reason)
                let deliveries = try await PlanDeliveryRecord.query(on: app.db).filter(\.$resultID == stored.requireID())
                    .sort(\.$month).all()
                #expect(!deliveries.isEmpty)
                #expect(outcome.deliveries.map(\.month) == deliveries.map(\.month))
                #expect(outcome.deliveries.map(\.qty) == deliveries.map(\.qty))
                #expect(outcome.deliveries.reduce(0) { $0 + $1.qty } == stored.onTimeUnits + stored.lateUnits)
            }
            #expect(second.items.map(\.id) == ["FR-2"] && second.total == 2 && second.page == 2)
            #expect(beyond.items.isEmpty && beyond.total == 2)
        }
    }

    @Test func listsArePaginated() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let first = try await app.api(.GET, "/api/v1/demands?page=1&per=2", token: staff)
            let page = try JSONDecoder().decode(PageDTO<API.DemandDTO>.self, from: Data(first.body.readableBytesView))
            #expect(page.items.map(\.id) == ["FR-1", "FR-2"] && page.total == 3 && page.per == 2)
            let second = try await app.api(.GET, "/api/v1/demands?page=2&per=2", token: staff)
            #expect(
                try JSONDecoder().decode(PageDTO<API.DemandDTO>.self, from: Data(second.body.readableBytesView)).items.map(\.id) == ["PL-1"]
            )
            let bad = try await app.api(.GET, "/api/v1/demands?per=100000", token: staff)
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.error().field == "per")
        }
    }

    @Test func healthAndMetricsAnswer() async throws {
        try await withTestApp { app in
            let health = try await app.api(.GET, "/health", token: nil)
            struct Health: Decodable { var status: String }
            #expect(health.status == .ok)
            #expect(try health.decoded(Health.self).status == "ok")
            _ = try await app.api(.GET, "/health", token: nil)
            let metrics = try await app.api(.GET, "/metrics", token: TestDatabase.metricsToken)
            #expect(metrics.status == .ok)
            #expect(metrics.body.string.contains("rampart_http_requests_total"))
            #expect(metrics.body.string.contains("rampart_plan_runs"))
        }
    }
}

@Suite struct AbandonedRunTests {
    @Test func runsWithoutAHeartbeatForLongerThanTheLeaseAreFailedAndTheirPartialResultsGo() async throws {
        try await withTestApp { app in
            // setup: one run claimed now, one whose server stopped three minutes ago with half its results written
            let (worker, queue, liveJob, live) = try await Fixtures.claimedRun(app)
            #expect(liveJob.heartbeatAt != nil && liveJob.worker == "test-worker" && liveJob.attempts == 1)
            let abandoned = try await Fixtures.secondQueuedRun(app)
            let gone = Fixtures.queue(app, worker: "a server that stopped")
            let abandonedJob = try #require(try await gone.claim(kinds: [PlanRunJob.kind]))
            try await JobRecord.query(on: app.db).filter(\.$id == abandonedJob.id!)
                .set(\.$heartbeatAt, to: app.rampart.clock.now().addingTimeInterval(-3 * 60)).update()
            let partial = PlanDemandResultRecord()
            partial.planRunID = try abandoned.requireID(); partial.demandCode = "FR-1"; partial.nation = "FR"; partial.target = "X"
            partial.qty = 1; partial.dueMonth = 1; partial.priority = 1; partial.released = false; partial.onTimeUnits = 1
            partial.lateUnits = 0; partial.unservedUnits = 0
            try await partial.create(on: app.db)
            try await PlanDeliveryRecord(resultID: partial.requireID(), planRunID: abandoned.requireID(), month: 1, qty: 1)
                .create(on: app.db)

            // MUT
            try await worker.recover(queue, atStartUp: false, logger: app.logger)

            // validate: the job and its run failed, the partial results gone; the live one untouched
            let after = try #require(try await PlanRunRecord.find(abandoned.id, on: app.db))
            #expect(after.status == .failed && after.error?.contains("stopped") == true && after.finishedAt != nil)
            #expect(try await JobRecord.find(abandonedJob.id, on: app.db)?.status == .failed)
            #expect(try await PlanDemandResultRecord.query(on: app.db).filter(\.$planRunID == abandoned.id!).count() == 0)
            #expect(try await PlanDeliveryRecord.query(on: app.db).filter(\.$planRunID == abandoned.id!).count() == 0)
            #expect(try await JobRecord.find(liveJob.id, on: app.db)?.status == .running)
            #expect(try await PlanRunRecord.find(live.id, on: app.db)?.status == .queued)

            // and once the live job's heartbeat is older than the lease, it goes the same way
            app.rampart.clock.advance(by: JobQueue.lease + 1)
            try await worker.recover(queue, atStartUp: false, logger: app.logger)
            #expect(try await JobRecord.find(liveJob.id, on: app.db)?.status == .failed)
            #expect(try await PlanRunRecord.find(live.id, on: app.db)?.status == .failed)
        }
    }
}

@Suite struct LateFinishTests {
    @Test func aRunGivenUpWhileItWasStillPlanningStaysFailedAndKeepsNoResults() async throws {
        try await withTestApp { app in
            // setup: a claimed run that another server gives up (its heartbeat looked stale) before it plans
            let (worker, queue, job, run) = try await Fixtures.claimedRun(app)
            let givenUpAt = app.rampart.clock.now().addingTimeInterval(-3 * 60)
            try await JobRecord.query(on: app.db).filter(\.$id == job.id!).set(\.$status, to: .failed)
                .set(\.$heartbeatAt, to: givenUpAt).update()
            try await PlanRunRecord.query(on: app.db).filter(\.$id == run.id!).set(\.$status, to: PlanRunStatus.failed)
                .set(\.$phase, to: "failed").update()

            // MUT
            try await worker.run(job, queue: queue, logger: app.logger)

            // validate: still failed, and its progress reports did not make it look alive
            let stored = try #require(try await PlanRunRecord.find(run.id, on: app.db))
            #expect(stored.status == .failed)
            #expect(stored.phase == "failed")
            let storedJob = try #require(try await JobRecord.find(job.id, on: app.db))
            #expect(storedJob.status == .failed)
            #expect(storedJob.heartbeatAt.map { abs($0.timeIntervalSince(givenUpAt)) < 1 } == true)
            #expect(try await PlanDemandResultRecord.query(on: app.db).filter(\.$planRunID == run.id!).count() == 0)
            #expect(try await PlanRunFileRecord.query(on: app.db).filter(\.$planRunID == run.id!).count() == 0)
        }
    }
}

@Suite struct HousekeepingTests {
    @Test func expiredSessionsOldCodesAndOldCountsGo() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let user = try #require(try await UserRecord.query(on: app.db).first())
            let now = app.rampart.clock.now()
            try await WebSessionRecord(tokenHash: "old", userID: user.requireID(), csrfToken: "x", expiresAt: now.addingTimeInterval(-1))
                .create(on: app.db)
            try await WebSessionRecord(tokenHash: "live", userID: user.requireID(), csrfToken: "y", expiresAt: now.addingTimeInterval(600))
                .create(on: app.db)
            try await OneTimeCodeRecord(
                userID: user.requireID(), purpose: .verify, codeHash: "h", expiresAt: now.addingTimeInterval(-2 * 86_400),
                createdAt: now.addingTimeInterval(-2 * 86_400)
            ).create(on: app.db)
            // a day's sign-in failures count towards the lock-out: only counts older than that go
            try await RateLimitHitRecord(key: "signin:daily:a", at: now.addingTimeInterval(-26 * 3600)).create(on: app.db)
            try await RateLimitHitRecord(key: "signin:daily:a", at: now.addingTimeInterval(-23 * 3600)).create(on: app.db)
            try await RateLimitHitRecord(key: "signin:daily:a", at: now).create(on: app.db)
            try await PendingRegistrationRecord(
                id: UUID(), email: "old@test.example", displayName: "Old", passwordHash: "h", codeHash: "c",
                expiresAt: now.addingTimeInterval(-3 * 86_400), createdAt: now.addingTimeInterval(-3 * 86_400)
            ).create(on: app.db)
            try await PendingRegistrationRecord(
                id: UUID(), email: "new@test.example", displayName: "New", passwordHash: "h", codeHash: "c",
                expiresAt: now.addingTimeInterval(600), createdAt: now
            ).create(on: app.db)
            for (status, age) in [(JobStatus.succeeded, 31.0), (.succeeded, 29.0), (.failed, 31.0)] {
                let job = JobRecord(kind: "k", payload: "{}", maxAttempts: 1, runAfter: now, createdAt: now)
                job.status = status
                job.finishedAt = now.addingTimeInterval(-age * 86_400)
                try await job.create(on: app.db)
            }
            // MUT
            try await Housekeeping.run(on: app.db, now: now)
            // validate
            #expect(try await WebSessionRecord.query(on: app.db).all().map(\.tokenHash) == ["live"])
            #expect(try await OneTimeCodeRecord.query(on: app.db).count() == 0)
            #expect(try await RateLimitHitRecord.query(on: app.db).count() == 2)
            #expect(try await PendingRegistrationRecord.query(on: app.db).all().map(\.email) == ["new@test.example"])
            #expect(try await JobRecord.query(on: app.db).count() == 2)
            #expect(try await JobRecord.query(on: app.db).filter(\.$status == .failed).count() == 1)
        }
    }
}
