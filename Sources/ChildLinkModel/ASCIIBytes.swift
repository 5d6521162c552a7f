extension UInt8 {
    /// Whether the byte is an ASCII digit, `0` to `9`.
    @inlinable package var isASCIIDigit: Bool { (48...57).contains(self) }

    /// Whether the byte is an ASCII capital letter, `A` to `Z`.
    @inlinable package var isASCIIUppercase: Bool { (65...90).contains(self) }

    /// Whether the byte is an ASCII letter, `A` to `Z` or `a` to `z`.
    @inlinable package var isASCIILetter: Bool { isASCIIUppercase || (97...122).contains(self) }
}
