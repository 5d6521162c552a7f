import Testing

@testable import ChildLinkImport

/// Import's one error type: a code to branch on, the analyst's message, the cause underneath.
@Suite("Import error")
struct ImportErrorTests {
    @Test("A code, the message as before, the place; equal whatever the cause")
    func shape() {
        let error = ImportError.unterminatedQuote(path: "a.csv", line: 3)
        #expect(error.code == .unterminatedQuote)
        #expect(error.code.description == "unterminatedQuote")
        #expect(
            error.errorDescription
                == "a.csv:3: a quoted field opened on this line is never closed (check for a stray \" character)")
        #expect(error.description == error.message)
        #expect((error.path, error.line) == ("a.csv", 3))
        #expect(error.cause == nil)
        struct Underlying: Error {}
        #expect(ImportError.unreadableFile(path: "a.csv", cause: Underlying()) == .unreadableFile(path: "a.csv"))
    }

    @Test("A profile that does not decode keeps the decoding error as the cause, not in the message")
    func profileCause() throws {
        do {
            _ = try MappingProfile(yaml: "fields: [1, 2", path: "p.yaml")
            Issue.record("expected an invalid profile")
        } catch let error as ImportError {
            #expect(error.code == .invalidProfile)
            #expect(error.message.hasPrefix("p.yaml: invalid mapping profile: "))
            #expect(error.cause != nil)
        }
    }
}
