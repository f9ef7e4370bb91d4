import PageLayout
import ScreenGrid
import Testing
import Themes

struct TextStyleTests {
    let theme = Theme(name: "test", styles: [
        .text: Style(foreground: .white, background: .black),
        .link: Style(foreground: .blue, attributes: .underline),
        .visitedLink: Style(foreground: .magenta, attributes: .underline),
        .focusedLink: Style(attributes: .reverse),
        .linkNumber: Style(foreground: .indexed(8)),
        .heading1: Style(foreground: .red, attributes: .bold),
        .heading2: Style(foreground: .yellow, attributes: .bold),
        .bold: Style(foreground: .indexed(15), attributes: .bold),
        .italic: Style(attributes: .italic),
        .code: Style(foreground: .green, background: .indexed(236)),
        .formField: Style(foreground: .cyan, attributes: .underline),
        .focusedField: Style(background: .blue),
    ])

    func style(_ attributes: TextAttributes, visited: Bool = false, focused: Bool = false) -> Style {
        theme.style(for: attributes, visited: visited, focused: focused)
    }

    @Test func plainTextIsTheTextStyle() {
        #expect(style(.plain) == Style(foreground: .white, background: .black))
    }

    @Test func headingsGoByLevel() {
        #expect(style(TextAttributes(headingLevel: 1)) == Style(foreground: .red, background: .black, attributes: .bold))
        #expect(style(TextAttributes(headingLevel: 2)).foreground == .yellow)
        #expect(style(TextAttributes(headingLevel: 4)).foreground == .yellow, "heading4 inherits from heading3 ← heading2")
        #expect(style(TextAttributes(headingLevel: 9)) == style(.plain))
    }

    @Test func emphasisCombines() {
        let boldItalic = style(TextAttributes(flags: [.bold, .italic]))
        #expect(boldItalic == Style(foreground: .indexed(15), background: .black, attributes: [.bold, .italic]))
        let code = style(TextAttributes(flags: [.code, .italic]))
        #expect(code == Style(foreground: .green, background: .indexed(236), attributes: .italic))
    }

    @Test func linkColourWinsButEmphasisAttributesStay() {
        let link = TextAttributes(flags: [.bold, .italic], headingLevel: 1, link: 3)
        #expect(style(link) == Style(foreground: .blue, background: .black, attributes: [.bold, .italic, .underline]))
        let inCode = style(TextAttributes(flags: .code, link: 0))
        #expect(inCode == Style(foreground: .blue, background: .indexed(236), attributes: .underline),
                "a link without a background keeps the code block's")
    }

    @Test func visitedAndFocusedLinks() {
        let link = TextAttributes(link: 0)
        #expect(style(link, visited: true).foreground == .magenta)
        #expect(style(link, focused: true) == Style(foreground: .blue, background: .black, attributes: [.underline, .reverse]))
        #expect(style(link, visited: true, focused: true).foreground == .magenta)
        #expect(style(.plain, focused: true) == style(.plain), "focus only matters on links and fields")
    }

    @Test func linkNumbersTakeTheirOwnStyle() {
        let number = TextAttributes(flags: .linkNumber, link: 2)
        #expect(style(number) == Style(foreground: .indexed(8), background: .black), "no link underline on the number")
        #expect(style(number, focused: true) == style(number))
    }

    @Test func formFieldsAndFocus() {
        let field = TextAttributes(flags: .formField, field: 1)
        #expect(style(field) == Style(foreground: .cyan, background: .black, attributes: .underline))
        #expect(style(field, focused: true) == Style(foreground: .cyan, background: .blue, attributes: .underline))
        #expect(style(TextAttributes(field: 0)).foreground == .cyan, "a field index alone is a field")
    }

    @Test func rolesByNameAndBySubscriptAgree() {
        var copy = theme
        copy.hintLabel = Style(attributes: .bold)
        #expect(copy[.hintLabel] == Style(attributes: .bold))
        #expect(copy.heading1 == copy[.heading1])
    }
}
