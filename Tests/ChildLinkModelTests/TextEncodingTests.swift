import ChildLinkModel
import Testing

@Suite("The one XML escaper and the one CSV field encoder")
struct TextEncodingTests {
    @Test(
        "XML text: the five special characters as entities, disallowed control characters left out",
        arguments: [
            ("plain", "plain"), ("Horváthová", "Horváthová"), ("a & b", "a &amp; b"), ("<b>", "&lt;b&gt;"),
            ("say \"hi\"", "say &quot;hi&quot;"), ("O'Neill", "O&#39;Neill"), ("bell\u{7}", "bell"),
            ("tab\tline\ncr\r", "tab\tline\ncr\r"),
        ])
    func xml(text: String, expected: String) {
        #expect(XMLText.escaped(text) == expected)
    }

    @Test("XML text for the councils' extracts spells the apostrophe &apos;")
    func namedApostrophe() {
        #expect(XMLText.escaped("O'Neill & Co", apostrophe: .named) == "O&apos;Neill &amp; Co")
    }

    @Test(
        "CSV: quoted only when needed; encode also defuses formulas, quoted does not",
        arguments: [
            ("E0001", "E0001", "E0001"), ("a,b", "\"a,b\"", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\"", nil),
            ("=SUM(A1)", "'=SUM(A1)", "=SUM(A1)"), ("-3.25", "-3.25", "-3.25"), ("-x", "'-x", "-x"),
            ("cr\r\nlf", "\"cr\r\nlf\"", "\"cr\r\nlf\""), ("line\nbreak", "\"line\nbreak\"", nil),
        ])
    func csv(field: String, encoded: String, quoted: String?) {
        #expect(CSVField.encode(field) == encoded)
        #expect(CSVField.quoted(field) == quoted ?? encoded)
    }
}
