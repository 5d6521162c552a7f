/// Text made safe to write to a terminal: the one function every renderer and the command line
/// pass terminal output through.
///
/// A child's name or a file name read from an extract can hold escape sequences (`ESC ] 0;…BEL`
/// retitles the window, `ESC [2J` clears the screen) or bidirectional overrides that make a line
/// read differently from what it holds. ``safe(_:)`` removes them.
package enum TerminalText {
    /// `text` without C0 control characters (line feeds and tabs kept), DEL, C1 control
    /// characters, escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL or ESC \`, DCS, SOS,
    /// PM and APC strings up to their terminator, and two-character `ESC x`), and bidirectional
    /// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
    package static func safe(_ text: some StringProtocol) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        guard scalars.contains(where: isUnsafe) else { return String(text) }
        var out = String.UnicodeScalarView()
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B: dropEscapeSequence(&scalars)
            case 0x9B: dropControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: dropString(&scalars)
            default: if !isUnsafe(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Whether `scalar` is a control or bidirectional character that ``safe(_:)`` removes.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// After an ESC: a CSI (`[`), a string (`]`, `P`, `X`, `^`, `_`), or one more character.
    private static func dropEscapeSequence(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
        guard let next = scalars.popFirst() else { return }
        switch next {
        case "[": dropControlSequence(&scalars)
        case "]", "P", "X", "^", "_": dropString(&scalars)
        default: break
        }
    }

    /// Parameters and intermediates (0x20–0x3F) up to the final byte (0x40–0x7E).
    private static func dropControlSequence(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
        while let scalar = scalars.popFirst() {
            if (0x40...0x7E).contains(scalar.value) || !(0x20...0x3F).contains(scalar.value) { return }
        }
    }

    /// Up to BEL, ST (`ESC \` or 0x9C) or a line break (which is kept).
    private static func dropString(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
        while let scalar = scalars.first {
            if scalar == "\n" { return }
            scalars.removeFirst()
            if scalar.value == 0x07 || scalar.value == 0x9C { return }
            if scalar.value == 0x1B {
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            }
        }
    }
}
