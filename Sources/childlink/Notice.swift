import Foundation

/// What the command line tells the person at the terminal besides its results: sentences on
/// standard error (standard output stays for results), never personal data.
enum Notice {
    /// Writes `sentence` and a line break to standard error.
    static func print(_ sentence: String) {
        FileHandle.standardError.write(Data((sentence + "\n").utf8))
    }
}
