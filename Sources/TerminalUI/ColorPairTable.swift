/// Curses colour pairs handed out on demand for (foreground, background) combinations.
///
/// Pair 0 is always the terminal's default colours; colour -1 means "default".
struct ColorPairTable {
    struct Colors: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// The pairs that can be allocated (1 up to this number).
    let capacity: Int
    private var pairs: [Colors: Int16] = [:]

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    var isFull: Bool { pairs.count >= capacity }

    /// The pair already standing for these colours, if any.
    func existing(_ colors: Colors) -> Int16? {
        if colors.foreground == -1 && colors.background == -1 { return 0 }
        return pairs[colors]
    }

    /// The pair for these colours and whether it is new (so the caller must `init_pair` it);
    /// nil when the table is full.
    mutating func pair(for colors: Colors) -> (pair: Int16, isNew: Bool)? {
        if let pair = existing(colors) { return (pair, false) }
        guard !isFull else { return nil }
        let pair = Int16(pairs.count + 1)
        pairs[colors] = pair
        return (pair, true)
    }

    /// Forgets every pair, so a frame can start allocating from 1 again.
    mutating func removeAll() {
        pairs.removeAll(keepingCapacity: true)
    }
}
