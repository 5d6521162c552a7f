// libFuzzer target: the CSV reader and the reference-layout importers behind it.
// Input: the bytes of a CSV extract. Crashes, hangs, leaks (ASan) and broken import invariants
// (read = imported + duplicates + rejected) are findings.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzScratch.path(extension: "csv")
    FuzzScratch.write(data, size, to: path)
    ImportInvariants.check(path)
    return 0
}
