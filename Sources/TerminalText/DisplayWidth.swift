/// How many terminal cells text takes: East Asian wide characters and emoji take two,
/// combining marks and format characters none, everything else one.
///
/// Widths add up per code point, as ncurses and terminal emulators count them, so a
/// layout's columns match what the terminal draws.
public enum DisplayWidth {
    /// The cells one code point takes (0, 1 or 2). Controls count 0: they never reach the screen.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F {
            return value >= 0x20 ? 1 : 0
        }
        return slowWidth(value)
    }

    /// The cells a string takes.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for byte in text.utf8 where byte < 0x80 {
            total += byte >= 0x20 && byte != 0x7F ? 1 : 0
        }
        if total == text.utf8.count {
            return total
        }
        total = 0
        for scalar in text.unicodeScalars {
            total += of(scalar)
        }
        return total
    }

    @usableFromInline
    static func slowWidth(_ value: UInt32) -> Int {
        if value < 0xA0 {
            return 0  // DEL and C1 controls
        }
        if value < 0x300 {
            return value == 0xAD ? 0 : 1
        }
        var low = 0
        var high = widthRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = widthRanges[middle]
            if value < range.lower {
                high = middle - 1
            } else if value > range.upper {
                low = middle + 1
            } else {
                return Int(range.width)
            }
        }
        return 1
    }
}
