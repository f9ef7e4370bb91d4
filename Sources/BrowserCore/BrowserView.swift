import PageLayout
import ScreenGrid
import TerminalText
import Themes

/// Draws the browser state into a grid: a top bar, the page, and a status line.
public enum BrowserView {
    /// The screen for a state in a theme.
    public static func render(_ state: BrowserState, theme: Theme) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        grid.fill(grid.bounds, style: theme.text)
        guard state.width >= 20, state.height >= 3 else {
            grid.put("Penny needs 20x3 cells", x: 0, y: 0, style: theme.error)
            return grid
        }
        let (top, rest) = grid.bounds.splitTop(1)
        let (pageArea, statusArea) = rest.splitBottom(1)
        drawTopBar(&grid, state, theme, top)
        switch state.mode {
        case .overlay(let overlay):
            drawLines(&grid, overlay.lines, from: overlay.scroll, in: pageArea, theme: theme, state: state, decorate: false)
        default:
            drawPage(&grid, state, theme, pageArea)
        }
        if case .choosing(let choice) = state.mode {
            drawChoice(&grid, state, theme, choice, pageArea)
        }
        if let session = state.payment, session.phase != .assessing {
            PaymentPromptView.draw(&grid, state, session, theme, pageArea)
        }
        drawStatusLine(&grid, state, theme, statusArea)
        return grid
    }

    private static func drawTopBar(_ grid: inout Grid, _ state: BrowserState, _ theme: Theme, _ area: Rect) {
        grid.fill(area, style: theme.topBar)
        guard let current = state.current else {
            grid.put(" Penny", x: 0, y: area.y, style: theme.topBar, clip: area)
            return
        }
        var text = " " + TerminalSafe.sanitize(current.title)
        if current.title != current.url {
            text += " — " + TerminalSafe.sanitize(current.url)
        }
        grid.put(text, x: 0, y: area.y, style: theme.topBar, clip: area)
    }

    private static func drawPage(_ grid: inout Grid, _ state: BrowserState, _ theme: Theme, _ area: Rect) {
        guard let current = state.current else {
            let message = state.loading == nil ? "Press o to open a URL, F1 for help." : "Loading…"
            grid.put(message, x: 1, y: area.y, style: theme.notice, clip: area)
            return
        }
        switch current.content {
        case .binary(let type, let size):
            let message = "Not shown: \(type), \(size) bytes."
            grid.put(TerminalSafe.sanitize(message), x: 1, y: area.y + 1, style: theme.notice, clip: area)
        case .page(let page):
            drawLines(&grid, page.lines, from: current.scroll, in: area, theme: theme, state: state, decorate: true)
        }
    }

    /// Draws styled lines from `first` down, with focus, visited links, search matches and hints.
    private static func drawLines(_ grid: inout Grid, _ lines: [StyledLine], from first: Int, in area: Rect,
                                  theme: Theme, state: BrowserState, decorate: Bool) {
        let current = decorate ? state.current : nil
        let page = current?.page
        let focused = current?.focus.flatMap { index -> Focusable? in
            let items = Browser.focusables(state)
            return items.indices.contains(index) ? items[index] : nil
        }
        for row in 0..<area.height {
            let index = first + row
            guard index >= 0, index < lines.count else { break }
            let line = lines[index]
            let y = area.y + row
            grid.put(line.text, x: area.x, y: y, style: theme.text, clip: area)
            for span in line.spans {
                var visited = false
                var isFocused = false
                if let page, span.attributes.link >= 0 {
                    visited = state.visited.contains(page.links[Int(span.attributes.link)].url)
                    isFocused = focused?.target == .link(Int(span.attributes.link))
                }
                if span.attributes.field >= 0 {
                    isFocused = focused?.target == .field(Int(span.attributes.field))
                }
                let style = theme.style(for: span.attributes, visited: visited, focused: isFocused)
                grid.restyle(Rect(x: area.x + Int(span.start), y: y, width: Int(span.end - span.start), height: 1)) { _ in style }
            }
        }
        guard decorate, let current else { return }
        if let page {
            drawEditedFields(&grid, current, page, area: area, theme: theme, focused: focused)
        }
        if let search = state.search {
            for (number, match) in search.matches.enumerated()
            where match.line >= current.scroll && match.line < current.scroll + area.height {
                let style = number == search.current ? theme.currentSearchMatch : theme.searchMatch
                let rect = Rect(x: area.x + match.start, y: area.y + match.line - current.scroll, width: match.end - match.start, height: 1)
                grid.restyle(rect.intersection(area)) { $0.merged(with: style) }
            }
        }
        if case .hints(let typed) = state.mode {
            for target in Browser.hintTargets(state) where target.label.hasPrefix(typed) {
                grid.put(target.label, x: area.x + target.position.start, y: area.y + target.position.line - current.scroll,
                         style: theme.hintLabel, clip: area)
            }
        }
    }

    private static func drawStatusLine(_ grid: inout Grid, _ state: BrowserState, _ theme: Theme, _ area: Rect) {
        grid.fill(area, style: theme.statusLine)
        let y = area.y
        switch state.mode {
        case .prompt(let prompt):
            let label = prompt.label
            let labelWidth = DisplayWidth.of(label)
            grid.put(label, x: 0, y: y, style: theme.statusLine, clip: area)
            let text = prompt.editor.text.map { $0 == "\n" ? "⏎" : $0 }
            let room = max(area.width - labelWidth - 1, 1)
            let beforeCursor = text[..<prompt.editor.cursor].reduce(0) { $0 + DisplayWidth.of(String($1)) }
            var start = 0
            var skipped = 0
            while beforeCursor - skipped >= room && start < text.count {
                skipped += DisplayWidth.of(String(text[start]))
                start += 1
            }
            grid.put(String(text[start...]), x: labelWidth, y: y, style: theme.statusLine, clip: area)
            grid.cursor = (x: min(labelWidth + beforeCursor - skipped, area.width - 1), y: y)
            return
        case .confirm(let confirmation):
            grid.put(confirmation.question, x: 0, y: y, style: theme.statusMessage, clip: area)
            return
        case .hints:
            grid.put("Type a link's label (Esc cancels)", x: 0, y: y, style: theme.statusMessage, clip: area)
            return
        case .choosing(let choice):
            let help = choice.multiple ? "Space picks, Enter closes, Esc cancels" : "Enter picks, Esc cancels"
            grid.put(help, x: 0, y: y, style: theme.statusMessage, clip: area)
            return
        case .overlay, .browsing:
            break
        }
        var right = ""
        if let current = state.current, let page = current.page, page.lines.count > state.pageHeight {
            let percent = min(100, (current.scroll + state.pageHeight) * 100 / max(page.lines.count, 1))
            right = " \(percent)%"
        }
        let rightWidth = DisplayWidth.of(right)
        let leftArea = Rect(x: area.x, y: y, width: area.width - rightWidth, height: 1)
        grid.put(right, x: area.maxX - rightWidth, y: y, style: theme.statusLine, clip: area)
        if let loading = state.loading {
            grid.put(progressText(loading, width: leftArea.width), x: 0, y: y, style: theme.statusLine, clip: leftArea)
        } else if let status = state.status {
            grid.put(status.text, x: 0, y: y, style: status.kind == .error ? theme.error : theme.statusMessage, clip: leftArea)
        } else if let text = focusDescription(state) {
            grid.put(text, x: 0, y: y, style: theme.statusLine, clip: leftArea)
        } else if let wallet = state.current?.page?.monetization.first {
            // Web Monetization: the page names a wallet to stream payments to (not paid by Penny yet).
            grid.put("◆ Web Monetization: " + wallet, x: 0, y: y, style: theme.statusLine, clip: leftArea)
        } else if state.current == nil || state.current?.url == "about:start" {
            grid.put("F1 help · o open a URL · q quit", x: 0, y: y, style: theme.statusLine, clip: leftArea)
        }
    }

    /// Fields whose value the user changed, drawn over what the layout put there.
    private static func drawEditedFields(_ grid: inout Grid, _ entry: HistoryEntry, _ page: RenderedPage, area: Rect,
                                         theme: Theme, focused: Focusable?) {
        for index in entry.formValues.keys {
            let field = page.fields[index]
            let value = entry.value(of: index)
            for (row, position) in field.positions.enumerated() {
                let y = area.y + position.line - entry.scroll
                guard y >= area.y, y < area.maxY else { continue }
                var attributes = TextAttributes(flags: .formField, field: Int32(index))
                attributes.field = Int32(index)
                let style = theme.style(for: attributes, visited: false, focused: focused?.target == .field(index))
                let text = FieldRendering.text(field, value, width: position.end - position.start, row: row)
                grid.put(text, x: area.x + position.start, y: y, style: style,
                         clip: Rect(x: area.x + position.start, y: y, width: position.end - position.start, height: 1))
            }
        }
    }

    /// The option list of a select, under the field (or above it near the bottom).
    private static func drawChoice(_ grid: inout Grid, _ state: BrowserState, _ theme: Theme,
                                   _ choice: BrowserState.Choice, _ area: Rect) {
        guard let entry = state.current, let page = entry.page else { return }
        let field = page.fields[choice.field]
        let labels = field.options.map { TerminalSafe.sanitize($0.label) }
        let width = min((labels.map { DisplayWidth.of($0) }.max() ?? 0) + 6, area.width)
        let height = min(labels.count + 2, area.height)
        let anchor = field.positions.first ?? LinePosition(line: entry.scroll, start: 0, end: 0)
        let fieldY = area.y + anchor.line - entry.scroll
        var top = fieldY + 1
        if top + height > area.maxY { top = max(fieldY - height, area.y) }
        let left = min(area.x + anchor.start, area.maxX - width)
        let box = Rect(x: left, y: top, width: width, height: height)
        grid.fill(box, style: theme.promptText)
        drawFrame(&grid, box, style: theme.promptFrame)
        let visible = height - 2
        let first = max(0, min(choice.highlighted - visible + 1, labels.count - visible))
        for row in 0..<visible where first + row < labels.count {
            let option = first + row
            let mark = choice.multiple ? (choice.chosen.contains(option) ? "[x] " : "[ ] ") : ""
            let style = option == choice.highlighted ? theme.promptFocusedButton : theme.promptText
            let line = Rect(x: box.x + 1, y: box.y + 1 + row, width: box.width - 2, height: 1)
            grid.fill(line, style: style)
            grid.put(" " + mark + labels[option], x: line.x, y: line.y, style: style, clip: line)
        }
    }

    /// A box-drawing frame around a rectangle.
    static func drawFrame(_ grid: inout Grid, _ box: Rect, style: Style) {
        guard box.width >= 2, box.height >= 2 else { return }
        let inner = String(repeating: "─", count: box.width - 2)
        grid.put("┌" + inner + "┐", x: box.x, y: box.y, style: style)
        grid.put("└" + inner + "┘", x: box.x, y: box.maxY - 1, style: style)
        for y in (box.y + 1)..<(box.maxY - 1) {
            grid.put("│", x: box.x, y: y, style: style)
            grid.put("│", x: box.maxX - 1, y: y, style: style)
        }
    }

    /// "Loading host… 12 KB of 40 KB (30%) [###-------]".
    static func progressText(_ loading: Loading, width: Int) -> String {
        let host = loading.request.url.split(separator: "/").dropFirst().first.map(String.init) ?? loading.request.url
        var text = "Loading \(TerminalSafe.sanitize(host))… \(byteCount(loading.received))"
        if let expected = loading.expected, expected > 0 {
            let percent = min(loading.received * 100 / expected, 100)
            text += " of \(byteCount(expected)) (\(percent)%)"
            let barWidth = 10
            let filled = percent * barWidth / 100
            text += " [" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        }
        return text + " · Esc stops"
    }

    static func byteCount(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
        return "\(bytes / (1024 * 1024)).\(bytes % (1024 * 1024) * 10 / (1024 * 1024)) MB"
    }

    /// The URL of the focused link, or what the focused field is.
    private static func focusDescription(_ state: BrowserState) -> String? {
        guard let current = state.current, let focus = current.focus, let page = current.page else { return nil }
        let items = Browser.focusables(state)
        guard items.indices.contains(focus) else { return nil }
        switch items[focus].target {
        case .link(let index):
            return "[\(page.links[index].number)] " + page.links[index].url
        case .field(let index):
            let field = page.fields[index]
            return "Form field: \(field.kind.rawValue) \(TerminalSafe.sanitize(field.name))"
        }
    }
}
