import ScreenGrid
import Testing
import Themes

struct ThemeFileFormatTests {
    func parse(_ source: String) throws(ThemeError) -> Theme {
        try Theme(toml: source, name: "test", file: "test.toml")
    }

    func error(_ source: String) -> ThemeError? {
        do {
            _ = try parse(source)
            return nil
        } catch {
            return error
        }
    }

    @Test func hexColoursGoToTheNearestXterm256Colour() throws {
        let theme = try parse("""
            [text]
            fg = "#ff0000"
            bg = "#000000"
            [link]
            fg = "#808080"
            bg = "#FFFFFF"
            [code]
            fg = "#123456"
            bg = "#f00"
            """)
        #expect(theme.text == Style(foreground: .indexed(196), background: .indexed(16)))
        #expect(theme.link.foreground == .indexed(244))
        #expect(theme.link.background == .indexed(231))
        #expect(theme.code.foreground == .indexed(23))
        #expect(theme.code.background == .indexed(196))
    }

    @Test func colourNamesAndIndexes() throws {
        let theme = try parse("""
            [text]
            fg = "default"
            bg = "black"
            [link]
            fg = "bright-blue"
            bg = "White"
            [code]
            fg = 208
            bg = 0
            [mark]
            fg = "17"
            """)
        #expect(theme.text == Style(foreground: .default, background: .black))
        #expect(theme.link.foreground == .indexed(12))
        #expect(theme.link.background == .white)
        #expect(theme.code.foreground == .indexed(208))
        #expect(theme.code.background == .indexed(0))
        #expect(theme.mark.foreground == .indexed(17))
    }

    @Test(arguments: [
        ("fg = \"purple\"", "bad colour \"purple\""),
        ("fg = \"#12345\"", "bad colour \"#12345\""),
        ("fg = \"#gggggg\"", "bad colour \"#gggggg\""),
        ("fg = 256", "bad colour 256"),
        ("bg = -1", "bad colour -1"),
        ("bg = true", "bad colour true"),
    ])
    func badColoursNameTheFileAndLine(value: String, message: String) throws {
        let problem = try #require(error("name = \"x\"\n\n[link]\nattributes = []\n\(value)\n"))
        #expect(problem.file == "test.toml")
        #expect(problem.line == 5)
        #expect(problem.message.hasPrefix(message))
        #expect(problem.description.hasPrefix("test.toml:5: \(message)"))
    }

    @Test func attributeLists() throws {
        let theme = try parse("""
            [link]
            attributes = ["bold", "Underline", "reverse", "dim", "italic", "strikethrough"]
            [code]
            attributes = []
            """)
        #expect(theme.link.attributes == [.bold, .underline, .reverse, .dim, .italic, .strikethrough])
        #expect(theme.code.attributes == [])
    }

    @Test func unknownAttributeNamesItsLineInAMultiLineList() throws {
        let problem = try #require(error("""
            [link]
            attributes = [
                "bold",
                "blink",
            ]
            """))
        #expect(problem.line == 4)
        #expect(problem.message.contains("unknown attribute \"blink\""))
        let notAList = try #require(error("[link]\nattributes = \"bold\"\n"))
        #expect(notAList.line == 2)
        #expect(notAList.message.contains("must be a list"))
    }

    @Test func unknownRolesAndKeysNameTheirLines() throws {
        let role = try #require(error("[text]\nfg = \"red\"\n\n[linx]\nfg = \"blue\"\n"))
        #expect(role.line == 4)
        #expect(role.message == "unknown role \"linx\"")
        let key = try #require(error("[text]\nfg = \"red\"\ncolour = \"blue\"\n"))
        #expect(key.line == 3)
        #expect(key.message.hasPrefix("unknown key \"colour\" in [text]"))
        let notATable = try #require(error("name = \"x\"\nlink = \"blue\"\n"))
        #expect(notATable.line == 2)
        let inline = try #require(error("name = \"x\"\nlink = { fg = \"blue\", size = 3 }\n"))
        #expect(inline.line == 2)
    }

    @Test func theEarliestProblemIsReported() throws {
        let problem = try #require(error("[text]\nfg = \"nope\"\n[link]\nbg = \"nope\"\n[zzz]\n"))
        #expect(problem.line == 2)
    }

    @Test func syntaxErrorsCarryTOMLKitsLine() throws {
        let problem = try #require(error("[text]\nfg = \"red\"\n\n[link\nfg = \"blue\"\n"))
        #expect(problem.file == "test.toml")
        #expect(problem.line == 4)
        #expect(problem.message.hasPrefix("TOML syntax"))
    }

    @Test func leftOutColoursComeFromTheParentAndAttributesFromTheDefaultTheme() throws {
        let theme = try parse("""
            [text]
            fg = "#839496"
            bg = "#002b36"
            [link]
            fg = "blue"
            [heading1]
            fg = "red"
            attributes = ["italic"]
            """)
        // Link: its own colour, the default theme's underline, the text's background.
        #expect(theme.link == Style(foreground: .blue, background: .indexed(234), attributes: .underline))
        // Visited link inherits the link's colours and takes the default theme's attributes.
        #expect(theme.visitedLink.foreground == .blue)
        #expect(theme.visitedLink.attributes == Theme.default.visitedLink.attributes)
        // Headings inherit colours down the levels; attributes come from the default theme.
        #expect(theme.heading3.foreground == .red)
        #expect(theme.heading3.attributes == Theme.default.heading3.attributes)
        #expect(theme.heading1.attributes == .italic)
        // Roles without a parent are overlays: their colours stay unset.
        #expect(theme.focusedLink.foreground == .default)
        #expect(theme.focusedLink.attributes == Theme.default.focusedLink.attributes)
        // Everything else follows text.
        #expect(theme.promptPayee.background == .indexed(234))
        #expect(theme.error.foreground == theme.text.foreground, "colours come from the parent chain, not the default theme")
    }

    @Test func emptyFileIsTheDefaultThemeAttributesInTheTerminalsColours() throws {
        let theme = try parse("")
        for role in ThemeRole.allCases {
            #expect(theme[role].attributes == Theme.default[role].attributes)
        }
        #expect(theme.text == .plain)
    }

    @Test func keysWithNULCharactersAreErrorsNotCrashes() throws {
        let problem = try #require(error("[text]\n\"f\\u0000g\" = \"red\"\n"))
        #expect(problem.line == 1)
        #expect(problem.message.contains("NUL"))
    }
}
