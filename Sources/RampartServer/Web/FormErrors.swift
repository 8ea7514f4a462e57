/// A form's problems as its reader sees them: each in words under the field's own label, attached to its field, and
/// all listed at the top. Problems come as "name: problem" from the editors and the form readers, with either the
/// API's or the form's name for the field.
struct FormErrors: Sendable {
    struct Field: Sendable {
        /// The form's name for it (`due_month`).
        var name: String
        /// The API's name for it, where it differs (`dueMonth`).
        var apiName: String?
        /// What the form calls it ("Due month").
        var label: String
    }

    /// Every problem in words, in the order given.
    private(set) var messages: [String] = []
    private var byField: [String: String] = [:]

    static let none = FormErrors()

    private init() {}

    init(_ problems: [String], fields: [Field]) {
        for problem in problems {
            let name = String(problem.prefix { $0 != ":" })
            guard name.count < problem.count, let field = fields.first(where: { $0.name == name || $0.apiName == name }) else {
                messages.append(problem)
                continue
            }
            let words = problem.dropFirst(name.count + 1).trimmingPrefix(" ")
            let message = "\(field.label): \(words)"
            messages.append(message)
            byField[field.name] = byField[field.name].map { $0 + "; " + words } ?? message
        }
    }

    var isEmpty: Bool { messages.isEmpty }

    /// The problem with the field of form name `name`, if any.
    func message(for name: String) -> String? { byField[name] }
}
