import Testing
import TerminalText

struct TerminalSafeTests {
    @Test func escapeSequencesBecomeVisibleSymbols() {
        let clean = TerminalSafe.sanitize("a\u{1B}[2Jb\u{1B}]0;title\u{07}c")
        #expect(clean == "a␛[2Jb␛]0;title␇c")
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }

    @Test func c1ControlsAndDeleteAreReplaced() {
        #expect(TerminalSafe.sanitize("x\u{9B}31m") == "x\u{FFFD}31m")
        #expect(TerminalSafe.sanitize("\u{7F}") == "␡")
        #expect(TerminalSafe.sanitize("\u{00}") == "␀")
    }

    @Test func bidiOverridesAreDropped() {
        #expect(TerminalSafe.sanitize("a\u{202E}txet\u{202C}b") == "atxetb")
        #expect(TerminalSafe.sanitize("\u{2066}x\u{2069}") == "x")
    }

    @Test func lineBreaksAndTabsBecomeSpaces() {
        #expect(TerminalSafe.sanitize("a\nb\tc\r\nd") == "a b c  d")
    }

    @Test func safeTextIsUnchanged() {
        let text = "Paid 0.01 USDC to café 日本 😀 e\u{301}"
        #expect(TerminalSafe.sanitize(text) == text)
    }

    @Test func everyControlIsCaught() {
        for value in UInt32(0)..<0xA0 where value < 0x20 || value >= 0x7F {
            let scalar = Unicode.Scalar(value)!
            #expect(!TerminalSafe.isSafe(scalar))
            let clean = TerminalSafe.sanitize(String(scalar))
            #expect(clean.unicodeScalars.allSatisfy { TerminalSafe.isSafe($0) })
        }
    }
}
