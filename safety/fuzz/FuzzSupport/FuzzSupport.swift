// What every fuzz target shares: the properties' checks, and the corpus replay that a plain
// build (without -DFUZZING and libFuzzer) runs instead of fuzzing.
import FoundationEssentials
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

/// Stops the run (a libFuzzer "crash", with the input saved) when a property fails.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("property violated: " + message()) }
}

/// Stops the run when `text` holds a code point that must never reach a terminal.
public func requireSafe(_ text: String?, _ field: @autoclosure () -> String) {
    guard let text else { return }
    for scalar in text.unicodeScalars where !TerminalSafe.isSafe(scalar) {
        fatalError("\(field()) holds U+\(String(scalar.value, radix: 16, uppercase: true)), unsafe on a terminal: "
            + String(text.debugDescription.prefix(200)))
    }
}

/// Input bytes split into fields at a separator byte, for targets that need several strings.
public struct FuzzFields {
    private var parts: [ArraySlice<UInt8>]
    private var next = 0

    public init(_ bytes: [UInt8], separator: UInt8 = 0x00) {
        parts = bytes.split(separator: separator, omittingEmptySubsequences: false)
    }

    /// The next field as text (invalid UTF-8 becomes U+FFFD), or "" past the end.
    public mutating func text() -> String {
        defer { next += 1 }
        return next < parts.count ? String(decoding: parts[next], as: UTF8.self) : ""
    }

    /// The next field's bytes.
    public mutating func bytes() -> [UInt8] {
        defer { next += 1 }
        return next < parts.count ? Array(parts[next]) : []
    }
}

/// `Target FILE_OR_FOLDER...`: runs `check` on each file (each file of each folder), prints
/// how many ran. A crash names the file it was on.
public enum CorpusReplay {
    public static func run(_ check: ([UInt8]) -> Void) {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard !arguments.isEmpty else {
            printError("usage: \(CommandLine.arguments[0]) FILE_OR_FOLDER...\n"
                + "Built without -DFUZZING this replays inputs; safety/fuzz.sh builds the fuzzer.")
            exit(64)
        }
        var count = 0
        for argument in arguments {
            for file in files(at: argument) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    printError("cannot read \(file)")
                    exit(1)
                }
                printError("running \(file)")
                check(Array(data))
                count += 1
            }
        }
        print("\(count) inputs ran without a failure")
    }

    static func files(at path: String) -> [String] {
        var isFolder = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [path] }
        guard isFolder else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { path + "/" + $0 }
    }
}

/// A line on standard error.
public func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        offset += written
    }
}

/// The fuzzer's per-input callback, the signature of `LLVMFuzzerTestOneInput`.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

#if FUZZING
/// libFuzzer's driver (in libclang_rt.fuzzer, linked by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: FuzzCallback) -> CInt
#endif

/// What every target's `main` does. Built with -DFUZZING and -sanitize=fuzzer, it hands the
/// command line to libFuzzer, which calls `callback` (the target's `LLVMFuzzerTestOneInput`)
/// for each input. SwiftPM renames an executable's entry point and points `main` at it, so
/// libFuzzer's own `main` cannot be used: its driver is called from ours instead.
/// Built without -DFUZZING, it replays files and folders of inputs through `check`.
public func fuzzMain(_ callback: FuzzCallback, check: ([UInt8]) -> Void) -> Never {
    #if FUZZING
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    #else
    CorpusReplay.run(check)
    exit(0)
    #endif
}

/// `FUZZ_VERBOSE=1`: targets describe each input's outcome (for checking seeds).
public let fuzzVerbose = getenv("FUZZ_VERBOSE") != nil

/// `FUZZ_SKIP_KNOWN=1`: the TOML targets pass over inputs that hit the known toml++
/// assertion (see safety/README.md), so that a run can look for other failures until it is
/// fixed.
public let skipKnownFailures = getenv("FUZZ_SKIP_KNOWN") != nil

/// Whether `bytes` reach one of toml++ 3.4's known assertions (see below). Whether `bytes`
/// hold a line that opens a TOML table header (`[` or `[[`, after blanks)
/// whose next character, after blanks, cannot start a key: toml++ 3.4's `parse_key()`
/// asserts `is_bare_key_character(*cp) || is_string_delimiter(*cp)` on it and aborts the
/// process (`[é]`, `[!]`, `[ = 1`, `[[[a]]]`, a line holding only `[`). A key starts with
/// A-Z, a-z, 0-9, `_`, `-` or a quote; `]`, and `[` after a single `[`, take other paths.
public func hitsKnownTOMLAssertion(_ bytes: [UInt8]) -> Bool {
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
        var rest = line.drop { $0 == 0x20 || $0 == 0x09 }
        guard rest.first == UInt8(ascii: "[") else { continue }
        rest = rest.dropFirst()
        let arrayOfTables = rest.first == UInt8(ascii: "[")
        if arrayOfTables { rest = rest.dropFirst() }
        rest = rest.drop { $0 == 0x20 || $0 == 0x09 }
        guard let first = rest.first else {
            // The header's line ends: at the end of the file that is a clean error.
            if index < lines.count - 1 { return true }
            continue
        }
        var startsKey = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) || (first >= 0x30 && first <= 0x39)
            || [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]")].contains(first)
        if !arrayOfTables && first == UInt8(ascii: "[") { startsKey = true }
        if !startsKey { return true }
    }
    // `parse_value()` asserts `!is_value_terminator(*cp)` on a `}` where an array expects a
    // value: `s=[}`, `s=[1,}`. (Strings and comments are not told apart: a skip too many.)
    var expectingValue = false
    for byte in bytes {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: ","): expectingValue = true
        case 0x20, 0x09, 0x0A, 0x0D: continue
        case UInt8(ascii: "}"): if expectingValue { return true }
        default: expectingValue = false
        }
    }
    return false
}
