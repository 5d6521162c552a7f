import ChildLinkCore
import ChildLinkModel
import ChildLinkReports

/// The footprint search form, its candidates, and a child's page: the footprint timeline with the
/// reason for each link.
enum FootprintPages {
    /// The search form (filled in with `form`'s values) and, below it, `results`.
    static func search(_ form: DeskForm, results: String) -> String {
        let value = { (name: String) in DeskHTML.text(form[name] ?? "") }
        let body = """
            <h1>Find a child</h1>
            <p>Give a name with a date of birth (spelling variants and typing slips are scored as the matcher scores them) or, when the date of birth is not known, with an age today in whole years or a range such as 7-9; or give one identifier. Every search is written to the store's audit log with your user name.</p>
            <form class="search" method="get" action="/footprint">
            <label>Name <input type="text" name="name" value="\(value("name"))" placeholder="Forename Surname"></label>
            <label>Date of birth <input type="text" name="dob" value="\(value("dob"))" placeholder="dd/mm/yyyy"></label>
            <label>or age <input type="text" name="age" value="\(value("age"))" placeholder="7 or 7-9" size="6"></label>
            <label>UPN <input type="text" name="upn" value="\(value("upn"))"></label>
            <label>NHS number <input type="text" name="nhs" value="\(value("nhs"))"></label>
            <label>Person id <input type="text" name="person" value="\(value("person"))"></label>
            <label>ChildLink id <input type="text" name="child" value="\(value("child"))" placeholder="CL000123"></label>
            <button type="submit">Search</button>
            </form>
            \(results)
            """
        return DeskHTML.page(title: "Find a child", body: body)
    }

    /// The children a query could mean, most probable first, each linking to their page.
    static func candidates(_ candidates: [FootprintCandidate]) -> String {
        var html =
            "<h2>\(candidates.count) children could be the one you mean</h2>\n<p>Open the one you mean, or add a "
            + "date of birth or an age.</p>\n<table class=\"candidates\"><thead><tr><th>Child</th><th>Match</th>"
            + "<th>Recorded as</th><th>Records</th></tr></thead><tbody>\n"
        for candidate in candidates {
            html +=
                "<tr><td><a href=\"/child/\(candidate.childID)\">\(candidate.childID)</a></td>"
                + "<td>\(DeskHTML.percent(candidate.probability))</td><td>\(DeskHTML.text(candidate.recordedAs))</td>"
                + "<td>\(candidate.records)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// A child's page: the identities seen, the timeline, and each link's waterfall.
    static func child(_ footprint: Footprint) -> String {
        var body =
            "<h1>Footprint of \(footprint.childID)</h1>\n<p class=\"period\">\(footprint.entries.count) records in "
            + "\(footprint.datasets.map(\.title).joined(separator: ", ")). This page view is in the audit log.</p>\n"
            + "<h2>Identity as recorded</h2>\n<table class=\"identity\"><tbody>\n"
        for identity in footprint.identities {
            body +=
                "<tr><th>\(DeskHTML.text(identity.label))</th>"
                + "<td>\(identity.values.map(DeskHTML.text).joined(separator: " / "))</td></tr>\n"
        }
        body +=
            "</tbody></table>\n<h2>Timeline</h2>\n<table class=\"timeline\"><thead><tr><th>Date</th><th>Dataset</th>"
            + "<th>Record</th><th>What happened</th><th>As recorded</th><th>Why it belongs to this child</th></tr>"
            + "</thead><tbody>\n"
        for entry in footprint.entries { body += row(entry) }
        body += "</tbody></table>\n<h2>The evidence for each link</h2>\n"
        if footprint.entries.allSatisfy({ $0.link == nil }) {
            body += "<p>This child has one record: there is no link to explain.</p>\n"
        }
        for entry in footprint.entries { body += linkEvidence(entry) }
        return DeskHTML.page(title: "Footprint of \(footprint.childID)", body: body)
    }

    private static func row(_ entry: FootprintEntry) -> String {
        let facts = { (list: [FootprintFact]) in
            list.map { "\(DeskHTML.text($0.label)): \(DeskHTML.text($0.value))" }.joined(separator: "<br>")
        }
        let reason =
            entry.link.map {
                "\(DeskHTML.text($0.basis.rawValue)) to \(DeskHTML.text($0.linkedTo.description)), "
                    + DeskHTML.percent($0.probability)
            } ?? "the child's only record"
        return "<tr><td>\(entry.date.uk)</td><td>\(DeskHTML.text(entry.record.dataset.title))</td>"
            + "<td>\(DeskHTML.text(entry.record.description))</td><td>\(facts(entry.facts))</td>"
            + "<td>\(facts(entry.recorded))</td><td>\(reason)</td></tr>\n"
    }

    private static func linkEvidence(_ entry: FootprintEntry) -> String {
        guard let link = entry.link else { return "" }
        let chart = DeskWaterfall(
            priorBits: link.priorBits,
            steps: link.contributions.map {
                DeskWaterfall.Step(
                    label: $0.comparison, detail: "\($0.level): \($0.value) | \($0.otherValue)", bits: $0.bits)
            }, probability: link.probability)
        return "<figure><figcaption>\(DeskHTML.text(entry.record.description)) and "
            + "\(DeskHTML.text(link.linkedTo.description)): \(DeskHTML.text(link.basis.rawValue))"
            + (link.looksLikeTwins ? " (looks like twins)" : "") + "</figcaption>\(chart.svg)</figure>\n"
    }

    /// The query the search form asks for, or why it cannot be read (`nil` and no problem: an empty
    /// form); an age is counted on `today`.
    static func query(_ form: DeskForm, today: CalendarDate) -> Result<FootprintQuery, QueryProblem>? {
        let given = ["name", "upn", "nhs", "person", "child"].filter { form[$0] != nil }
        guard !given.isEmpty else { return nil }
        guard given.count == 1 else {
            return .failure(QueryProblem("Fill in one of name, UPN, NHS number, person id or ChildLink id."))
        }
        switch given[0] {
        case "name": return nameQuery(form, today: today)
        case "upn": return .success(.upn(form["upn"]!))
        case "nhs": return .success(.nhsNumber(form["nhs"]!))
        case "person": return .success(.personID(form["person"]!))
        default:
            guard let id = DeskRoutes.childID(form["child"]!) else {
                return .failure(QueryProblem("A ChildLink id is CL followed by six digits, e.g. CL000123."))
            }
            return .success(.childID(id))
        }
    }

    /// A name with a date of birth, an age, or neither.
    private static func nameQuery(_ form: DeskForm, today: CalendarDate) -> Result<FootprintQuery, QueryProblem> {
        let nameProblem = QueryProblem("Give a forename and a surname: \"Forename Surname\" or \"Surname, Forename\".")
        if let ageText = form["age"] {
            guard form["dob"] == nil else { return .failure(QueryProblem("Give a date of birth or an age, not both.")) }
            guard let age = AgeRange(parsing: ageText) else {
                return .failure(
                    QueryProblem(
                        "The age is whole years (7) or a range (7-9), from 0 to \(AgeRange.oldestAllowed)."))
            }
            do { return .success(try FootprintQuery.name(form["name"]!, age: age, on: today)) } catch {
                return .failure(nameProblem)
            }
        }
        var dob: CalendarDate?
        if let text = form["dob"] {
            guard let date = CalendarDate(parsing: text) else {
                return .failure(QueryProblem("The date of birth is not a date: write dd/mm/yyyy."))
            }
            dob = date
        }
        do { return .success(try FootprintQuery.name(form["name"]!, dob: dob)) } catch { return .failure(nameProblem) }
    }

    /// Why a search form cannot be read, in plain words.
    struct QueryProblem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
