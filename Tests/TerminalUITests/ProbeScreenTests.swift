import PseudoTerminal
import Testing

/// The probe's frame as libvterm reads it back: text, wide characters, attributes, colours.
@Suite(.serialized)
struct ProbeScreenTests {
    @Test func paintsTextOnTheAlternateScreenWithTheCursorHidden() throws {
        let session = try startProbe()
        let rows = session.screenRows
        #expect(rows[0] == "TerminalProbe")
        #expect(rows[1] == "reverse red blue orange underline italic")
        #expect(rows[6] == "size: 80x24 colors: colors256")
        #expect(rows[23] == String(repeating: " ", count: 77) + "END")
        #expect(session.isAlternateScreen)
        #expect(!session.cursor.isVisible)
    }

    @Test func placesWideCharactersInTwoCells() throws {
        let session = try startProbe()
        #expect(session.screenRows[2] == "wide:日本語|")
        for (x, text) in [(5, "日"), (7, "本"), (9, "語")] {
            #expect(session.cell(x: x, y: 2).text == text)
            #expect(session.cell(x: x, y: 2).width == 2)
        }
        #expect(session.cell(x: 11, y: 2).text == "|")
        #expect(session.cell(x: 6, y: 3).text == "😀")
        #expect(session.cell(x: 6, y: 3).width == 2)
        #expect(session.cell(x: 8, y: 3).text == "|")
    }

    @Test func drawsAttributesAndColours() throws {
        let session = try startProbe()
        #expect(session.cell(x: 0, y: 0).isBold)
        #expect(!session.cell(x: 0, y: 1).isBold)
        #expect(session.cell(x: 0, y: 1).isReversed)
        #expect(!session.cell(x: 7, y: 1).isReversed)
        #expect(session.cell(x: 8, y: 1).foreground == .indexed(1))
        #expect(session.cell(x: 8, y: 1).background == .default)
        #expect(session.cell(x: 12, y: 1).background == .indexed(4))
        #expect(session.cell(x: 12, y: 1).foreground == .default)
        #expect(session.cell(x: 17, y: 1).foreground == .indexed(208))
        #expect(session.cell(x: 24, y: 1).isUnderlined)
        #expect(session.cell(x: 34, y: 1).isItalic)
        #expect(session.cell(x: 0, y: 2).foreground == .default)
    }

    @Test func approximatesColoursOnAnEightColourTerminal() throws {
        let session = try startProbe(environment: ["TERM": "xterm"])
        #expect(session.screenRows[6] == "size: 80x24 colors: colors8")
        #expect(session.cell(x: 8, y: 1).foreground == .indexed(1))
        // 208 (orange: full red, some green) becomes yellow.
        #expect(session.cell(x: 17, y: 1).foreground == .indexed(3))
    }

    @Test func allocatesAColourPairForEveryCombination() throws {
        let session = try startProbe(["--palette"])
        for background in 0..<16 {
            for foreground in 0..<16 {
                let cell = session.cell(x: 40 + foreground, y: 8 + background)
                #expect(cell.foreground == .indexed(UInt8(foreground)) && cell.background == .indexed(UInt8(background)),
                        "cell for \(foreground) on \(background)")
            }
        }
    }

    @Test func reusesColourPairsWhenTheyRunOut() throws {
        // xterm has 8 colours and 63 pairs besides the default. The probe's text takes 3 (red,
        // blue background, orange as yellow); of the 64 palette combinations, painted row by
        // row, the last 4 (foregrounds 4 to 7 on background 7) find no pair left.
        let session = try startProbe(["--palette"], environment: ["TERM": "xterm"])
        for frame in 0..<2 {
            if frame == 1 {
                // The next frame starts the table afresh and repaints everything.
                session.send(text: "z")
                _ = try session.lastEvent(afterCount: 1)
            }
            for background in 0..<16 {
                for foreground in 0..<16 {
                    let cell = session.cell(x: 40 + foreground, y: 8 + background)
                    if foreground % 8 >= 4 && background % 8 == 7 {
                        // Combinations that did not fit fall back to the default colours.
                        #expect(cell.foreground == .default && cell.background == .default)
                    } else {
                        #expect(cell.foreground == .indexed(UInt8(foreground % 8)) && cell.background == .indexed(UInt8(background % 8)),
                                "frame \(frame): cell for \(foreground) on \(background)")
                    }
                }
            }
        }
    }

    @Test func drawsNoColourUnderNoColor() throws {
        let session = try startProbe(environment: ["NO_COLOR": "1"])
        #expect(session.screenRows[6] == "size: 80x24 colors: none")
        #expect(session.cell(x: 8, y: 1).foreground == .default)
        #expect(session.cell(x: 12, y: 1).background == .default)
        #expect(session.cell(x: 0, y: 0).isBold)
    }

    @Test func showsTheCursorWhereTheGridAsks() throws {
        let session = try startProbe()
        session.send(text: "ab")
        session.press(.function(2))
        try session.waitUntil("the cursor after the typed text") { $0.cursor == CursorState(x: 8, y: 5, isVisible: true) }
        session.press(.function(2))
        try session.waitUntil("a hidden cursor") { !$0.cursor.isVisible }
    }

    @Test func repaintsOnlyWhatChanged() throws {
        let session = try startProbe()
        session.send(text: "x")
        _ = try session.lastEvent(afterCount: 1)
        let before = try String(contentsOf: session.castFile, encoding: .utf8)
        session.send(text: "y")
        _ = try session.lastEvent(afterCount: 2)
        session.stop()
        let after = try String(contentsOf: session.castFile, encoding: .utf8)
        let frame = after.dropFirst(before.count)
        // The second keystroke rewrites a few changed cells, not the whole frame.
        #expect(frame.contains(#""o", "#))
        #expect(!frame.contains("TerminalProbe"))
        #expect(frame.utf8.count < 200)
    }
}
