/// Maps xterm palette indexes onto terminals with fewer colours.
enum ColorApproximation {
    /// The colour number to use for `index` on a terminal with `available` colours.
    static func color(for index: UInt8, available: Int) -> Int16 {
        if Int(index) < available { return Int16(index) }
        if index < 16 { return Int16(index - 8) }
        let (red, green, blue) = rgb(of: index)
        // ANSI order: bit 0 red, bit 1 green, bit 2 blue (black, red, green, yellow, ...).
        let bits = (red >= 128 ? 1 : 0) | (green >= 128 ? 2 : 0) | (blue >= 128 ? 4 : 0)
        return Int16(bits)
    }

    /// The red, green and blue levels of a palette index from 16 up.
    static func rgb(of index: UInt8) -> (Int, Int, Int) {
        if index >= 232 {
            let level = 8 + 10 * Int(index - 232)
            return (level, level, level)
        }
        let cube = Int(index) - 16
        let levels = [0, 95, 135, 175, 215, 255]
        return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
    }
}
