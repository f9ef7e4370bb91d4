import BrowserConfig
import Testing

struct KeyNameTests {
    static let canonical = [
        "j", "G", "?", "/", ":", "=", "é", "Space", "C-a", "C-n", "C-z", "M-x", "M-X", "M-Space", "M-?",
        "Enter", "Tab", "S-Tab", "Esc", "Backspace", "Up", "Down", "Left", "Right", "PageUp", "PageDown",
        "Home", "End", "Insert", "Delete", "F1", "F5", "F12",
    ]

    @Test(arguments: canonical)
    func canonicalNamesRoundTrip(name: String) throws {
        let key = try #require(KeyName(name))
        #expect(key.description == name)
    }

    @Test(arguments: [
        (" ", "Space"), ("space", "Space"), ("SPACE", "Space"), ("c-n", "C-n"), ("C-N", "C-n"),
        ("Ctrl-n", "C-n"), ("ctrl+x", "C-x"), ("Alt-x", "M-x"), ("meta-q", "M-q"), ("m-space", "M-Space"),
        ("enter", "Enter"), ("Return", "Enter"), ("ESCAPE", "Esc"), ("esc", "Esc"), ("BackTab", "S-Tab"),
        ("s-tab", "S-Tab"), ("pgup", "PageUp"), ("PgDn", "PageDown"), ("del", "Delete"), ("ins", "Insert"),
        ("f1", "F1"), ("C-i", "Tab"), ("C-m", "Enter"),
    ])
    func otherSpellingsNormalise(spelling: String, canonical: String) {
        #expect(KeyName(spelling)?.description == canonical)
    }

    @Test(arguments: ["", "jj", "F0", "F13", "F1x", "C-", "C-1", "C-ab", "M-", "M-Enter", "Hyper-x", "\t", "\u{1B}",
                      "\u{7}", "Shift-Tab2"])
    func nonsenseIsRefused(name: String) {
        #expect(KeyName(name) == nil)
    }

    @Test func keysAreCaseSensitiveOnlyWhereTheyShouldBe() {
        #expect(KeyName("g") != KeyName("G"))
        #expect(KeyName("M-x") != KeyName("M-X"))
        #expect(KeyName("C-x") == KeyName("C-X"))
        #expect(KeyName("pagedown") == .pageDown)
        #expect(KeyName("F3") == .function(3))
        #expect(KeyName("C-c") == .control("c"))
    }
}
