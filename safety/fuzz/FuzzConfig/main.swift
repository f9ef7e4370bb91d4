// libFuzzer target: the config reader, `ConfigLoader.parse`, on TOML text from the input
// (TOMLKit's parser, then Penny's reading of the home page, theme, timeouts and keys).
// Seeds: a full config.toml and small variations (safety/corpus/FuzzConfig).
//
// Properties: no crash, hang or runaway memory; every warning names a line of the file or
// none; the timeouts that come out are positive and at most a day.
import BrowserConfig
import FuzzSupport

func check(_ bytes: [UInt8]) {
    if skipKnownFailures && hitsKnownTOMLAssertion(bytes) { return }
    let source = String(decoding: bytes, as: UTF8.self)
    let (config, warnings) = ConfigLoader.parse(source, file: "config.toml")
    if fuzzVerbose { printError("warnings: \(warnings.map(\.description)); theme \(config.theme)") }
    // Lines as TOML counts them: LF-terminated (a CRLF is one Character in Swift).
    let lineCount = bytes.filter { $0 == 0x0A }.count + 1
    for warning in warnings {
        require(!warning.message.isEmpty, "a warning without a message")
        if let line = warning.line {
            require(line >= 1 && line <= lineCount, "a warning on line \(line) of a \(lineCount)-line file: \(warning)")
        }
    }
    for timeout in [config.timeouts.connect, config.timeouts.page] {
        require(timeout > .zero && timeout <= .seconds(86_400), "a timeout of \(timeout)")
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
