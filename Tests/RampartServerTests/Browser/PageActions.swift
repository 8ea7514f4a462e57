import Foundation
import Testing

@testable import RampartServer

/// What the browser tests do on Rampart's pages, in the terms of the pages.
extension WebDriverSession {
    /// Signs in through the sign-in form and waits for the dashboard.
    func signIn(_ email: String, password: String = Fixtures.password) async throws {
        try await open("/signin")
        try await element("#field-email").replaceText(email)
        try await element("#field-password").replaceText(password)
        try await submit(element("form[action='/signin'] button[type=submit]"))
        try await waitForPath("/dashboard")
    }

    /// Clicks `button` (or a link) and waits until a new document has replaced the current one and has loaded.
    func submit(_ button: WebElement, timeout: Duration = .seconds(20)) async throws {
        try await execute("window.__rampartOldPage = true;")
        try await button.click()
        try await waitForNewPage("the page after the click", timeout: timeout)
    }

    /// Waits until the document that was current at the last `markPage()`/`submit` is gone and its successor has loaded.
    func waitForNewPage(_ what: String, timeout: Duration = .seconds(20)) async throws {
        _ = try await waitFor(what, timeout: timeout) { () -> Bool? in
            let fresh = try await execute("return window.__rampartOldPage === undefined && document.readyState === 'complete';")
            return fresh.bool == true ? true : nil
        }
    }

    /// Marks the current document, so that `waitForNewPage` notices when it is replaced (a reload, say).
    func markPage() async throws {
        try await execute("window.__rampartOldPage = true;")
    }

    /// The `<h1>` of the page.
    func heading() async throws -> String {
        try await execute("const h = document.querySelector('main h1'); return h ? h.innerText.trim() : '';").string ?? ""
    }

    /// The cells (their text) of the body rows of the first data table after the `<h2>` titled `heading`, within its
    /// section when it has one; nil when there is no such heading, [] when the section shows no table.
    func tableRows(after heading: String) async throws -> [[String]]? {
        let value = try await execute(
            """
            const h = Array.from(document.querySelectorAll('h2')).find(e => e.textContent.trim() === arguments[0]);
            if (!h) return null;
            const section = h.closest('section');
            const scope = section ? Array.from(section.querySelectorAll('table.data')) : Array.from(document.querySelectorAll('table.data'));
            const table = scope.find(t => h.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
            if (!table || !table.tBodies.length) return [];
            return Array.from(table.tBodies[0].rows).map(r => Array.from(r.cells).map(c => c.innerText.trim()));
            """, [.string(heading)])
        if value.isNull { return nil }
        return value.array?.map(\.strings) ?? []
    }

    /// The body rows of every data table on the page, as cell texts.
    func allTableRows() async throws -> [[String]] {
        let value = try await execute(
            """
            return Array.from(document.querySelectorAll('table.data tbody tr')).map(r => Array.from(r.cells).map(c => c.innerText.trim()));
            """)
        return value.array?.map(\.strings) ?? []
    }

    /// The figure cards: label → value as shown.
    func cards() async throws -> [String: String] {
        let value = try await execute(
            """
            const out = {};
            for (const card of document.querySelectorAll('.card')) {
                const label = card.querySelector('.card-label'), value = card.querySelector('.card-value');
                if (label && value) out[label.innerText.trim()] = value.innerText.trim();
            }
            return out;
            """)
        return (value.object ?? [:]).compactMapValues(\.string)
    }

    /// The `href` attribute of the first link in a data-table row whose first cell reads `firstCell`
    /// (`linkText` picks the link by its text).
    func rowLink(firstCell: String, linkText: String? = nil) async throws -> String? {
        try await execute(
            """
            const row = Array.from(document.querySelectorAll('table.data tbody tr')).find(r => r.cells[0] && r.cells[0].innerText.trim() === arguments[0]);
            if (!row) return null;
            const links = Array.from(row.querySelectorAll('a')).filter(a => arguments[1] === null || a.innerText.trim() === arguments[1]);
            return links.length ? links[0].getAttribute('href') : null;
            """, [.string(firstCell), linkText.map { .string($0) } ?? .null]
        ).string
    }

    /// The `value` property of every form field named `name`.
    func fieldValues(_ name: String) async throws -> [String] {
        try await execute("return Array.from(document.getElementsByName(arguments[0])).map(e => e.value);", [.string(name)]).strings
    }

    /// The fields of the form `button` belongs to that the browser would refuse to submit, described.
    func invalidFields(of button: WebElement) async throws -> [WebDriverValue] {
        try await execute(
            """
            const form = arguments[0].form;
            if (!form) return [];
            return Array.from(form.elements).filter(e => e.willValidate && !e.checkValidity()).map(e => ({
                name: e.name, type: e.type, value: e.value, valueAttribute: e.getAttribute('value'), message: e.validationMessage
            }));
            """, [button.reference]
        ).array ?? []
    }
}

/// Hostile text as people could type or import it: markup that runs script or adds elements if a page writes
/// it unescaped, in text or in an attribute value.
enum HostileInput {
    static let payload = "\"><img src=x onerror=window.__pwned=1>'><script>window.__pwned=1</script></title><x-hostile>"
    /// For fields limited to 80 characters (API token names).
    static let shortPayload = "\"><img src=x onerror=window.__pwned=1>'><x-hostile>"
    /// Without white space, so that a return path passes the "local path" check if anything does.
    static let pathPayload = "/x\"><svg/onload=window.__pwned=1><x-hostile>"

    /// `tag` followed by the payload, so each field's text can be told apart.
    static func text(_ tag: String) -> String { tag + payload }
}

/// What a page looks like to the hostile-text checks.
struct PageInertness: Sendable {
    var path: String
    var pwned: Bool
    var injected: [String]
    var text: String
    var title: String
}

extension WebDriverSession {
    /// Reads what the hostile-text checks need: whether script ran, injected elements, the text and the title.
    func inertness() async throws -> PageInertness {
        let value = try await execute(
            """
            const found = Array.from(document.querySelectorAll('script, x-hostile, img, img[onerror], [onerror], [onload], iframe, object, embed'));
            return {
                pwned: typeof window.__pwned !== 'undefined',
                injected: found.slice(0, 5).map(e => e.outerHTML.slice(0, 200)).concat(found.length > 5 ? ['… ' + found.length + ' in all'] : []),
                text: document.body ? document.body.innerText : '',
                title: document.title
            };
            """)
        return PageInertness(
            path: try await currentPath(), pwned: value["pwned"].bool ?? true, injected: value["injected"].strings,
            text: value["text"].string ?? "", title: value["title"].string ?? "")
    }

    /// The current page ran no injected script, holds no injected element, and shows each of `shows` as text
    /// (and each of `titleShows` in its title).
    func expectInert(
        _ label: String, shows: [String] = [], titleShows: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let page = try await inertness()
        #expect(!page.pwned, "\(label) (\(page.path)): injected script ran (window.__pwned is set)", sourceLocation: sourceLocation)
        #expect(page.injected.isEmpty, "\(label) (\(page.path)): injected elements \(page.injected)", sourceLocation: sourceLocation)
        #expect(
            !page.text.contains("Something went wrong on our side"), "\(label) (\(page.path)): server error page: \(page.text.prefix(600))",
            sourceLocation: sourceLocation)
        for text in shows {
            #expect(
                page.text.contains(text),
                "\(label) (\(page.path)): does not show \(text.debugDescription) as text; it reads:\n\(page.text.prefix(1_500))",
                sourceLocation: sourceLocation)
        }
        for text in titleShows {
            #expect(
                page.title.contains(text), "\(label) (\(page.path)): title \(page.title.debugDescription) lacks \(text.debugDescription)",
                sourceLocation: sourceLocation)
        }
    }
}
