import Foundation
import GumboHTML
import HTMLDocument
import NativeHTML
import Testing

/// Runs html5lib's tree-construction tests through the parser Penny uses: the native parser
/// with gumbo behind it.
@Suite struct Html5libConformanceTests {
    /// The shared html5lib checkout: `../shared` next to the package root.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HTMLDocumentTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/testdata/html5lib-tests/tree-construction")
        .standardizedFileURL

    /// Every document test; fragment tests are skipped, as Penny parses whole documents only.
    /// `#script-on` tests count like the others and fail: Penny always parses as scripting-off.
    @Test func documentTestsPassAboveNinetyFivePercent() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "dat" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        try #require(!files.isEmpty, "no .dat files in \(Self.directory.path)")

        let parser = NativeHTMLParser(fallback: GumboParser())
        var run = 0
        var passed = 0
        var failures: [String] = []
        for file in files {
            for test in try readTreeConstructionTests(file) where !test.isFragment {
                run += 1
                let actual = treeDump(parser.parse(test.data))
                let expected = test.document.joined(separator: "\n")
                // Byte comparison: String equality would treat canonically equivalent text as equal.
                if actual.utf8.elementsEqual(expected.utf8) {
                    passed += 1
                } else if failures.count < 5 {
                    failures.append("\(file.lastPathComponent): \(String(decoding: test.data, as: UTF8.self))")
                }
            }
        }
        print("html5lib: \(passed)/\(run) passed")
        #expect(run > 1_000, "fewer html5lib tests than expected: \(run)")
        #expect(passed * 100 >= run * 95, "first failures:\n\(failures.joined(separator: "\n"))")
    }
}
