/// Makes untrusted text safe to put on a terminal: no byte of a page, header or server
/// message may act as a control character or escape sequence.
public enum TerminalSafe {
    /// What becomes of a code point on its way to the screen.
    public enum Disposition: Equatable, Sendable {
        case keep
        /// Dropped without trace: bidi overrides and other invisible format controls.
        case drop
        /// Shown as a visible symbol, such as ␛ for ESC.
        case replace(Unicode.Scalar)
    }

    /// Whether a code point can go to the terminal as it is.
    @inlinable
    public static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F {
            return true
        }
        return disposition(of: scalar) == .keep
    }

    /// What to do with a code point that a page or server sent.
    public static func disposition(of scalar: Unicode.Scalar) -> Disposition {
        let value = scalar.value
        switch value {
        case 0x00..<0x20:
            // C0 controls become the Control Pictures block (U+2400 + code).
            return .replace(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            return .replace("\u{2421}")
        case 0x80..<0xA0:
            // C1 controls (CSI is 0x9B) have no pictures; show the replacement character.
            return .replace("\u{FFFD}")
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
            // Bidi marks, embeddings, overrides and isolates could reorder what Penny draws.
            return .drop
        case 0xFFF9...0xFFFB, 0xE0001, 0xFEFF:
            return .drop
        default:
            return .keep
        }
    }

    /// Text with every unsafe code point dropped or replaced; line breaks and tabs become spaces.
    public static func sanitize<S: StringProtocol>(_ text: S) -> String {
        var clean = true
        for scalar in text.unicodeScalars where !isSafe(scalar) {
            clean = false
            break
        }
        if clean {
            return String(text)
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t", "\u{0C}":
                result.append(" ")
            default:
                switch disposition(of: scalar) {
                case .keep: result.append(scalar)
                case .drop: break
                case .replace(let symbol): result.append(symbol)
                }
            }
        }
        return String(result)
    }
}
