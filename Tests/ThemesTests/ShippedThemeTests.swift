import Foundation
import ScreenGrid
import Testing
import Themes

struct ShippedThemeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Themes").standardizedFileURL
    static let shipped = ["default", "light", "solarized-dark", "high-contrast", "monochrome"]

    /// The theme files in the repository's `Themes/` folder, by name.
    static func filesOnDisk() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }
        var files: [String: String] = [:]
        for name in names {
            files[String(name.dropLast(5))] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    @Test func generatedBuiltinsMatchTheThemesFolder() throws {
        let files = try Self.filesOnDisk()
        #expect(Set(files.keys) == Set(BuiltinThemes.sources.keys),
                "Sources/Themes/BuiltinThemes.swift is out of date: run scripts/gen-builtin-themes.py")
        for (name, text) in files {
            #expect(BuiltinThemes.sources[name] == text,
                    "\(name).toml changed: run scripts/gen-builtin-themes.py")
        }
    }

    @Test func everyPromisedThemeIsShipped() {
        for name in Self.shipped {
            #expect(BuiltinThemes.sources[name] != nil, "missing Themes/\(name).toml")
        }
    }

    @Test(arguments: shipped)
    func shippedThemeParsesAndSetsEveryRole(name: String) throws {
        let source = try #require(BuiltinThemes.sources[name])
        let theme = try Theme(toml: source, name: name, file: "\(name).toml")
        #expect(theme.name == name)
        #expect(source.contains("name = \"\(name)\""))
        for role in ThemeRole.allCases {
            #expect(source.contains("\n[\(role.rawValue)]\n"), "\(name).toml does not set [\(role.rawValue)]")
        }
    }

    @Test func defaultThemeUsesOnlyTheTerminalsOwnColours() {
        for role in ThemeRole.allCases {
            for colour in [Theme.default[role].foreground, Theme.default[role].background] {
                if case .indexed(let index) = colour {
                    #expect(index < 16, "default theme's \(role.rawValue) uses colour \(index)")
                }
            }
        }
        #expect(Theme.default.text == .plain)
        #expect(Theme.default.link == Style(foreground: .blue, attributes: .underline))
    }

    @Test func monochromeThemeUsesNoColourAtAll() throws {
        let (theme, warnings) = ThemeLoader(userThemesFolder: nil).loadTheme(named: "monochrome")
        #expect(warnings.isEmpty)
        for role in ThemeRole.allCases {
            #expect(theme[role].foreground == .default && theme[role].background == .default, "\(role.rawValue)")
        }
        #expect(theme.focusedLink.attributes == .reverse)
    }

    @Test func solarizedUsesItsPaletteInXterm256() throws {
        let theme = try ThemeLoader(userThemesFolder: nil).theme(named: "solarized-dark")
        #expect(theme.text == Style(foreground: .indexed(245), background: .indexed(234)))
        #expect(theme.link.foreground == .indexed(32))
        #expect(theme.link.attributes == .underline)
    }
}
