import Foundation
import RampartCore

/// An audit entry's stored values as the pages write them: the field's name in words, quantities grouped, months as
/// calendar months, capacity as steps from a month. The API keeps the stored values as they are.
enum AuditValues {
    static let labels: [String: String] = [
        "qty": "Quantity", "dueMonth": "Due month", "priority": "Priority", "released": "Released",
        "leadTimeMonths": "Lead time (months)", "capacity": "Capacity", "role": "Role", "nation": "Nation",
        "company": "Company", "displayName": "Name", "password": "Password", "newsletter": "Newsletter", "item": "Item", "class": "Class",
        "demands": "Demands", "scenario": "Scenario",
    ]

    static func label(_ field: String) -> String { labels[field] ?? field }

    static func value(_ field: String, _ text: String, calendar: MonthCalendar?) -> String {
        guard !text.isEmpty else { return text }
        switch field {
        case "qty", "demands":
            return DecimalText.number(text).map(Format.units) ?? text
        case "dueMonth":
            guard let month = DecimalText.integer(text) else { return text }
            return calendar?.label(month) ?? "month \(month)"
        case "released":
            return text == "true" ? "yes" : text == "false" ? "no" : text
        case "nation":
            return Alliance.name(of: text) == text ? text : "\(Alliance.name(of: text)) (\(text))"
        case "capacity":
            // "from:perMonth" steps, as SourceEditor records them.
            return text.split(separator: ",").map { step in
                let parts = step.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let from = DecimalText.integer(parts[0]), let perMonth = DecimalText.number(parts[1]) else {
                    return String(step)
                }
                return "\(Format.units(perMonth)) a month from \(calendar?.label(from) ?? "month \(from)")"
            }.joined(separator: "; ")
        default:
            return text
        }
    }
}
