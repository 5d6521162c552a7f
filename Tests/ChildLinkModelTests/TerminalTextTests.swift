import ChildLinkModel
import Testing

/// The one function that makes text safe for a terminal.
@Suite("TerminalText: control characters, escape sequences and bidi overrides removed")
struct TerminalTextTests {
    @Test(
        "each kind of unsafe text is removed; ordinary text, line breaks and tabs are kept",
        arguments: [
            ("Amy\u{1B}]0;new title\u{07}Zed", "AmyZed"),  // OSC ended by BEL: the window title
            ("Amy\u{1B}]0;new title\u{1B}\\Zed", "AmyZed"),  // OSC ended by ESC backslash
            ("Amy\u{1B}[2JZed", "AmyZed"),  // CSI: clear the screen
            ("Amy\u{1B}[38;5;196mZed\u{1B}[0m", "AmyZed"),  // colours
            ("Amy\u{9B}2JZed", "AmyZed"),  // the C1 form of CSI
            ("Amy\u{1B}cZed", "AmyZed"),  // ESC c: reset the terminal
            ("Amy\u{0}\u{8}\u{7F}\u{85}Zed", "AmyZed"),  // NUL, backspace, DEL, C1 NEL
            ("\u{202E}dezA\u{202C} \u{2066}x\u{2069}\u{200F}", "dezA x"),  // bidi override, isolate, mark
            ("Horváthová\tZoë\nŠtefan", "Horváthová\tZoë\nŠtefan"),
            ("Amy\r\nZed", "Amy\nZed"),  // a carriage return can overwrite a line: removed
            ("\u{1B}]8;;http://x\u{7}", ""),
        ])
    func removes(input: String, expected: String) {
        #expect(TerminalText.safe(input) == expected)
    }
}
