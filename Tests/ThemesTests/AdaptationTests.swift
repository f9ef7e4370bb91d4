import PageLayout
import ScreenGrid
import Testing
import Themes

struct AdaptationTests {
    static let shipped = ShippedThemeTests.shipped
    static let supports: [ColorSupport] = [.colors256, .colors8, .none]

    func theme(_ styles: [ThemeRole: Style]) -> Theme {
        Theme(name: "test", styles: styles)
    }

    @Test func colors256LeavesTheThemeAlone() throws {
        let solarized = try ThemeLoader(userThemesFolder: nil).theme(named: "solarized-dark")
        #expect(solarized.adapted(to: .colors256) == solarized)
    }

    @Test func colors8MapsBrightColoursToBoldAndOthersByHue() {
        let adapted = theme([
            .text: Style(foreground: .indexed(15), background: .indexed(0)),
            .link: Style(foreground: .indexed(12), background: .indexed(9)),
            .code: Style(foreground: .indexed(196)),          // #ff0000
            .mark: Style(foreground: .indexed(46)),           // #00ff00
            .quote: Style(foreground: .indexed(21)),          // #0000ff
            .image: Style(foreground: .indexed(226)),         // #ffff00
            .rule: Style(foreground: .indexed(51)),           // #00ffff
            .notice: Style(foreground: .indexed(201)),        // #ff00ff
            .tableBorder: Style(foreground: .indexed(244)),   // mid grey
            .listMarker: Style(foreground: .indexed(252)),    // light grey
            .heading1: Style(foreground: .indexed(4)),
        ]).adapted(to: .colors8)
        #expect(adapted.text == Style(foreground: .white, background: .black, attributes: .bold))
        #expect(adapted.link == Style(foreground: .blue, background: .red, attributes: [.bold]),
                "a bright background loses its brightness, not to bold")
        #expect(adapted.code.foreground == .red)
        #expect(adapted.mark.foreground == .green)
        #expect(adapted.quote.foreground == .blue)
        #expect(adapted.image.foreground == .yellow)
        #expect(adapted.rule.foreground == .cyan)
        #expect(adapted.notice.foreground == .magenta)
        #expect(adapted.tableBorder == Style(foreground: .default, attributes: .dim),
                "mid grey is bright black, shown dim on the terminal's own background")
        #expect(adapted.listMarker.foreground == .white)
        #expect(adapted.heading1.foreground == .blue)
    }

    @Test func colors8ShowsBrightBlackAsBoldBlackOnlyOnAKnownBackground() {
        let adapted = theme([.rule: Style(foreground: .indexed(8), background: .indexed(231))]).adapted(to: .colors8)
        #expect(adapted.rule == Style(foreground: .black, background: .white, attributes: .bold))
        let onTerminalBackground = theme([.rule: Style(foreground: .indexed(8))]).adapted(to: .colors8)
        #expect(onTerminalBackground.rule == Style(attributes: .dim))
    }

    @Test func noColourTurnsHighlightBackgroundsIntoReverse() {
        let adapted = theme([
            .text: Style(foreground: .indexed(245), background: .indexed(234)),
            .hintLabel: Style(foreground: .black, background: .magenta, attributes: .bold),
            .preformatted: Style(background: .indexed(236)),
            .statusLine: Style(background: .indexed(234)),
        ]).adapted(to: .none)
        #expect(adapted.hintLabel.attributes == [.bold, .reverse])
        #expect(adapted.preformatted.attributes == [], "page regions keep their look")
        #expect(adapted.statusLine.attributes == .reverse, "same background as the text: reverse only to stand out")
    }

    @Test func colors8KeepsTextOffItsOwnBackground() {
        let adapted = theme([.text: Style(foreground: .indexed(245), background: .indexed(234))]).adapted(to: .colors8)
        #expect(adapted.text.background == .black)
        #expect(adapted.text.foreground == .white, "grey that lands on black is lifted to white")
    }

    @Test func noColourDropsColoursAndKeepsAttributes() throws {
        let light = try ThemeLoader(userThemesFolder: nil).theme(named: "light")
        let adapted = light.adapted(to: .none)
        for role in ThemeRole.allCases {
            #expect(adapted[role].foreground == .default && adapted[role].background == .default)
            #expect(adapted[role].attributes.isSuperset(of: light[role].attributes), "\(role.rawValue)")
        }
    }

    @Test func noColourAddsAttributesWhereColourWasTheOnlyDifference() {
        let colourOnly = theme([
            .text: .plain,
            .link: Style(foreground: .blue),
            .focusedLink: Style(background: .blue),
            .searchMatch: Style(background: .yellow),
            .currentSearchMatch: Style(background: .red),
            .promptButton: Style(background: .indexed(8)),
            .promptFocusedButton: Style(background: .blue),
        ]).adapted(to: .none)
        #expect(colourOnly.link.attributes == .underline)
        #expect(colourOnly.focusedLink.attributes == .reverse)
        #expect(colourOnly.searchMatch.attributes == .reverse)
        #expect(colourOnly.currentSearchMatch.attributes == [.reverse, .bold])
        #expect(colourOnly.promptButton.attributes == .bold)
        #expect(colourOnly.promptFocusedButton.attributes == .reverse)
    }

    @Test(arguments: shipped, supports)
    func keyRolesStayDistinguishable(name: String, support: ColorSupport) throws {
        let theme = try ThemeLoader(userThemesFolder: nil).theme(named: name).adapted(to: support)
        let context = "\(name) with \(support)"
        let plain = theme.style(for: .plain, visited: false, focused: false)
        let link = theme.style(for: TextAttributes(link: 0), visited: false, focused: false)
        let visited = theme.style(for: TextAttributes(link: 0), visited: true, focused: false)
        let focused = theme.style(for: TextAttributes(link: 0), visited: false, focused: true)
        let focusedVisited = theme.style(for: TextAttributes(link: 0), visited: true, focused: true)
        #expect(link != plain, "link vs text: \(context)")
        #expect(visited != plain, "visited link vs text: \(context)")
        #expect(focused != link && focused != plain, "focused link: \(context)")
        #expect(focusedVisited != visited, "focused visited link: \(context)")

        let field = theme.style(for: TextAttributes(flags: .formField, field: 0), visited: false, focused: false)
        let focusedField = theme.style(for: TextAttributes(flags: .formField, field: 0), visited: false, focused: true)
        #expect(field != plain && focusedField != field, "form fields: \(context)")

        for underneath in [plain, link] {
            let match = underneath.merged(with: theme.searchMatch)
            let current = underneath.merged(with: theme.currentSearchMatch)
            #expect(match != underneath && current != underneath && current != match, "search matches: \(context)")
        }
        #expect(theme.promptButton != theme.promptText, "prompt button: \(context)")
        #expect(theme.promptFocusedButton != theme.promptButton, "focused prompt button: \(context)")
        #expect(theme.promptFocusedButton != theme.promptText, "focused prompt button vs text: \(context)")
        #expect(theme.hintLabel != plain, "hint label: \(context)")
        #expect(theme.statusLine != plain, "status line: \(context)")

        if support == .none {
            for role in ThemeRole.allCases {
                #expect(theme[role].foreground == .default && theme[role].background == .default)
            }
        }
        if support == .colors8 {
            for role in ThemeRole.allCases {
                for colour in [theme[role].foreground, theme[role].background] {
                    if case .indexed(let index) = colour { #expect(index < 8, "\(role.rawValue): \(context)") }
                }
            }
        }
    }

    @Test func detectionFollowsNoColorAndTheColourCount() {
        #expect(ColorSupport.detect(colorCount: 256, environment: [:]) == .colors256)
        #expect(ColorSupport.detect(colorCount: 16, environment: [:]) == .colors8)
        #expect(ColorSupport.detect(colorCount: 8, environment: ["NO_COLOR": ""]) == .colors8)
        #expect(ColorSupport.detect(colorCount: 256, environment: ["NO_COLOR": "1"]) == .none)
        #expect(ColorSupport.detect(colorCount: 0, environment: [:]) == .none)
    }
}
