import Testing

/// The byte checker itself: it must see every sequence the injection tests look for, and let
/// curses' own output through.
@Suite("The terminal byte checker")
struct TerminalBytesTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { name }
        init(_ name: String, _ text: String) {
            self.name = name
            bytes = Array(text.utf8)
        }
        init(_ name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    static let samples: [Sample] = [
        Sample("OSC 0 title", "a\u{1B}]0;t\u{07}"), Sample("OSC 8", "\u{1B}]8;;http://x\u{1B}\\"),
        Sample("OSC 52", "\u{1B}]52;c;AA==\u{07}"), Sample("DCS", "\u{1B}P+q\u{1B}\\"),
        Sample("APC", "\u{1B}_x\u{1B}\\"), Sample("PM", "\u{1B}^x"), Sample("SOS", "\u{1B}Xx"),
        Sample("raw 0x9B", bytes: [0x61, 0x9B, 0x32, 0x4A]), Sample("U+009B", "a\u{9B}2J"), Sample("U+009D", "\u{9D}0;t\u{9C}"),
        Sample("RLO", "a\u{202E}b"), Sample("LRI", "\u{2066}"), Sample("RLM", "\u{200F}"),
    ]

    @Test(arguments: samples)
    func unsafeSequencesAreFound(_ sample: Sample) {
        #expect(!TerminalBytes.screenViolations(sample.bytes).isEmpty, "\(sample.name) on a screen")
        #expect(!TerminalBytes.dumpViolations(sample.bytes).isEmpty, "\(sample.name) in a dump")
    }

    @Test func cursesOutputAndVisibleSymbolsPass() {
        let esc = "\u{1B}"
        let curses = esc + "[?1049h" + esc + "[1;1H" + esc + "(B" + esc + "[0;1m" + esc + "[32m"
        let visible = "Paid ␛]0; � › é 日本"
        let more = esc + "[39m" + esc + "[K\r\n" + esc + "=" + esc + ">" + esc + "7" + esc + "8" + esc + "M"
        let screen = Array((curses + visible + more).utf8)
        #expect(TerminalBytes.screenViolations(screen).isEmpty, "\(TerminalBytes.screenViolations(screen))")
        #expect(TerminalBytes.dumpViolations(Array("Paid ␛]0; › é\n".utf8)).isEmpty)
        #expect(!TerminalBytes.dumpViolations(Array("\u{1B}[31m".utf8)).isEmpty, "a dump carries no CSI either")
    }
}
