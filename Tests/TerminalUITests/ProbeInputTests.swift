import PseudoTerminal
import Testing

/// Keys, text, mouse and resizes sent through the pseudo-terminal, as the probe decodes them.
@Suite(.serialized)
struct ProbeInputTests {
    @Test func decodesKeys() throws {
        let session = try startProbe()
        let keys: [(KeyName, String)] = [
            (.up, "up"), (.down, "down"), (.left, "left"), (.right, "right"),
            (.home, "home"), (.end, "end"), (.pageUp, "pageUp"), (.pageDown, "pageDown"),
            (.insert, "insert"), (.delete, "delete"),
            (.tab, "tab"), (.backTab, "backTab"), (.enter, "enter"), (.backspace, "backspace"),
            (.escape, "escape"),
            (.function(1), "f1"), (.function(5), "f5"), (.function(12), "f12"),
            (.control("a"), "control(a)"), (.control("s"), "control(s)"), (.control("d"), "control(d)"),
            (.alt("x"), "alt(x)"), (.alt("é"), "alt(é)"),
        ]
        for (count, (key, expected)) in keys.enumerated() {
            session.press(key)
            #expect(try session.lastEvent(afterCount: count + 1) == "last: key: \(expected)", "pressing \(key)")
        }
    }

    @Test func decodesBackspaceAsEightToo() throws {
        let session = try startProbe()
        session.send(bytes: [8])
        #expect(try session.lastEvent(afterCount: 1) == "last: key: backspace")
    }

    @Test func decodesUTF8Text() throws {
        let session = try startProbe()
        session.send(text: "héllo 日本!")
        try session.waitForFrame(count: 9)
        #expect(session.screenRows[5] == "text: héllo 日本!")
        #expect(session.cell(x: 7, y: 5).text == "é")
        #expect(session.cell(x: 12, y: 5).text == "日")
        #expect(session.cell(x: 14, y: 5).text == "本")
        #expect(session.cell(x: 16, y: 5).text == "!")
    }

    @Test func reportsAClickAtItsCell() throws {
        let session = try startProbe()
        #expect(session.reportsMouse)
        session.click(x: 5, y: 3)
        #expect(try session.lastEvent(afterCount: 1) == "last: mouse: press 5 3")
        session.click(x: 79, y: 23)
        #expect(try session.lastEvent(afterCount: 2) == "last: mouse: press 79 23")
        session.stop()
        // ncurses asked for SGR (1006) reports: 1-based coordinates, M for the press.
        let cast = try String(contentsOf: session.castFile, encoding: .utf8)
        #expect(cast.contains(#""i", "\u001b[<0;6;4M"#))
    }

    @Test func reportsTheWheel() throws {
        let session = try startProbe()
        session.scrollWheel(x: 10, y: 4, up: true)
        #expect(try session.lastEvent(afterCount: 1) == "last: mouse: wheelUp 10 4")
        session.scrollWheel(x: 2, y: 7, up: false)
        #expect(try session.lastEvent(afterCount: 2) == "last: mouse: wheelDown 2 7")
    }

    @Test func reportsAResizeWithTheNewSize() throws {
        let session = try startProbe()
        session.resize(width: 100, height: 30)
        #expect(try session.lastEvent(afterCount: 1) == "last: resize 100x30")
        #expect(session.screenRows[6] == "size: 100x30 colors: colors256")
        #expect(session.screenRows[29] == String(repeating: " ", count: 97) + "END")
        session.resize(width: 60, height: 20)
        #expect(try session.lastEvent(afterCount: 2) == "last: resize 60x20")
        #expect(session.screenRows[19] == String(repeating: " ", count: 57) + "END")
        #expect(session.screenRows[0] == "TerminalProbe")
    }
}
