import CNcursesw
import ScreenGrid
import Testing
@testable import TerminalUI

/// The adapter's pure parts: key codes, colours, colour pairs, cell text.
struct TerminalLogicTests {
    @Test func translatesCharacters() {
        #expect(KeyTranslation.key(forCharacter: 9) == .tab)
        #expect(KeyTranslation.key(forCharacter: 13) == .enter)
        #expect(KeyTranslation.key(forCharacter: 10) == .enter)
        #expect(KeyTranslation.key(forCharacter: 127) == .backspace)
        #expect(KeyTranslation.key(forCharacter: 8) == .backspace)
        #expect(KeyTranslation.key(forCharacter: 27) == .escape)
        #expect(KeyTranslation.key(forCharacter: 1) == .control("a"))
        #expect(KeyTranslation.key(forCharacter: 26) == .control("z"))
        #expect(KeyTranslation.key(forCharacter: 28) == .control("\\"))
        #expect(KeyTranslation.key(forCharacter: 0) == nil)
        #expect(KeyTranslation.key(forCharacter: 0x9B) == nil)
        #expect(KeyTranslation.key(forCharacter: 0x65E5) == .character("日"))
        #expect(KeyTranslation.alt(.character("x")) == .alt("x"))
        #expect(KeyTranslation.alt(.up) == nil)
    }

    @Test func translatesKeyCodes() {
        #expect(KeyTranslation.key(forKeyCode: KEY_UP) == .up)
        #expect(KeyTranslation.key(forKeyCode: KEY_BTAB) == .backTab)
        #expect(KeyTranslation.key(forKeyCode: KEY_BACKSPACE) == .backspace)
        #expect(KeyTranslation.key(forKeyCode: KEY_DC) == .delete)
        #expect(KeyTranslation.key(forKeyCode: KEY_F0 + 1) == .function(1))
        #expect(KeyTranslation.key(forKeyCode: KEY_F0 + 12) == .function(12))
        #expect(KeyTranslation.key(forKeyCode: KEY_F0 + 13) == nil)
    }

    @Test func translatesMouseStates() {
        #expect(MouseTranslation.event(state: MouseTranslation.button1Pressed, x: 3, y: 4) == .press(x: 3, y: 4))
        #expect(MouseTranslation.event(state: MouseTranslation.button4Pressed, x: 0, y: 1) == .wheelUp(x: 0, y: 1))
        #expect(MouseTranslation.event(state: MouseTranslation.button5Pressed, x: 0, y: 1) == .wheelDown(x: 0, y: 1))
        #expect(MouseTranslation.event(state: 0o1, x: 0, y: 0) == nil)
    }

    @Test func approximatesPaletteColours() {
        #expect(ColorApproximation.color(for: 208, available: 256) == 208)
        #expect(ColorApproximation.color(for: 9, available: 8) == 1)
        #expect(ColorApproximation.color(for: 15, available: 8) == 7)
        #expect(ColorApproximation.color(for: 196, available: 8) == 1)
        #expect(ColorApproximation.color(for: 21, available: 8) == 4)
        #expect(ColorApproximation.color(for: 208, available: 8) == 3)
        #expect(ColorApproximation.color(for: 16, available: 8) == 0)
        #expect(ColorApproximation.color(for: 231, available: 8) == 7)
        #expect(ColorApproximation.color(for: 233, available: 8) == 0)
        #expect(ColorApproximation.color(for: 254, available: 16) == 7)
    }

    @Test func allocatesColourPairsUntilFull() {
        var table = ColorPairTable(capacity: 2)
        #expect(table.pair(for: .init(foreground: -1, background: -1))! == (0, false))
        #expect(table.pair(for: .init(foreground: 1, background: -1))! == (1, true))
        #expect(table.pair(for: .init(foreground: 1, background: -1))! == (1, false))
        #expect(table.pair(for: .init(foreground: 2, background: 4))! == (2, true))
        #expect(table.isFull)
        #expect(table.pair(for: .init(foreground: 3, background: 4)) == nil)
        table.removeAll()
        #expect(table.pair(for: .init(foreground: 3, background: 4))! == (1, true))
    }

    @Test func keepsControlCharactersOffTheTerminal() {
        // Widths as a UTF-8 C library gives them, whatever the test process's locale.
        let width: (wchar_t) -> Int = { $0 == 0x301 ? 0 : $0 >= 0x1100 && $0 != 0x241B ? 2 : 1 }
        let escape = CellText.characters(for: Cell(text: "\u{1B}", width: 1), width: width)
        #expect(escape.text == [0x241B, 0])
        let wide = CellText.characters(for: Cell(text: "日", width: 2), width: width)
        #expect(wide == .init(text: [0x65E5, 0], padRight: false))
        let combined = CellText.characters(for: Cell(text: "e\u{301}", width: 1), width: width)
        #expect(combined.text == [0x65, 0x301, 0])
        let blank = CellText.characters(for: Cell(text: "", width: 1), width: width)
        #expect(blank.text == [0x20, 0])
        // The C library calls it two cells wide where the grid gave one: a stand-in.
        let tooWide = CellText.characters(for: Cell(text: "日", width: 1), width: width)
        #expect(tooWide.text == [CellText.replacement, 0])
        // One cell wide where the grid gave two: drawn, with the other half blanked.
        let narrow = CellText.characters(for: Cell(text: "a", width: 2), width: width)
        #expect(narrow == .init(text: [0x61, 0], padRight: true))
        // Unknown to the C library: a stand-in that still covers both cells.
        let unknown = CellText.characters(for: Cell(text: "日", width: 2), width: { _ in -1 })
        #expect(unknown == .init(text: [CellText.replacement, 0], padRight: true))
    }

    @Test func explainsARefusal() {
        let error = TerminalUnavailable("TERM is \"dumb\"")
        #expect(error.description.hasPrefix("TERM is \"dumb\"; "))
        #expect(error.description.contains("--dump"))
    }
}
