/// The standard xterm 256-colour palette, for matching `#rrggbb` and reducing colours.
enum XtermPalette {
    /// A colour's red, green and blue components, 0 to 255.
    struct RGB: Hashable, Sendable {
        var red: Int
        var green: Int
        var blue: Int
    }

    private static let ansi: [RGB] = [
        RGB(red: 0x00, green: 0x00, blue: 0x00), RGB(red: 0xCD, green: 0x00, blue: 0x00),
        RGB(red: 0x00, green: 0xCD, blue: 0x00), RGB(red: 0xCD, green: 0xCD, blue: 0x00),
        RGB(red: 0x00, green: 0x00, blue: 0xEE), RGB(red: 0xCD, green: 0x00, blue: 0xCD),
        RGB(red: 0x00, green: 0xCD, blue: 0xCD), RGB(red: 0xE5, green: 0xE5, blue: 0xE5),
        RGB(red: 0x7F, green: 0x7F, blue: 0x7F), RGB(red: 0xFF, green: 0x00, blue: 0x00),
        RGB(red: 0x00, green: 0xFF, blue: 0x00), RGB(red: 0xFF, green: 0xFF, blue: 0x00),
        RGB(red: 0x5C, green: 0x5C, blue: 0xFF), RGB(red: 0xFF, green: 0x00, blue: 0xFF),
        RGB(red: 0x00, green: 0xFF, blue: 0xFF), RGB(red: 0xFF, green: 0xFF, blue: 0xFF),
    ]

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The colour xterm shows for an index.
    static func rgb(ofIndex index: UInt8) -> RGB {
        switch Int(index) {
        case 0..<16:
            return ansi[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return RGB(red: cubeLevels[cube / 36], green: cubeLevels[cube / 6 % 6], blue: cubeLevels[cube % 6])
        default:
            let level = 8 + 10 * (Int(index) - 232)
            return RGB(red: level, green: level, blue: level)
        }
    }

    /// The index from 16 to 255 nearest to a colour. The first 16 are left out because
    /// every terminal's palette redefines them.
    static func nearestIndex(to colour: RGB) -> UInt8 {
        var best: UInt8 = 16
        var bestDistance = Int.max
        for index in UInt8(16)...UInt8(255) {
            let candidate = rgb(ofIndex: index)
            let red = candidate.red - colour.red, green = candidate.green - colour.green
            let blue = candidate.blue - colour.blue
            let distance = red * red + green * green + blue * blue
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// The nearest of the 8 basic ANSI colours, and whether it is the bright variant:
    /// 0–7 stay, 8–15 are their base colour and bright; other colours go by hue,
    /// with low-saturation ones going to black, bright black or white by lightness.
    static func basic(ofIndex index: UInt8) -> (index: UInt8, bright: Bool) {
        if index < 8 { return (index, false) }
        if index < 16 { return (index - 8, true) }
        let colour = rgb(ofIndex: index)
        let high = max(colour.red, colour.green, colour.blue)
        let low = min(colour.red, colour.green, colour.blue)
        let value = Double(high) / 255
        let saturation = high == 0 ? 0 : Double(high - low) / Double(high)
        if value < 0.3 { return (0, false) }
        if saturation < 0.3 {
            if value < 0.45 { return (0, false) }
            if value < 0.7 { return (0, true) }
            return (7, value > 0.95)
        }
        // Hue sectors 60° wide centred on red (0°), yellow, green, cyan, blue and magenta.
        let sectors: [UInt8] = [1, 3, 2, 6, 4, 5]
        return (sectors[Int((hue(of: colour) + 30).truncatingRemainder(dividingBy: 360) / 60)], false)
    }

    /// Hue in degrees, 0 ≤ hue < 360, of a colour that is not grey.
    private static func hue(of colour: RGB) -> Double {
        let red = Double(colour.red), green = Double(colour.green), blue = Double(colour.blue)
        let high = max(red, green, blue), span = high - min(red, green, blue)
        let hue: Double
        if high == red {
            hue = 60 * ((green - blue) / span)
        } else if high == green {
            hue = 60 * ((blue - red) / span + 2)
        } else {
            hue = 60 * ((red - green) / span + 4)
        }
        return hue < 0 ? hue + 360 : hue
    }
}
