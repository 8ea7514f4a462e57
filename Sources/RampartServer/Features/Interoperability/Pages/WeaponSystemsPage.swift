import Plot
import RampartCore

/// The catalogue of weapon systems, and the fleets the reader may see: staff every nation's, a delegate its own.
enum WeaponSystemsPage {
    struct SystemRow: Sendable {
        var code: String
        var name: String
        var kind: String
        var calibre: String
    }

    struct FleetRow: Sendable {
        var nation: String
        var system: String
        var count: Int
        var version: Int
        var editable: Bool
    }

    struct Model: Sendable {
        var systems: [SystemRow]
        /// Nil where the reader may see no fleet.
        var fleets: [FleetRow]?
        var canAddSystem: Bool
        /// The nations whose fleets the reader records: every nation for staff, its own for a delegate.
        var fleetNations: [String]
        var errors: [String] = []
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Weapon systems and fleets"),
            .paragraph(
                "The systems that fire the munitions of the scenario. A nation's fleets are read by that nation and staff only.",
                class: "muted"),
            .p(.link("Interchangeability matrix", to: SiteRoute.interoperability.path)),
            .errorList(model.errors),
            .dataTable(
                caption: "Catalogue",
                columns: [.text("Code"), .text("Name"), .text("Kind"), .text("Calibre")],
                rows: model.systems.map { s in
                    var cells = RowMarkup()
                    cells.code(s.code)
                    cells.cell(s.name)
                    cells.cell(s.kind)
                    cells.cell(s.calibre.isEmpty ? "–" : s.calibre)
                    return cells.node
                },
                emptyText: "No weapon system in the catalogue yet."),
            .if(model.canAddSystem, addSystemForm(context)),
            .unwrap(model.fleets) { fleets in fleetSection(context, model, fleets) }
        )
    }

    private static func addSystemForm(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .h2("Add a weapon system"),
            .postForm(
                action: SiteRoute.weaponSystems.path, csrf: context.csrfToken,
                .field("Code", name: "code", extra: [.attr("maxlength", "40"), .attr("required", "required")]),
                .field("Name", name: "name", extra: [.attr("maxlength", "120"), .attr("required", "required")]),
                .selectField(
                    "Kind", name: "kind", options: WeaponSystem.Kind.allCases.map { ($0.rawValue, $0.label) },
                    selected: WeaponSystem.Kind.howitzer.rawValue),
                .field("Calibre", name: "calibre", extra: [.attr("maxlength", "20"), .attr("placeholder", "155 mm")]),
                .submitButton("Add system")
            ))
    }

    private static func fleetSection(_ context: PageContext, _ model: Model, _ fleets: [FleetRow]) -> Node<HTML.BodyContext> {
        .section(
            .h2("Fleets"),
            .p(.link("Download as CSV", to: SiteRoute.fleetsCSV.path)),
            .dataTable(
                caption: "Fleets",
                columns: [.text("Nation"), .text("System"), .number("Systems operated"), .text("Change")],
                rows: fleets.map { fleet in
                    .tr(
                        .td(.text(fleet.nation)), .td(.code(.text(fleet.system))),
                        .td(.attr("class", "num"), .text(Format.integer(fleet.count))),
                        .td(
                            .if(
                                fleet.editable,
                                .postForm(
                                    action: SiteRoute.fleets.path, csrf: context.csrfToken, class: "inline",
                                    .hiddenField("nation", fleet.nation), .hiddenField("system", fleet.system),
                                    .hiddenField("version", String(fleet.version)),
                                    .input(
                                        .attr("type", "number"), .attr("name", "count"), .attr("min", "0"), .attr("max", "100000"),
                                        .attr("value", String(fleet.count)),
                                        .attr("aria-label", "Systems operated: \(fleet.nation) \(fleet.system)")),
                                    .submitButton("Save", class: "link-button")))))
                },
                emptyText: "No fleet recorded yet."),
            .if(
                !model.fleetNations.isEmpty && !model.systems.isEmpty,
                .group(
                    .h3("Record a fleet"),
                    .postForm(
                        action: SiteRoute.fleets.path, csrf: context.csrfToken,
                        .selectField(
                            "Nation", name: "nation", options: model.fleetNations.map { ($0, Alliance.name(of: $0)) }, selected: ""),
                        .selectField(
                            "System", name: "system", options: model.systems.map { ($0.code, "\($0.code) · \($0.name)") }, selected: ""),
                        .field("Systems operated", name: "count", type: "number", extra: [.attr("min", "0"), .attr("max", "100000")]),
                        .submitButton("Record fleet")),
                    .h3("Import fleets from CSV"),
                    .paragraph(
                        "Columns: " + InteroperabilityImport.fleetHeader.joined(separator: ",")
                            + ". Each row sets one fleet; a file with any bad row imports nothing and lists every problem.",
                        class: "muted"),
                    CSVUploadForm.node(action: SiteRoute.fleetsImport.path, csrf: context.csrfToken, button: "Import fleets")))
        )
    }
}

/// A file upload form for a CSV import, with the CSRF token as a field of the multipart body.
enum CSVUploadForm {
    static func node(action: String, csrf: String, button: String) -> Node<HTML.BodyContext> {
        .form(
            .attr("method", "post"), .attr("action", Href.local(action)), .attr("enctype", "multipart/form-data"), .attr("class", "form"),
            .csrfField(csrf),
            .div(
                .attr("class", "field"),
                .label(.attr("for", "field-file-\(button.count)"), .text("CSV file")),
                .input(
                    .attr("id", "field-file-\(button.count)"), .attr("type", "file"), .attr("name", "file"),
                    .attr("accept", ".csv,text/csv"),
                    .attr("required", "required"))),
            .submitButton(button))
    }
}
