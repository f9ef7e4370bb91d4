// libFuzzer target: the page pipeline of `penny --dump` and the browser: bytes → charset
// decoding → gumbo → `PageLayout.render`, at a width taken from the input.
//
// Input: byte 0 picks the width (2 to 161, or 1000 for 0xFF), byte 1 the media type
// (mostly HTML; also Latin-1, windows-1252, Shift_JIS and UTF-16 pages, JSON and plain
// text), the rest is the body. Seeds: the golden pages of Tests/PageLayoutTests/Golden.
//
// Properties: no crash, hang or runaway memory; every line fits the width and has the
// width it claims; everything `--dump` prints (lines, title, link URLs) is terminal-safe.
import FuzzSupport
import HTTPModel
import PageLayout
import PageLoading
import TerminalText

let mediaTypes = [
    "text/html; charset=utf-8", "text/html", "text/html; charset=iso-8859-1", "text/html; charset=windows-1252",
    "text/html; charset=shift_jis", "text/html; charset=utf-16le", "application/json", "text/plain; charset=utf-8",
]

func check(_ bytes: [UInt8]) {
    guard bytes.count >= 2 else { return }
    let width = bytes[0] == 0xFF ? 1000 : 2 + Int(bytes[0]) % 160
    let selector = Int(bytes[1])
    let mediaType = selector < 128 ? mediaTypes[0] : mediaTypes[selector % mediaTypes.count]
    let response = HTTPResponse(requestedURL: "http://127.0.0.1:8080/dir/page.html",
                                headers: HTTPHeaders([("Content-Type", mediaType)]), body: Array(bytes[2...]))
    let options = LayoutOptions(width: width, numberLinks: selector & 1 == 0, maximumLines: 200_000)
    guard case .page(let page) = PageLoader().content(of: response, options: options) else { return }
    requireSafe(page.title, "the title")
    for (number, line) in page.lines.enumerated() {
        requireSafe(line.text, "line \(number)")
        // FUZZ_SKIP_KNOWN=1 leaves out the width checks while the known list-marker bug stands: a
        // marker wider than its list's marker column (`<ol><i><li>`, negative or explicit values on
        // items that are not direct children) makes its line wider than counted (safety/README.md).
        guard !skipKnownFailures else { continue }
        let measured = DisplayWidth.of(line.text)
        require(measured == line.width, "line \(number) claims width \(line.width) but measures \(measured): \(line.text.debugDescription)")
        require(measured <= width,
                "line \(number) is \(measured) cells wide on a \(width)-cell page: \(line.text.debugDescription)")
    }
    for link in page.links { requireSafe(link.url, "link \(link.number)'s URL") }
    let dump = page.dumpText(references: true)
    for scalar in dump.unicodeScalars where scalar != "\n" {
        require(TerminalSafe.isSafe(scalar), "the dump holds U+\(String(scalar.value, radix: 16))")
    }
}

// MARK: - Entry points

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    check(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

/// With -DFUZZING, libFuzzer's driver; without, a replay of the files and folders given.
@main
enum Main {
    static func main() {
        fuzzMain({ data, count in
            fuzz(UnsafeRawPointer(data ?? UnsafePointer(bitPattern: 1)!), count)
        }, check: check)
    }
}
