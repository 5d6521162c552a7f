import ChildLinkModel

/// The desk's page frame and the small pieces every page uses. Every value that comes from the
/// store goes through ``DeskHTML/text(_:)``: the one escaper, `XMLText`.
enum DeskHTML {
    /// `value` safe inside HTML content and attribute values.
    static func text(_ value: String) -> String { XMLText.escaped(value) }

    /// A whole page: the navigation, the banner, and `body`. Styles and script come from the desk
    /// itself (`/assets/…`), so the page works offline and under the Content-Security-Policy.
    /// With `refreshSeconds`, the browser reloads the page that often (a run's progress: no script needed).
    static func page(title: String, body: String, refreshSeconds: Int? = nil) -> String {
        let refresh = refreshSeconds.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">\n" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(refresh)<title>\(text(title)) · ChildLink desk</title>
            <link rel="stylesheet" href="/assets/desk.css">
            <script src="/assets/desk.js" defer></script>
            </head>
            <body>
            <nav><strong>ChildLink desk</strong> <a href="/review">Review queue</a> <a href="/review/history">Decision history</a> <a href="/footprint">Find a child</a> <a href="/reports">Reports</a> <a href="/run">Next run</a></nav>
            <p class="banner">Decisions take effect on the next run (<code>childlink weekly</code>, <code>scorecard</code> or <code>link</code> with this store, or <a href="/run">start it from the desk</a> for the latest extracts). This desk holds personal data about children: close the tab when you are done.</p>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// A hidden field carrying the session's CSRF token.
    static func csrfField(_ csrf: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(text(csrf))\">"
    }

    /// `73.4%`.
    static func percent(_ probability: Double) -> String {
        let tenths = Int((probability * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `+3.25` or `-1.50` bits.
    static func bits(_ value: Double) -> String {
        let hundredths = Int((abs(value) * 100).rounded())
        let digits = hundredths % 100 < 10 ? "0\(hundredths % 100)" : "\(hundredths % 100)"
        return (value < 0 && hundredths > 0 ? "-" : "+") + "\(hundredths / 100).\(digits)"
    }
}
