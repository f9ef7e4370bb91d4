import PageLayout

/// Something Tab can move to: a link or a form field, where it is first drawn.
public struct Focusable: Equatable, Sendable {
    public enum Target: Equatable, Sendable {
        case link(Int)
        case field(Int)
    }

    public var target: Target
    public var position: LinePosition

    /// Every link and visible field of a page, in reading order.
    static func all(in page: RenderedPage) -> [Focusable] {
        var items: [Focusable] = []
        for (index, link) in page.links.enumerated() {
            if let first = link.positions.first {
                items.append(Focusable(target: .link(index), position: first))
            }
        }
        for (index, field) in page.fields.enumerated() where field.kind != .hidden {
            if let first = field.positions.first {
                items.append(Focusable(target: .field(index), position: first))
            }
        }
        return items.sorted { ($0.position.line, $0.position.start) < ($1.position.line, $1.position.start) }
    }
}
