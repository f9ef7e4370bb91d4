// libFuzzer target: the theme reader, `Theme(toml:name:file:)`, on TOML text from the input
// (TOMLKit's parser, then Penny's reading of roles, colours and attributes).
// Seeds: the shipped Themes/*.toml.
//
// Properties: no crash, hang or runaway memory; a refused theme says why, on a line of the
// file when it names one.
import FuzzSupport
import Themes

func check(_ bytes: [UInt8]) {
    if skipKnownFailures && hitsKnownTOMLAssertion(bytes) { return }
    let source = String(decoding: bytes, as: UTF8.self)
    do {
        _ = try Theme(toml: source, name: "fuzz", file: "fuzz.toml")
        if fuzzVerbose { printError("a theme") }
    } catch {
        if fuzzVerbose { printError("refused: \(error)") }
        require(!error.message.isEmpty, "a theme error without a message")
        if let line = error.line {
            // Lines as TOML counts them: LF-terminated (a CRLF is one Character in Swift).
            let lineCount = bytes.filter { $0 == 0x0A }.count + 1
            require(line >= 1 && line <= lineCount, "error on line \(line) of a \(lineCount)-line file: \(error)")
        }
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
