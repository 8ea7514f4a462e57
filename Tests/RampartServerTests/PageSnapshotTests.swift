import Foundation
import Plot
import RampartCore
import SnapshotTesting
import Testing

@testable import RampartServer

/// Every page's whole markup, rendered from its page model (the hostile-text models of `HostileTextTests`, as staff
/// and signed out), against `__Snapshots__/PageSnapshotTests/`. A change to a page shows up as a diff to read.
/// Missing snapshots are recorded and the test fails once; `SNAPSHOT_TESTING_RECORD=all` rewrites them all.
@Suite struct PageSnapshotTests {
    static let staff = PageContext(
        title: "Rampart", user: PageUser(displayName: "Ann Staff", role: .staff, nation: nil, company: nil),
        csrfToken: "csrf-token", path: "/", notice: nil)
    static let signedOut = PageContext(title: "Rampart", user: nil, csrfToken: "csrf-token", path: "/", notice: nil)

    @Test(arguments: HostilePage.allCases)
    func pageMarkup(_ page: HostilePage) {
        for (name, context) in [("staff", Self.staff), ("signed-out", Self.signedOut)] {
            let html = page.pages(context).map { $0.render(indentedBy: .spaces(2)) }
                .joined(separator: "\n\n<!-- next render -->\n\n")
                // The stylesheet is the same on every page: it would only repeat in each snapshot.
                .replacingOccurrences(of: Stylesheet.css, with: "/* Stylesheet.css */")
            assertSnapshot(of: html, as: .lines, named: "\(page.rawValue)-\(name)")
        }
    }
}
