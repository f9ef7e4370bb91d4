import PageLayout

/// A place in a page's text that survives laying it out at another width: the number of
/// visible characters before a line.
struct TextAnchor {
    var charactersBefore: Int

    init(page: RenderedPage, line: Int) {
        var count = 0
        for index in 0..<min(line, page.lines.count) {
            count += TextAnchor.visibleCount(page.lines[index].text)
        }
        charactersBefore = count
    }

    /// The line of `page` where the same text starts.
    func line(in page: RenderedPage) -> Int {
        var count = 0
        for (index, line) in page.lines.enumerated() {
            let next = count + TextAnchor.visibleCount(line.text)
            if next > charactersBefore {
                return index
            }
            count = next
        }
        return max(page.lines.count - 1, 0)
    }

    private static func visibleCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte != 0x20 && (byte < 0x80 || byte >= 0xC0) {
            count += 1
        }
        return count
    }
}
