import Plot

/// The job queue, newest first: what each server is doing, how far it has got, and why a job failed.
enum JobsPage {
    struct JobRow: Sendable {
        var kind: String
        var status: JobStatus
        /// 0...1
        var progress: Double
        var phase: String
        var attempts: Int
        var maxAttempts: Int
        var worker: String?
        var subject: JobSubject?
        var createdAt: String
        var startedAt: String?
        var finishedAt: String?
        var error: String?

        var isActive: Bool { status == .queued || status == .running }
    }

    struct Model: Sendable {
        var rows: [JobRow]
        var counts: [(status: JobStatus, count: Int)]
        var page: Int
        var pageCount: Int
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Jobs"),
            .p(.attr("class", "csv-link"), .link("Download every job as CSV", to: SiteRoute.adminJobsCSV.path)),
            .paragraph(
                "The background work every server takes from the shared queue: plan runs and the kinds to come.",
                class: "muted"),
            .cards(model.counts.map { (label: $0.status.rawValue, value: Format.number(Double($0.count), maxFractionDigits: 0)) }),
            .dataTable(
                columns: [
                    .text("Kind"), .text("Works on"), .text("Status"), .text("Progress"), .number("Attempts"), .text("Server"),
                    .text("Queued"), .text("Started"), .text("Finished"), .text("Error"),
                ],
                rows: model.rows.map(row),
                emptyText: "No job has been queued yet."
            ),
            .pagination(page: model.page, pageCount: model.pageCount, basePath: SiteRoute.adminJobs.path)
        )
    }

    private static func row(_ job: JobRow) -> Node<HTML.TableContext> {
        .tr(
            .td(.code(.text(job.kind))),
            .td(
                .unwrap(job.subject, { .a(.href($0.page.path), .text("\($0.type) \($0.key.prefix(8))")) }, else: .text("–"))),
            .td(.span(.attr("class", "status status-" + job.status.rawValue), .text(job.status.rawValue))),
            .td(.if(job.isActive, .progressBar(job.progress, label: job.phase), else: .text(job.phase))),
            .numberCell("\(job.attempts) of \(job.maxAttempts)"),
            .cell(job.worker ?? "–"),
            .cell(job.createdAt),
            .cell(job.startedAt ?? "–"),
            .cell(job.finishedAt ?? "–"),
            .cell(job.error ?? "")
        )
    }
}
