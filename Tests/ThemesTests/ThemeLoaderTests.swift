import ScreenGrid
import Testing
import Themes

struct ThemeLoaderTests {
    @Test func builtinThemesLoadWithoutAUserFolder() throws {
        let loader = ThemeLoader(userThemesFolder: nil)
        let (theme, warnings) = loader.loadTheme(named: "light")
        #expect(warnings.isEmpty)
        #expect(theme.name == "light")
        #expect(loader.loadTheme(named: nil).theme == .default)
    }

    @Test func userThemeOverridesTheBuiltInOfTheSameName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("light.toml", "[text]\nfg = \"red\"\nbg = \"black\"\n")
        let theme = try ThemeLoader(userThemesFolder: folder.path).theme(named: "light")
        #expect(theme.text == Style(foreground: .red, background: .black))
        #expect(theme.name == "light")
    }

    @Test func brokenThemeWarnsWithFileAndLineAndFallsBackToDefault() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("mine.toml", "name = \"mine\"\n\n[link]\nfg = \"blue\"\nattributes = [\"blink\"]\n")
        let (theme, warnings) = ThemeLoader(userThemesFolder: folder.path + "/").loadTheme(named: "mine")
        #expect(theme == .default)
        #expect(warnings.count == 1)
        #expect(warnings.first?.file == path)
        #expect(warnings.first?.line == 5)
        #expect(warnings.first?.description.hasPrefix("\(path):5: unknown attribute \"blink\"") == true)
    }

    @Test func syntaxErrorInAUserThemeNamesItsLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("broken.toml", "[text]\nfg = \"red\n")
        let (theme, warnings) = ThemeLoader(userThemesFolder: folder.path).loadTheme(named: "broken")
        #expect(theme == .default)
        #expect(warnings.map(\.file) == [path])
        #expect(warnings.first?.line == 2)
    }

    @Test func brokenUserDefaultFallsBackToTheBuiltInDefault() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("default.toml", "[text]\nfg = \"nope\"\n")
        try folder.write("mine.toml", "[nope]\n")
        let (theme, warnings) = ThemeLoader(userThemesFolder: folder.path).loadTheme(named: "mine")
        #expect(theme == .default)
        #expect(warnings.map(\.line) == [1, 2])
    }

    @Test func validUserDefaultIsTheFallback() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("default.toml", "[text]\nfg = \"green\"\n")
        let (theme, warnings) = ThemeLoader(userThemesFolder: folder.path).loadTheme(named: "missing")
        #expect(theme.text.foreground == .green)
        #expect(warnings.count == 1)
        #expect(warnings.first?.file == nil)
        #expect(warnings.first?.message.hasPrefix("there is no theme named \"missing\"") == true)
    }

    @Test(arguments: ["../etc/passwd", "", ".hidden", "a/b", "bad name"])
    func namesThatCouldLeaveTheFolderAreRefused(name: String) {
        #expect(!ThemeLoader.isValidName(name))
        let (theme, warnings) = ThemeLoader(userThemesFolder: "/tmp").loadTheme(named: name)
        #expect(theme == .default)
        #expect(warnings.count == 1)
    }

    @Test func availableNamesAreStableWithDefaultFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("zebra.toml", "")
        try folder.write("light.toml", "")
        try folder.write("aardvark.toml", "")
        try folder.write("notes.txt", "")
        try folder.write(".hidden.toml", "")
        let loader = ThemeLoader(userThemesFolder: folder.path)
        let names = loader.availableThemeNames()
        #expect(names == ["default", "aardvark", "high-contrast", "light", "monochrome", "solarized-dark", "zebra"])
        #expect(ThemeLoader(userThemesFolder: nil).availableThemeNames()
            == ["default", "high-contrast", "light", "monochrome", "solarized-dark"])
        #expect(ThemeLoader(userThemesFolder: folder.path + "/missing").availableThemeNames().count == 5)
    }

    @Test func cyclingGoesThroughEveryThemeAndWrapsRound() {
        let loader = ThemeLoader(userThemesFolder: nil)
        var name = "default"
        var seen: [String] = []
        for _ in 0..<5 {
            name = loader.themeName(after: name)
            seen.append(name)
        }
        #expect(seen == ["high-contrast", "light", "monochrome", "solarized-dark", "default"])
        #expect(loader.themeName(after: "gone") == "default")
    }
}
