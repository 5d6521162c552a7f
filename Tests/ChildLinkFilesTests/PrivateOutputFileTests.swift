import ChildLinkFiles
import ChildLinkMatching
import ChildLinkModel
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one private-file writer: streamed (links.csv, pairs.csv) it writes the bytes the whole-string
/// encoders write, and every file gets the same care (0600, synced, renamed into place only when
/// complete, earlier output kept when it fails).
@Suite("Private output file")
struct PrivateOutputFileTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "childlink-stream-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// What `body` writes, read back from the committed file.
    static func written(_ body: (inout PrivateOutputFile) -> Void) throws -> String {
        let path = try folder() + "/out.csv"
        var file = try PrivateOutputFile(path: path)
        body(&file)
        try file.commit()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test(
        "a field is written as CSVField.encode writes it",
        arguments: [
            "", "E0001", "O'Neill", "a,b", "say \"hi\"", "line\nbreak", "cr\r\nlf", "=SUM(A1)", "+44", "-3.25", "-x",
            "@home", "\tTab", "Zoë", ",\u{301}", "名字",
        ])
    func csvField(_ field: String) throws {
        #expect(try Self.written { $0.appendCSVField(field) } == CSVField.encode(field))
    }

    @Test(
        "a decimal is written as PairExplanation.decimal writes it",
        arguments: [0.0, -0.0, 1, 0.999_999_5, 0.123_456_4, -12.345_6, -0.000_4, 1e14, -1e20, .infinity, 42.5])
    func decimal(_ value: Double) throws {
        for places in [0, 3, 6] {
            let expected = CSVField.encode(PairExplanation.decimal(value, places))
            #expect(try Self.written { $0.appendDecimalField(value, places: places) } == expected)
        }
    }

    @Test("integers and ids are written in full, padded where asked")
    func integers() throws {
        let text = try Self.written { file in
            file.append(integer: 0)
            file.append(byte: UInt8(ascii: ","))
            file.append(integer: 1_234_567, width: 3)
            file.append(byte: UInt8(ascii: ","))
            file.append(childID: ChildLinkID(42))
            file.append(byte: UInt8(ascii: ","))
            file.append(childID: ChildLinkID(12_345_678))
        }
        #expect(text == "0,1234567,\(ChildLinkID(42)),\(ChildLinkID(12_345_678))")
    }

    @Test("the file appears only when committed, with permissions 0600, and a large one is whole")
    func atomicAndPrivate() throws {
        let folder = try Self.folder()
        let path = folder + "/big.csv"
        var file = try PrivateOutputFile(path: path)
        for row in 0..<300_000 { file.append("row \(row)\n") }
        #expect(!FileManager.default.fileExists(atPath: path))
        try file.commit()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 300_000)
        #expect(lines.last == "row 299999")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["big.csv"])
    }

    @Test("a file never committed leaves nothing behind, and earlier output stays")
    func abandoned() throws {
        let folder = try Self.folder()
        let path = folder + "/links.csv"
        try "earlier".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            var file = try PrivateOutputFile(path: path)
            file.append("half a file")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["links.csv"])
    }
}

@Suite("Private output file: whole files, folders and failures")
struct PrivateOutputFileWholeTests {
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require((attributes[.posixPermissions] as? NSNumber)?.intValue)
    }

    @Test("a whole file replaces the earlier one atomically, 0600, with no temporary file left")
    func wholeFile() throws {
        let folder = try PrivateOutputFileTests.folder()
        let path = folder + "/weekly.html"
        try "earlier".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        try PrivateOutputFile.write("new text", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new text")
        #expect(try Self.mode(path) == 0o600)
        try PrivateOutputFile.write(Data([0, 1, 2]), to: folder + "/bytes.bin")
        #expect(FileManager.default.contents(atPath: folder + "/bytes.bin") == Data([0, 1, 2]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["bytes.bin", "weekly.html"])
    }

    @Test("the temporary file is NAME.tmp-PID beside the target, and the sweep recognises it")
    func temporaryName() {
        let name = TemporaryFileName.path(for: "out/links.csv", writer: 4242)
        #expect(name == "out/links.csv.tmp-4242")
        #expect(TemporaryFileName.writerPID(of: "links.csv.tmp-4242") == 4242)
    }

    @Test("a folder that cannot hold the temporary file: cannotCreateFile naming the target, nothing written")
    func missingFolder() throws {
        let folder = try PrivateOutputFileTests.folder()
        let path = folder + "/absent/links.csv"
        let error = try #require(throws: FileWriteError.self) { try PrivateOutputFile.write("x", to: path) }
        #expect(error.code == .cannotCreateFile)
        #expect(error.path == path)
        #expect(error.description.hasPrefix("\(path): cannot write"))
        #expect(error.description.contains("No such file or directory"))
        #expect((error.cause as? POSIXError)?.code == .ENOENT)
    }

    @Test("a rename onto a folder fails with cannotRename; the folder and the directory stay as they were")
    func renameFails() throws {
        let folder = try PrivateOutputFileTests.folder()
        let path = folder + "/taken"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        let error = try #require(throws: FileWriteError.self) { try PrivateOutputFile.write("x", to: path) }
        #expect(error.code == .cannotRename)
        #expect(error.description.hasSuffix("(any earlier file there is unchanged)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["taken"])
    }

    @Test("folders are created with their parents, readable by their owner only")
    func privateFolder() throws {
        let folder = try PrivateOutputFileTests.folder()
        try PrivateFolder.create(atPath: folder + "/a/b")
        #expect(try Self.mode(folder + "/a/b") == 0o700)
        #expect(try Self.mode(folder + "/a") == 0o700)
        try PrivateFolder.create(atPath: folder + "/a/b")  // an existing folder is fine
        try "file".write(toFile: folder + "/file", atomically: false, encoding: .utf8)
        let error = try #require(throws: FileWriteError.self) { try PrivateFolder.create(atPath: folder + "/file") }
        #expect(error.code == .cannotCreateFolder)
        #expect(error.description.hasPrefix("\(folder)/file: cannot create the folder"))
    }

    @Test(
        "the folder a path is in, without Foundation's path functions",
        arguments: [
            ("a", String?.none), ("a/b", "a"), ("a/b/", "a"), ("/a", "/"), ("/", nil), ("./s", "."), ("x/y/z", "x/y"),
        ])
    func parentFolder(path: String, parent: String?) {
        #expect(PrivateFolder.parent(of: path) == parent)
    }
}
