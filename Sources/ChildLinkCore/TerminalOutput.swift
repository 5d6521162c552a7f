import ChildLinkModel
import Foundation

/// Everything the command line prints goes through here, so nothing from an extract (a name, a
/// file name, a record id) reaches a terminal with its control characters, escape sequences or
/// bidirectional overrides (``ChildLinkModel/TerminalText``).
package enum TerminalOutput {
    /// `text` made safe for a terminal (the one function, ``ChildLinkModel/TerminalText/safe(_:)``).
    package static func safe(_ text: String) -> String { TerminalText.safe(text) }

    /// Prints `text`, made safe, to standard output.
    package static func print(_ text: String, terminator: String = "\n") {
        Swift.print(TerminalText.safe(text), terminator: terminator)
    }

    /// Writes `text`, made safe, and a line break to standard error.
    package static func printError(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(text) + "\n").utf8))
    }
}
