import TerminalText

extension PageLayout {
    /// Lays out plain text as it is: lines kept, tabs expanded, long lines wrapped at
    /// the width, control characters made visible.
    public static func render(plainText text: String, title: String = "", options: LayoutOptions) -> RenderedPage {
        var lines: [StyledLine] = []
        var builder = LineBuilder()
        let width = options.width
        func push() {
            if lines.count < options.maximumLines {
                lines.append(builder.finish())
            }
            builder.reset()
        }
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCarriageReturn { push() }
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = scalar == "\r"
            if scalar == "\r" {
                push()
                continue
            }
            if scalar == "\t" {
                let spaces = 8 - builder.width % 8
                if builder.width + spaces > width { push() } else { builder.appendSpaces(spaces) }
                continue
            }
            var shown = scalar
            switch TerminalSafe.disposition(of: scalar) {
            case .keep: break
            case .drop: continue
            case .replace(let symbol): shown = symbol
            }
            let scalarWidth = DisplayWidth.of(shown)
            if builder.width + scalarWidth > width && builder.width > 0 {
                push()
            }
            builder.append(scalar: shown, width: scalarWidth, .plain)
        }
        if !builder.isEmpty {
            push()
        }
        return RenderedPage(title: TerminalSafe.sanitize(title), lines: lines, width: width)
    }

    /// Lays out JSON pretty-printed (keys in their order, numbers exactly as sent), or as
    /// plain text when it is not valid JSON.
    public static func render(json text: String, title: String = "", options: LayoutOptions) -> RenderedPage {
        guard let pretty = JSONPrettyPrinter.format(text) else {
            return render(plainText: text, title: title, options: options)
        }
        return render(plainText: pretty, title: title, options: options)
    }
}
