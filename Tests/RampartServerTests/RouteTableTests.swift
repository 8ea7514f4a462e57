import Foundation
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// `SiteRoute` is the table of Rampart's addresses: every route the server registers is one of its cases, and
/// every case is registered, so a link written with it cannot lead nowhere.
@Suite struct RouteTableTests {
    static let everyRoute: [SiteRoute] =
        [
            .home, .signIn, .signOut, .register, .verify, .verifyResend, .newsletter, .reset, .resetConfirm,
            .unlock(token: "t"), .unsubscribe(token: "t"), .account, .accountName, .accountPassword,
            .accountNewsletter, .tokens, .tokenRevoke(id: "i"),
            .dashboard, .nations, .nationsCSV, .nation("FR"), .nationDemands("FR"), .nationDemandsCSV("FR"), .newDemand(nation: "FR"),
            .demand("D"),
            .demandWithdraw("D"), .lines, .linesCSV, .source("S"), .interoperability, .interoperabilityCSV, .weaponSystems,
            .fleets, .fleetsCSV, .fleetsImport, .qualifications, .qualificationsCSV, .qualificationsImport,
            .qualificationWithdraw(id: "i"), .recognitions, .recognitionWithdraw, .signals, .signalsCSV, .standards, .standardsCSV,
            .standard("S"), .standardRatification("S"), .standardRatificationWithdraw("S"), .standardItems("S"),
            .standardItemWithdraw("S"), .ratificationsCSV, .ratificationsImport, .standardisation, .plans, .plansCSV, .plan(id: "i"),
            .planLateCSV(id: "i"),
            .planNationsCSV(id: "i"),
            .planTargetsCSV(id: "i"), .planBottlenecksCSV(id: "i"),
            .planDemand(id: "i", code: "c"), .planFile(id: "i"), .planCompare(id: "i"), .adminUsers, .adminUser(id: "i"),
            .audit, .auditCSV,
            .adminJobs, .adminJobsCSV, .adminUsersCSV,
            .faviconSVG, .faviconICO, .health, .metrics,
        ] + everyAPIRoute.map(SiteRoute.api)

    static let everyAPIRoute: [APIRoute] = [
        .authToken, .accounts, .accountsVerify, .accountsVerifyResend, .passwordReset, .passwordResetConfirm, .me,
        .meNewsletter, .meName, .mePassword, .tokens, .token(id: "i"), .dashboard, .items, .nations, .nationDemands("FR"), .demands,
        .demand("D"), .signals, .sources, .source("S"), .scenario, .weaponSystems, .weaponSystem("W"), .fleets,
        .fleet(nation: "FR", system: "W"), .fleetsImport, .qualifications, .qualification(id: "i"), .qualificationsImport,
        .recognitions, .recognition(nation: "FR", recognises: "DE"), .interchangeability, .standards, .standard("S"),
        .ratification(standard: "S", nation: "FR"), .conformance(standard: "S", item: "I"), .ratifications, .ratificationsImport,
        .standardisation, .plans, .plan(id: "i"), .planFile(id: "i"),
        .users,
        .user(id: "i"), .audit, .jobs, .job(id: "i"), .openAPIDocument,
    ]

    static func template(_ components: [PathComponent]) -> String {
        "/" + components.map(\.description).joined(separator: "/")
    }

    @Test func everyRegisteredRouteIsACaseAndEveryCaseIsRegistered() async throws {
        try await withTestApp { app in
            let registered = Set(app.routes.all.map { Self.template($0.path) })
            let listed = Set(Self.everyRoute.map { Self.template($0.pathComponents) })
            #expect(registered.subtracting(listed).sorted() == [])
            #expect(listed.subtracting(registered).sorted() == [])
        }
    }

    @Test func linksFillTheParametersPercentEncoded() {
        #expect(SiteRoute.nation("FR").path == "/nations/FR")
        #expect(SiteRoute.demandWithdraw("D-FR 1/2").path == "/demands/D-FR%201%2F2/delete")
        #expect(SiteRoute.home.path == "/")
        #expect(SiteRoute.api(.planFile(id: "7")).path == "/api/v1/plans/7/file")
        #expect(Self.template(SiteRoute.newDemand(nation: "FR").pathComponents) == "/nations/:code/demands/new")
        #expect(SiteRoute.verify.path(query: [(name: "email", value: "a+b@x.example")]) == "/verify?email=a%2Bb%40x.example")
        #expect(Self.template(SiteRoute.unsubscribe(token: "x").pathComponents) == "/unsubscribe/:token")
    }
}
