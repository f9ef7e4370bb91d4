import Foundation
import Testing

/// `penny --dump …` is read by a small fast path before swift-argument-parser; whatever the
/// command line, the result must be exactly what the full parser gives (`penny browse …`
/// always takes the full parser).
@Suite struct QuickDumpTests {
    static let page: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("penny-quick-\(UUID().uuidString).html").path
        let html = "<title>Quick</title><h1>Quick</h1><p>Words <a href=https://example.test/a>a link</a> and more words "
            + String(repeating: "filler ", count: 40) + "</p>"
        FileManager.default.createFile(atPath: path, contents: Data(html.utf8))
        return path
    }()

    static let commandLines: [[String]] = [
        ["--dump", page],
        [page, "--dump"],
        ["--dump", "--width", "40", page],
        ["--dump", "--width=33", "--no-references", page],
        ["--no-references", "--dump", page, "--width", "1000"],
        ["--dump", "--width", "1", page],
        ["--dump", "--width", "1001", page],
        ["--dump", "--width", "abc", page],
        ["--dump", "--width"],
        ["--dump"],
        ["--dump", page, page],
        ["--dump", "--no-references", "--no-references", page],
        ["--dump", "/no/such/file.html"],
        ["--dump", "--bogus", page],
        ["--dump", "--pay", "auto", "--max", "1", "--timeout", "5", page],
        ["--dump", "--pay=ask", "--max=0.05", "--timeout=2.5", page],
        ["--dump", "--pay", "never", page],
        ["--dump", "--max", "1", page],
        ["--dump", "--pay", "auto", page],
        ["--dump", "--pay", "sometimes", "--max", "1", page],
        ["--dump", "--pay", "auto", "--max", page],
        ["--dump", "--pay", "auto", "--max", "-1", page],
        ["--dump", "--pay", "auto", "--pay", "never", "--max", "1", page],
        ["--dump", "--timeout", "0", page],
        ["--dump", "--timeout", "abc", page],
        ["--dump", "--timeout", "nan", page],
        ["--dump", "--timeout", page],
        ["--dump", "--timeout=", page],
        ["--dump", "--paying", "auto", page],
        ["--dump=1", page],
        ["--dump", "--width", "40", "--width", "50", page],
        ["--dump", "--width=", page],
    ]

    @Test(arguments: commandLines)
    func theFastPathPrintsWhatTheFullParserPrints(_ arguments: [String]) throws {
        let quick = try PennyProcess.run(arguments)
        let full = try PennyProcess.run(["browse"] + arguments)
        #expect(quick.status == full.status, "\(arguments)")
        #expect(quick.standardOutput == full.standardOutput, "\(arguments)")
        #expect(quick.standardError == full.standardError, "\(arguments)")
    }

    @Test func theFastPathReallyDumps() throws {
        let outcome = try PennyProcess.run(["--dump", "--width", "40", Self.page])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("[1]a link"))
        #expect(outcome.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 40 })
    }
}
