import Foundation
import HTTPModel
import PageLayout
import PageLoading
import Testing

/// Layout golden tests: every `Golden/NAME.html` dumped at width 80 must equal
/// `Golden/NAME.expected`. Re-record with `PENNY_RECORD_GOLDEN=1 swift test`, then
/// review the diff: recording never happens silently.
struct GoldenLayoutTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func thereAreAtLeastFortyGoldenPairs() {
        #expect(GoldenLayoutTests.names.count >= 40)
    }

    @Test(arguments: GoldenLayoutTests.names)
    func golden(_ name: String) throws {
        let html = try Data(contentsOf: GoldenLayoutTests.folder.appendingPathComponent(name + ".html"))
        let actual = GoldenLayoutTests.dump(Array(html))
        let expectedURL = GoldenLayoutTests.folder.appendingPathComponent(name + ".expected")
        if ProcessInfo.processInfo.environment["PENNY_RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: expectedURL)
            Issue.record("recorded \(name).expected; review it and run again without PENNY_RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): layout differs from \(name).expected\n\(GoldenLayoutTests.diff(expected, actual))")
    }

    /// The page as `penny --dump --width 80` prints it.
    static func dump(_ html: [UInt8]) -> String {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/html; charset=utf-8")
        let response = HTTPResponse(requestedURL: "https://example.test/dir/page.html",
                                    finalURL: "https://example.test/dir/page.html", status: 200, reason: "OK",
                                    httpVersion: "HTTP/1.1", headers: headers, body: html)
        guard case .page(let page) = PageLoader().content(of: response, options: LayoutOptions(width: 80, numberLinks: true)) else {
            return "<not a page>"
        }
        return page.dumpText()
    }

    /// The first lines where two texts differ, for a readable failure.
    static func diff(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(left.count, right.count) where report.count < 12 {
            let a = index < left.count ? String(left[index]) : "<none>"
            let b = index < right.count ? String(right[index]) : "<none>"
            if a != b {
                report.append("line \(index + 1):\n  expected: \(a)\n  actual:   \(b)")
            }
        }
        return report.joined(separator: "\n")
    }
}
