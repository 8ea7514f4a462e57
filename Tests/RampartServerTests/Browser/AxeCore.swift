import Foundation

/// axe-core, the accessibility checker, run inside the page under test. Its script ships inside the PyPI package
/// `axe-playwright-python` (the test command installs it with `--no-deps`: only the script is used).
enum AxeCore {
    struct Violation: Decodable, CustomStringConvertible {
        var id: String
        var impact: String?
        var help: String
        var targets: [String]

        var description: String { "\(impact ?? "?") \(id): \(help) at \(targets.prefix(3).joined(separator: ", "))" }
    }

    /// The script's text, found through Python, or a failure that says what to install.
    static let script: Result<String, any Error> = Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import axe_playwright_python, os; print(os.path.join(os.path.dirname(axe_playwright_python.__file__), 'axe.min.js'))",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AxeMissing()
        }
        return text
    }

    struct AxeMissing: Error, CustomStringConvertible {
        var description: String {
            "axe-core not found: pip install --no-deps axe-playwright-python==0.1.8 (scripts/test.sh does)"
        }
    }

    struct Report: Decodable {
        /// How many rules the page passed: above 0 when axe ran at all.
        var passed: Int
        var violations: [Violation]
    }

    /// What axe finds on the page open in `page`: its serious and critical violations.
    static func check(_ page: WebDriverSession) async throws -> Report {
        let source = try script.get()
        _ = try await page.execute(source + "\n;return typeof axe;")
        let answer = try await page.executeAsync(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document).then(r => done(JSON.stringify({ passed: r.passes.length, violations: r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })) })),
                e => done(JSON.stringify({ passed: 0, violations: [{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }] })));
            """)
        return try JSONDecoder().decode(Report.self, from: Data((answer.string ?? "{}").utf8))
    }
}
