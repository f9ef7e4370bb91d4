import PageLayout
import TerminalText

extension Browser {
    /// Finds every match of `query` (ignoring case) and moves to the first one from the screen's top.
    static func runSearch(_ state: inout BrowserState, query: String, forward: Bool) {
        guard !query.isEmpty, let current = state.current, let page = current.page else {
            state.search = nil
            return
        }
        let matches = findMatches(query, in: page)
        state.search = Search(query: query, forward: forward, matches: matches, current: nil)
        guard !matches.isEmpty else {
            state.status = .error("Not found: \(TerminalSafe.sanitize(query))")
            return
        }
        let top = current.scroll
        let index: Int
        if forward {
            index = matches.firstIndex { $0.line >= top } ?? 0
        } else {
            index = matches.lastIndex { $0.line < top + state.pageHeight } ?? (matches.count - 1)
        }
        select(&state, match: index)
    }

    static func stepSearch(_ state: inout BrowserState, reverse: Bool) {
        guard let search = state.search, !search.matches.isEmpty else {
            state.status = .info("No search yet: / searches forward, ? backward.")
            return
        }
        let forward = search.forward != reverse
        let count = search.matches.count
        let start = search.current ?? (forward ? -1 : count)
        let next = forward ? start + 1 : start - 1
        if next >= count || next < 0 {
            state.status = .info(forward ? "Search wrapped to the top." : "Search wrapped to the bottom.")
            select(&state, match: (next + count) % count, keepStatus: true)
        } else {
            select(&state, match: next)
        }
    }

    private static func select(_ state: inout BrowserState, match index: Int, keepStatus: Bool = false) {
        guard var search = state.search, search.matches.indices.contains(index) else { return }
        search.current = index
        state.search = search
        reveal(&state, line: search.matches[index].line)
        if !keepStatus {
            state.status = .info("Match \(index + 1) of \(search.matches.count)")
        }
    }

    /// Runs the search again on a new layout.
    static func refreshSearch(_ state: inout BrowserState) {
        guard let search = state.search, let page = state.current?.page else { return }
        let matches = findMatches(search.query, in: page)
        state.search = Search(query: search.query, forward: search.forward, matches: matches,
                              current: search.current.map { min($0, max(matches.count - 1, 0)) }.flatMap { matches.isEmpty ? nil : $0 })
    }

    /// Every place the query stands on a line, as columns.
    static func findMatches(_ query: String, in page: RenderedPage) -> [LinePosition] {
        let needle = Array(query.lowercased().unicodeScalars)
        guard !needle.isEmpty else { return [] }
        var matches: [LinePosition] = []
        for (lineIndex, line) in page.lines.enumerated() {
            let haystack = Array(line.text.lowercased().unicodeScalars)
            guard haystack.count >= needle.count else { continue }
            var start = 0
            var column = 0
            var columnAt = 0
            while start + needle.count <= haystack.count {
                if haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle {
                    while columnAt < start {
                        column += DisplayWidth.of(haystack[columnAt])
                        columnAt += 1
                    }
                    let width = needle.reduce(0) { $0 + DisplayWidth.of($1) }
                    matches.append(LinePosition(line: lineIndex, start: column, end: column + width))
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return matches
    }
}
