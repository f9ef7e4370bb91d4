import ScreenGrid
import TerminalUI

/// What the probe shows: fixed styled rows to read back, and the input it last received.
struct ProbeState {
    var size: (width: Int, height: Int)
    var colorSupport: ColorSupport
    var lastEvent = "none"
    var typed = ""
    var eventCount = 0
    var showsCursor = false
    /// Paint a 16x16 block of every foreground on every background of the first 16 colours.
    var showsPalette = false

    /// Records an event; returns false when the probe should quit.
    mutating func handle(_ event: InputEvent) -> Bool {
        eventCount += 1
        lastEvent = EventDescription.of(event)
        switch event {
        case .key(.character("q")), .endOfInput:
            return false
        case .key(.character(let character)):
            typed.append(character)
        case .key(.function(2)):
            showsCursor.toggle()
        case .resize(let width, let height):
            size = (width, height)
        default:
            break
        }
        return true
    }

    /// The frame: row 0 bold title, row 1 attributes and colours, rows 2–3 wide characters,
    /// then the input seen so far; "END" in the bottom-right corner.
    func grid() -> Grid {
        var grid = Grid(width: size.width, height: size.height)
        grid.put("TerminalProbe", x: 0, y: 0, style: Style(attributes: .bold))
        grid.put("reverse", x: 0, y: 1, style: Style(attributes: .reverse))
        grid.put("red", x: 8, y: 1, style: Style(foreground: .red))
        grid.put("blue", x: 12, y: 1, style: Style(background: .blue))
        grid.put("orange", x: 17, y: 1, style: Style(foreground: .indexed(208)))
        grid.put("underline", x: 24, y: 1, style: Style(attributes: .underline))
        grid.put("italic", x: 34, y: 1, style: Style(attributes: .italic))
        grid.put("wide:日本語|", x: 0, y: 2)
        grid.put("emoji:😀|", x: 0, y: 3)
        grid.put("last: \(lastEvent)", x: 0, y: 4)
        let end = grid.put("text: \(typed)", x: 0, y: 5)
        grid.put("size: \(size.width)x\(size.height) colors: \(colorSupport)", x: 0, y: 6)
        grid.put("count: \(eventCount)", x: 0, y: 7)
        if showsPalette {
            // Column 40 + foreground, row 8 + background.
            for background in 0..<16 {
                for foreground in 0..<16 {
                    grid.put("x", x: 40 + foreground, y: 8 + background,
                             style: Style(foreground: .indexed(UInt8(foreground)), background: .indexed(UInt8(background))))
                }
            }
        }
        grid.put("END", x: size.width - 3, y: size.height - 1)
        if showsCursor {
            grid.cursor = (min(end, size.width - 1), 5)
        }
        return grid
    }
}
