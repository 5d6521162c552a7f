// libFuzzer target: the streaming XML reader (libxml2) and the XML importers behind it.
// Input: the bytes of an XML extract (reference layouts, CIN census).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzScratch.path(extension: "xml")
    FuzzScratch.write(data, size, to: path)
    ImportInvariants.check(path)
    return 0
}
