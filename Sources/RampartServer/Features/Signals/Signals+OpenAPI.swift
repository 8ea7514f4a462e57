import Foundation
import RampartCore

/// The demand signals part of the OpenAPI document.
extension OpenAPIDocument {
    static var signalOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/signals", id: "listSignals", tag: "records",
                summary: "Demand signals: requirements summed per target (item or class) and year, firm against foreseeable",
                description: """
                    A page of the figures of a fixed set of tables: per target and year, per target over all years, per \
                    year over all targets, and overall. Staff sum every demand; a delegate their nation's and the released \
                    ones, whole. Industry and observers sum the released demands only, and a figure that comes from fewer \
                    than `rules.minimumNations` nations or has one nation above `rules.largestShare` of it is hidden, as \
                    is any figure that would let a hidden one be worked out from the totals (`hidden.reason`: \
                    `few-nations`, `dominance`, `complementary`); where only the firm and foreseeable parts would reveal \
                    a nation, they are hidden (`splitHidden`) and the total shown. Every filter selects figures of the \
                    set and never sums anew, so none narrows a figure below the rules. Empty with no scenario.
                    """,
                query: pageQuery + [
                    query("table", enumeration(SignalQuery.Table.allCases.map(\.rawValue)), "Only the figures of this table."),
                    query("target", text, "Only this target: an item id or `class:NAME`."),
                    query(
                        "from", integer(minimum: 1900, maximum: 2200), "Only figures of this year or later (figures over all years stay)."),
                    query("to", integer(minimum: 1900, maximum: 2200), "Only figures of this year or earlier."),
                    query("nation", text, "Staff and delegates: sum only these nations (codes, comma-separated)."),
                ],
                responses: ok(ref("SignalPage"), "A page of figures, in the tables' order."),
                errors: [
                    400: malformedQuery, 401: signedOut,
                    403: "`nation` from industry or an observer, who read signals of all nations together.",
                    422: "A bad `table`, `from` or `to` (`to` before `from`), an unknown `nation`, or a bad page.",
                ])
        ]
    }

    static var signalSchemas: [String: Object] {
        let reason = object(
            "Why a figure or its split is hidden.",
            [
                field("reason", enumeration(SuppressionReason.allCases.map(\.rawValue))),
                field("explanation", text, "The reason in words."),
            ])
        return [
            "SignalPage": object(
                "A page of the reader's demand signals (shape version 1).",
                [
                    field("version", integer(minimum: 1)),
                    field("basis", enumeration(["all", "nation-and-released", "released"]), "Which demands are summed."),
                    field("suppressed", boolean, "Whether the disclosure rules hide figures from this reader."),
                    field(
                        "rules",
                        object(
                            "The disclosure rules.",
                            [field("minimumNations", integer(minimum: 1)), field("largestShare", number, "A fraction, 0.8.")])),
                    field("items", array(ref("SignalFigure"))),
                    field("page", integer(minimum: 1)),
                    field("per", integer(minimum: 1)),
                    field("total", integer(minimum: 0)),
                ]),
            "SignalFigure": object(
                "One figure; `target` or `year` absent: summed over every target or year. Parts absent where hidden.",
                [
                    optional("target", text), optional("year", integer()), optional("total", number), optional("firm", number),
                    optional("foreseeable", number), optional("nations", integer(minimum: 0)),
                    optional("hidden", reason), optional("splitHidden", reason),
                ]),
        ]
    }
}
