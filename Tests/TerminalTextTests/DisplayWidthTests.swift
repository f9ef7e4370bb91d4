import Testing
import TerminalText

struct DisplayWidthTests {
    @Test func asciiTakesOneCellEach() {
        #expect(DisplayWidth.of("hello, world") == 12)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func cjkAndEmojiTakeTwoCells() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("中文字符") == 8)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("ＡＢ") == 4, "fullwidth forms")
    }

    @Test func combiningMarksAndFormatCharactersTakeNone() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{30A}\u{323}") == 1)
        #expect(DisplayWidth.of("\u{200B}") == 0, "zero-width space")
        #expect(DisplayWidth.of("\u{AD}") == 0, "soft hyphen")
        #expect(DisplayWidth.of("\u{1160}") == 0, "Hangul medial vowel")
    }

    @Test func controlsTakeNoCells() {
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("\u{9B}") == 0)
        #expect(DisplayWidth.of("\u{7F}") == 0)
    }

    @Test func everyScalarAgreesWithStringWidth() {
        for value in stride(from: 0x20, to: 0x2FFFF, by: 97) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(DisplayWidth.of(scalar) == DisplayWidth.of(String(scalar)))
            #expect((0...2).contains(DisplayWidth.of(scalar)))
        }
    }
}
