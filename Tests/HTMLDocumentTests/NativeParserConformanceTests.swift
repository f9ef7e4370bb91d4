import Foundation
import GumboHTML
import HTMLDocument
import NativeHTML
import Testing

/// The native parser against html5lib's expectations: whatever it does not decline must be
/// exactly right, since nothing else checks it; with gumbo behind it the pair must pass at
/// least as many tests as gumbo alone.
@Suite struct NativeParserConformanceTests {
    static func documentTests() throws -> [(file: String, test: TreeConstructionTest)] {
        let files = try FileManager.default.contentsOfDirectory(at: Html5libConformanceTests.directory,
                                                                includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "dat" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var tests: [(String, TreeConstructionTest)] = []
        for file in files {
            // Scripting-on tests expect noscript as raw text; Penny parses with scripting off.
            for test in try readTreeConstructionTests(file) where !test.isFragment && !test.isScriptOn {
                tests.append((file.lastPathComponent, test))
            }
        }
        return tests
    }

    @Test func everyDocumentTheNativeParserTakesIsBuiltExactlyAsHtml5libExpects() throws {
        let tests = try Self.documentTests()
        try #require(tests.count > 1_000)
        var taken = 0
        var wrong: [String] = []
        for (file, test) in tests {
            guard let document = test.data.withUnsafeBytes({ NativeHTMLParser.parseWithoutFallback(utf8: $0) }) else {
                continue
            }
            taken += 1
            let actual = treeDump(document)
            let expected = test.document.joined(separator: "\n")
            if !actual.utf8.elementsEqual(expected.utf8) {
                wrong.append("\(file): \(String(decoding: test.data, as: UTF8.self).debugDescription)\n"
                    + "expected:\n\(expected)\nactual:\n\(actual)")
            }
        }
        print("html5lib, native parser alone: took \(taken) of \(tests.count) documents, \(wrong.count) built wrong")
        // The suite is mostly the corners of the standard; real pages are another matter (below).
        #expect(taken >= 650, "the native parser declines more of the suite than it used to")
        #expect(wrong.isEmpty, "\(wrong.count) wrong, the first:\n\(wrong.prefix(3).joined(separator: "\n\n"))")
    }

    @Test func withGumboBehindItPassesAtLeastAsManyAsGumboAlone() throws {
        let tests = try Self.documentTests()
        let native = NativeHTMLParser(fallback: GumboParser())
        let gumbo = GumboParser()
        var nativePassed = 0
        var gumboPassed = 0
        for (_, test) in tests {
            let expected = test.document.joined(separator: "\n")
            if treeDump(native.parse(test.data)).utf8.elementsEqual(expected.utf8) { nativePassed += 1 }
            if treeDump(gumbo.parse(test.data)).utf8.elementsEqual(expected.utf8) { gumboPassed += 1 }
        }
        print("html5lib (scripting off): native with gumbo behind it \(nativePassed)/\(tests.count), gumbo alone \(gumboPassed)")
        #expect(nativePassed >= gumboPassed)
    }
}

/// Real pages: the native parser takes them and builds what gumbo builds.
@Suite struct NativeParserRealPageTests {
    static let shared = Html5libConformanceTests.directory
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func page(_ relativePath: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: shared.appendingPathComponent(relativePath)))
    }

    static func expectSameAsGumbo(_ bytes: [UInt8], _ name: String) {
        let outcome = bytes.withUnsafeBytes { NativeHTMLParser.parseOrExplain(utf8: $0) }
        switch outcome {
        case .failure(let declined):
            Issue.record("the native parser declined \(name): \(declined)")
        case .success(let document):
            let native = treeDump(document)
            let gumbo = treeDump(GumboParser().parse(bytes))
            if native != gumbo {
                let nativeLines = native.split(separator: "\n", omittingEmptySubsequences: false)
                let gumboLines = gumbo.split(separator: "\n", omittingEmptySubsequences: false)
                let first = (0..<min(nativeLines.count, gumboLines.count)).first { nativeLines[$0] != gumboLines[$0] }
                    ?? min(nativeLines.count, gumboLines.count)
                Issue.record("""
                    \(name): the native tree differs from gumbo's at dump line \(first):
                    native: \(first < nativeLines.count ? String(nativeLines[first]) : "<end>")
                    gumbo:  \(first < gumboLines.count ? String(gumboLines[first]) : "<end>")
                    """)
            }
        }
    }

    @Test func theWHATWGSpecificationPage() throws {
        Self.expectSameAsGumbo(try Self.page("testdata/pages/whatwg-html5-spec-2012.html"), "the WHATWG page")
    }

    @Test func aGeneratedBenchmarkPage() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("penny-bench-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        let generator = Process()
        generator.executableURL = Self.shared.appendingPathComponent("bench/gen-bench-page")
        generator.arguments = ["300000", output.path]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        Self.expectSameAsGumbo(try [UInt8](Data(contentsOf: output)), "a generated 300 KB page")
    }

    @Test func everyGoldenLayoutPageIsBuiltAsGumboBuildsIt() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("PageLayoutTests/Golden")
        let pages = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "html" }
        try #require(pages.count >= 40)
        var declined: [String] = []
        for page in pages {
            let bytes = try [UInt8](Data(contentsOf: page))
            if case .failure(let reason) = bytes.withUnsafeBytes({ NativeHTMLParser.parseOrExplain(utf8: $0) }) {
                declined.append("\(page.lastPathComponent): \(reason)")
                continue
            }
            Self.expectSameAsGumbo(bytes, page.lastPathComponent)
        }
        print("golden pages declined by the native parser: \(declined.count) of \(pages.count)\n  " + declined.joined(separator: "\n  "))
    }
}
