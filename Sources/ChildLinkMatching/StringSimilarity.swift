/// Jaro–Winkler similarity, Damerau–Levenshtein distance and a Soundex-style phonetic code, on
/// folded ASCII bytes. Written without allocation on the hot path: names are short.
enum StringSimilarity {
    /// The longest name compared character by character; longer names are cut (only for scoring).
    static let maxLength = 32

    /// Whether the two are the same bytes (without `elementsEqual`'s generic iteration).
    @inline(__always) static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }

    /// Jaro–Winkler similarity in 0…1 (1 = identical), prefix scale 0.1 over at most 4 characters.
    static func jaroWinkler(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let lengthA = min(a.count, maxLength)
        let lengthB = min(b.count, maxLength)
        if lengthA == 0 || lengthB == 0 { return 0 }
        let window = max(0, max(lengthA, lengthB) / 2 - 1)
        var matchedA: UInt64 = 0
        var matchedB: UInt64 = 0
        var matches = 0
        for i in 0..<lengthA {
            let low = max(0, i - window)
            let high = min(lengthB - 1, i + window)
            if low > high { continue }
            for j in low...high where matchedB & (1 << UInt64(j)) == 0 && a[i] == b[j] {
                matchedA |= 1 << UInt64(i)
                matchedB |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var j = 0
        for i in 0..<lengthA where matchedA & (1 << UInt64(i)) != 0 {
            while matchedB & (1 << UInt64(j)) == 0 { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(lengthA) + m / Double(lengthB) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, lengthA, lengthB), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// The Jaro–Winkler similarity when it may reach `floor`, otherwise 0 (below `floor` too).
    /// The bound: each match pairs a byte of one name with an equal byte of the other, so there are
    /// at most as many matches as bytes of each found anywhere in the other; the Jaro score is
    /// highest with no transpositions, and the Winkler bonus only grows with it.
    static func jaroWinkler(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, floor: Double) -> Double {
        let lengthA = min(a.count, maxLength)
        let lengthB = min(b.count, maxLength)
        if lengthA == 0 || lengthB == 0 { return 0 }
        @inline(__always) func bit(_ byte: UInt8) -> UInt64 { 1 << UInt64(byte & 63) }
        var bytesA: UInt64 = 0
        var bytesB: UInt64 = 0
        for i in 0..<lengthA { bytesA |= bit(a[i]) }
        for j in 0..<lengthB { bytesB |= bit(b[j]) }
        var inB = 0
        var inA = 0
        for i in 0..<lengthA where bytesB & bit(a[i]) != 0 { inB += 1 }
        for j in 0..<lengthB where bytesA & bit(b[j]) != 0 { inA += 1 }
        let most = Double(min(inA, inB))
        let jaro = (most / Double(lengthA) + most / Double(lengthB) + 1) / 3
        var prefix = 0
        while prefix < min(4, lengthA, lengthB), a[prefix] == b[prefix] { prefix += 1 }
        let bound = jaro + Double(prefix) * 0.1 * (1 - jaro)
        return bound < floor - 1e-9 ? 0 : jaroWinkler(a, b)
    }

    /// The optimal-string-alignment Damerau–Levenshtein distance (insert, delete, substitute,
    /// swap two adjacent characters), stopping early once it exceeds `limit`.
    static func damerauLevenshtein(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int = 3
    ) -> Int {
        let n = min(a.count, maxLength)
        let m = min(b.count, maxLength)
        if abs(n - m) > limit { return limit + 1 }
        if n == 0 { return m }
        if m == 0 { return n }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { rows in
            var previous2 = 0
            var previous = m + 1
            var current = 2 * (m + 1)
            for j in 0...m { rows[previous + j] = j }
            for i in 1...n {
                rows[current] = i
                var rowMinimum = i
                for j in 1...m {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, rows[previous2 + j - 2] + 1)
                    }
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return rows[previous + m]
        }
    }

    /// Whether the two differ by at most one edit (insert, delete, substitute, or swap two adjacent
    /// characters): the same as `damerauLevenshtein(a, b) <= 1`, in one pass.
    static func isWithinOneEdit(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = a.count
        let m = b.count
        if abs(n - m) > 1 { return false }
        var prefix = 0
        while prefix < min(n, m), a[prefix] == b[prefix] { prefix += 1 }
        if prefix == n && prefix == m { return true }
        var suffix = 0
        while suffix < min(n, m) - prefix, a[n - 1 - suffix] == b[m - 1 - suffix] { suffix += 1 }
        let restA = n - prefix - suffix
        let restB = m - prefix - suffix
        if restA <= 1 && restB <= 1 { return true }  // One substitution, insertion or deletion.
        // An adjacent swap: exactly two characters left on each side, crossed.
        return restA == 2 && restB == 2 && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
    }

    /// Whether the two are within one edit once every letter struck twice is read once (`NNawaz`
    /// and `Nawza`, `RRoberts` and `Robrts`): a key struck twice is the commonest slip of all, so
    /// a name with one and another slip is still one name mistyped. False when neither has a
    /// letter doubled (then it is ``isWithinOneEdit(_:_:)``, asked already).
    static func isWithinOneEditBesideDoubles(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard hasDoubledLetter(a) || hasDoubledLetter(b) else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: a.count + b.count) { buffer in
            let singleA = readingDoublesOnce(a, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<a.count]))
            let singleB = readingDoublesOnce(b, into: UnsafeMutableBufferPointer(rebasing: buffer[a.count...]))
            return isWithinOneEdit(singleA, singleB)
        }
    }

    private static func hasDoubledLetter(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.indices.dropFirst().contains { name[$0] == name[$0 - 1] }
    }

    /// `name` with each run of one letter written once, copied into `buffer` (at least as long).
    private static func readingDoublesOnce(
        _ name: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>
    )
        -> UnsafeBufferPointer<UInt8>
    {
        var count = 0
        for byte in name where count == 0 || buffer[count - 1] != byte {
            buffer[count] = byte
            count += 1
        }
        return UnsafeBufferPointer(rebasing: buffer[0..<count])
    }

    /// A Soundex-style code packed into a `UInt32`: the sound class of the first letter (so `C`/`K`
    /// and `PH`/`F` agree) followed by up to five consonant-class digits; 0 for an empty name.
    static func phoneticCode(_ word: [UInt8]) -> UInt32 {
        guard !word.isEmpty else { return 0 }
        var letters = word
        if letters.count > 1, letters[0] == UInt8(ascii: "p"), letters[1] == UInt8(ascii: "h") {
            letters.replaceSubrange(0..<2, with: [UInt8(ascii: "f")])
        } else if letters.count > 1, letters[0] == UInt8(ascii: "c"), letters[1] == UInt8(ascii: "h") {
            letters.replaceSubrange(0..<2, with: [UInt8(ascii: "k")])
        }
        var code: UInt32 = UInt32(firstLetterClass(letters[0]))
        var last = digitClass(letters[0])
        var digits = 0
        for letter in letters.dropFirst() where digits < 5 {
            let digit = digitClass(letter)
            if digit == 0 {
                if letter != UInt8(ascii: "h") && letter != UInt8(ascii: "w") { last = 0 }
                continue
            }
            if digit != last {
                code = code << 4 | UInt32(digit)
                digits += 1
            }
            last = digit
        }
        return code << (4 * UInt32(5 - digits)) | UInt32(digits) << 28
    }

    private static func firstLetterClass(_ letter: UInt8) -> UInt8 {
        switch letter {
        case UInt8(ascii: "c"), UInt8(ascii: "q"): UInt8(ascii: "k")
        case UInt8(ascii: "v"): UInt8(ascii: "f")
        case UInt8(ascii: "y"): UInt8(ascii: "j")
        case UInt8(ascii: "z"): UInt8(ascii: "s")
        default: letter
        }
    }

    private static func digitClass(_ letter: UInt8) -> UInt8 {
        switch letter {
        case UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "p"), UInt8(ascii: "v"): 1
        case UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "j"), UInt8(ascii: "k"), UInt8(ascii: "q"),
            UInt8(ascii: "s"), UInt8(ascii: "x"), UInt8(ascii: "z"):
            2
        case UInt8(ascii: "d"), UInt8(ascii: "t"): 3
        case UInt8(ascii: "l"): 4
        case UInt8(ascii: "m"), UInt8(ascii: "n"): 5
        case UInt8(ascii: "r"): 6
        default: 0
        }
    }
}
