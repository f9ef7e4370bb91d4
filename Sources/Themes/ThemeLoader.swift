#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds themes by name: user theme files in a folder first, then the built-in ones.
public struct ThemeLoader: Sendable {
    /// The folder of user themes (`NAME.toml` files), or nil for built-in themes only.
    public var userThemesFolder: String?

    public init(userThemesFolder: String?) {
        self.userThemesFolder = userThemesFolder
    }

    /// The label errors in a built-in theme name instead of a path.
    static func builtinFileLabel(_ name: String) -> String { "\(name).toml (built-in)" }

    /// Whether `name` can name a theme: letters, digits, `-`, `_` and `.`, not starting with `.`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// Built-in and user theme names, without repeats: `default` first, then the rest in
    /// alphabetical order. This is the order the cycle-theme key goes through.
    public func availableThemeNames() -> [String] {
        var names = Set(BuiltinThemes.sources.keys)
        if let folder = userThemesFolder,
           let files = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for file in files where file.hasSuffix(".toml") {
                let name = String(file.dropLast(".toml".count))
                if Self.isValidName(name) { names.insert(name) }
            }
        }
        names.remove(Theme.defaultName)
        return [Theme.defaultName] + names.sorted()
    }

    /// The theme after `name` in `availableThemeNames()`, wrapping round; the first if
    /// `name` is not there.
    public func themeName(after name: String) -> String {
        let names = availableThemeNames()
        guard let index = names.firstIndex(of: name) else { return names[0] }
        return names[(index + 1) % names.count]
    }

    /// Loads a theme: `NAME.toml` in the user folder if it exists, else the built-in one.
    public func theme(named name: String) throws(ThemeError) -> Theme {
        guard Self.isValidName(name) else {
            throw ThemeError(file: nil, message: "\"\(name)\" is not a theme name (letters, digits, -, _ and . only)")
        }
        if let folder = userThemesFolder {
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + name + ".toml"
            if FileManager.default.fileExists(atPath: path) {
                let source: String
                do {
                    source = try String(contentsOfFile: path, encoding: .utf8)
                } catch {
                    throw ThemeError(file: path, message: "cannot read the theme file as UTF-8 text")
                }
                return try ThemeParser.parse(source, name: name, file: path, base: .default)
            }
        }
        guard let source = BuiltinThemes.sources[name] else {
            let known = availableThemeNames().joined(separator: ", ")
            throw ThemeError(file: nil, message: "there is no theme named \"\(name)\"; available: \(known)")
        }
        return try ThemeParser.parse(source, name: name, file: Self.builtinFileLabel(name), base: .default)
    }

    /// Loads the named theme (the default when nil), falling back to the default theme —
    /// the user's `default.toml` if it loads, else the built-in one — with a warning for each
    /// theme that failed.
    public func loadTheme(named name: String?) -> (theme: Theme, warnings: [ThemeError]) {
        var warnings: [ThemeError] = []
        for candidate in [name ?? Theme.defaultName, Theme.defaultName] {
            do {
                return (try theme(named: candidate), warnings)
            } catch {
                if candidate == Theme.defaultName {
                    return (.default, warnings + [error])
                }
                warnings.append(error)
            }
        }
        return (.default, warnings)
    }
}
