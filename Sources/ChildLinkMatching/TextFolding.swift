import ChildLinkModel

/// Folds names to the compact ASCII form that comparisons use: lower case, diacritics removed
/// (`Štefan` → `stefan`, `Horváthová` → `horvathova`), punctuation dropped, words kept apart.
///
/// The display form is never changed: folding is for comparison only.
enum TextFolding {
    /// The lower-case ASCII letters of `text` (and digits, for addresses), with diacritics folded,
    /// split into words at spaces, hyphens and any other character. An apostrophe joins, as in
    /// `O'Brien`, `D'Arcy` and `N'Golo` (`obrien`, not `o` and `brien`), whichever of the
    /// typewriter, typographic or modifier-letter apostrophes a system stored. In names (not
    /// addresses), `?` and U+FFFD stand for one unknown character, as after a save in an encoding
    /// that could not hold the letter (`?erve?ák` → `?erve?ak`); a word of nothing else is dropped.
    static func words(_ text: String, keepingDigits: Bool = false) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        current.reserveCapacity(16)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isApostrophe(value) { continue }
            if !keepingDigits && (value == 0x3F || value == 0xFFFD) {
                current.append(unknown)
                continue
            }
            if value < 128 {
                let byte = UInt8(value)
                if byte >= 65 && byte <= 90 {
                    current.append(byte + 32)
                } else if byte >= 97 && byte <= 122 || (keepingDigits && byte >= 48 && byte <= 57) {
                    current.append(byte)
                } else if !current.isEmpty {
                    appendWord(&current, to: &words)
                }
            } else if let folded = fold(scalar) {
                current.append(contentsOf: folded)
            } else if value == 0x301 || value == 0x30C || value == 0x308 || value == 0x300 || value == 0x302
                || value == 0x303 || value == 0x327 || value == 0x328 || value == 0x30A || value == 0x30B
            {
                continue  // A combining accent (decomposed input): drop it, keep the letter.
            } else if !current.isEmpty {
                appendWord(&current, to: &words)
            }
        }
        if !current.isEmpty { appendWord(&current, to: &words) }
        return words
    }

    /// The bytes of `words` back to back, `separator` (when given) between each two: what
    /// `Array(words.joined(separator:))` gives, without a joined sequence on every record.
    static func joined(_ words: [[UInt8]], separator: UInt8? = nil) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(words.reduce(words.count) { $0 + $1.count })
        for (index, word) in words.enumerated() {
            if index > 0, let separator { result.append(separator) }
            result.append(contentsOf: word)
        }
        return result
    }

    /// The byte a folded name holds for one unknown character.
    static let unknown = UInt8(ascii: "?")

    /// Moves `word` into `words`, unless it is only unknown characters (a stray `?`).
    @inline(__always) private static func appendWord(_ word: inout [UInt8], to words: inout [[UInt8]]) {
        if word.contains(where: { $0 != unknown }) { words.append(word) }
        word.removeAll(keepingCapacity: true)
    }

    /// Whether two folded names are the same but for unknown characters: as long as each other,
    /// and every letter either equal or unknown on one side (`?erve?ak` and `cervenak`).
    static func sameButUnknown(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count, a.count >= 3 else { return false }
        var unknowns = 0
        for index in 0..<a.count where a[index] != b[index] {
            guard a[index] == unknown || b[index] == unknown else { return false }
            unknowns += 1
        }
        // At least two known letters in three: `??a` says nothing.
        return unknowns > 0 && unknowns * 3 <= a.count
    }

    /// `'`, `` ` ``, `’` (U+2019), `‘` (U+2018) and `ʼ` (U+02BC).
    static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x60 || value == 0x2019 || value == 0x2018 || value == 0x2BC
    }

    /// The ASCII letters a non-ASCII Latin letter folds to, or `nil` when it is not a letter we know.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        if let mapped = table[scalar.value] { return mapped }
        return nil
    }

    /// Whether the last letter of `text` carries an acute accent on `a` or `y` (`Černá`, `Malý`):
    /// the Slovak and Czech feminine/adjectival ending that folding would otherwise hide.
    static func endsWithAccentedVowel(_ text: String) -> Bool {
        // Fast path: the last letter is an ASCII one (no accent), or there is no letter and no
        // character outside ASCII at all. In ASCII only A–Z and a–z are alphabetic.
        for byte in text.utf8.reversed() {
            if byte >= 0x80 { return lastLetterIsAccentedVowel(text) }
            if byte.isASCIILetter { return false }
        }
        return false
    }

    /// ``endsWithAccentedVowel(_:)`` by Unicode properties, for text with characters outside ASCII.
    static func lastLetterIsAccentedVowel(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { $0.properties.isAlphabetic }) else { return false }
        return [0xE1, 0xC1, 0xFD, 0xDD].contains(last.value)
    }

    private static let table: [UInt32: [UInt8]] = {
        var map: [UInt32: [UInt8]] = [:]
        let groups: [(String, String)] = [
            ("a", "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎ"), ("c", "ÇçĆćĈĉĊċČč"), ("d", "ĎďĐđÐð"),
            ("e", "ÈÉÊËèéêëĒēĔĕĖėĘęĚě"), ("g", "ĜĝĞğĠġĢģ"), ("h", "ĤĥĦħ"),
            ("i", "ÌÍÎÏìíîïĨĩĪīĬĭĮįİı"), ("j", "Ĵĵ"), ("k", "Ķķ"), ("l", "ĹĺĻļĽľĿŀŁł"),
            ("n", "ÑñŃńŅņŇň"), ("o", "ÒÓÔÕÖØòóôõöøŌōŎŏŐő"), ("r", "ŔŕŖŗŘř"),
            ("s", "ŚśŜŝŞşŠšȘș"), ("t", "ŢţŤťŦŧȚț"), ("u", "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų"),
            ("w", "Ŵŵ"), ("y", "ÝýÿŶŷŸ"), ("z", "ŹźŻżŽž"),
        ]
        for (ascii, letters) in groups {
            for scalar in letters.unicodeScalars { map[scalar.value] = Array(ascii.utf8) }
        }
        let pairs: [(String, String)] = [
            ("ß", "ss"), ("Æ", "ae"), ("æ", "ae"), ("Œ", "oe"), ("œ", "oe"), ("Þ", "th"), ("þ", "th"),
        ]
        for (letter, ascii) in pairs { map[letter.unicodeScalars.first!.value] = Array(ascii.utf8) }
        return map
    }()
}
