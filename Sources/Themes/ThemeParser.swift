import ScreenGrid
import TOMLKit
import TOMLLines

/// Turns the TOML text of a theme file into a `Theme`.
enum ThemeParser {
    /// What a theme file says about one role; nil where it says nothing.
    private struct RoleSpec {
        var foreground: Color?
        var background: Color?
        var attributes: CellAttributes?
    }

    /// Parses a theme. Left-out colours come from the role's parent; left-out attributes
    /// from `base`'s same role, or from the parent when there is no base.
    /// Throws the problem on the earliest line.
    static func parse(_ source: String, name: String, file: String, base: Theme?) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, message: "TOML syntax: \(error.description)")
        } catch {
            throw ThemeError(file: file, message: "TOML syntax: \(error)")
        }
        var reader = Reader(file: file, lines: TOMLSourceLines(source))
        var specs: [ThemeRole: RoleSpec] = [:]
        for (key, value) in table.entries {
            guard let value else {
                reader.report([], "a key has a NUL character in it")
                continue
            }
            if key == "name" {
                if value.string == nil { reader.report([key], "name must be a string") }
            } else if let role = ThemeRole(rawValue: key) {
                if let roleTable = value.table {
                    specs[role] = reader.roleSpec(roleTable, role: role)
                } else {
                    reader.report([key], "\"\(key)\" must be a table: [\(key)]")
                }
            } else {
                reader.report([key], "unknown role \"\(key)\"")
            }
        }
        if let first = reader.problems.min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) { throw first }

        var styles: [ThemeRole: Style] = [:]
        for role in ThemeRole.allCases {
            let spec = specs[role] ?? RoleSpec()
            let inherited = role.parent.flatMap { styles[$0] }
            styles[role] = Style(foreground: spec.foreground ?? inherited?.foreground ?? .default,
                                 background: spec.background ?? inherited?.background ?? .default,
                                 attributes: spec.attributes ?? base?[role].attributes ?? inherited?.attributes ?? [])
        }
        return Theme(name: name, styles: styles)
    }

    /// Reads role tables, collecting problems with their lines.
    private struct Reader {
        let file: String
        let lines: TOMLSourceLines
        var problems: [ThemeError] = []

        mutating func report(_ path: [String], containing text: String? = nil, _ message: String) {
            let line = text.map { lines.line(of: path, containing: $0) } ?? lines.line(of: path)
            problems.append(ThemeError(file: file, line: line, message: message))
        }

        mutating func roleSpec(_ table: TOMLTable, role: ThemeRole) -> RoleSpec {
            var spec = RoleSpec()
            for (key, value) in table.entries {
                let path = [role.rawValue, key]
                guard let value else {
                    report([role.rawValue], "a key in [\(role.rawValue)] has a NUL character in it")
                    continue
                }
                switch key {
                case "fg": spec.foreground = colour(value, path: path)
                case "bg": spec.background = colour(value, path: path)
                case "attributes": spec.attributes = attributes(value, path: path)
                default: report(path, "unknown key \"\(key)\" in [\(role.rawValue)]; expected fg, bg or attributes")
                }
            }
            return spec
        }

        private mutating func colour(_ value: TOMLValueConvertible, path: [String]) -> Color? {
            if let text = value.string, let colour = ThemeValues.colour(text) { return colour }
            if value.type == .int, let colour = value.int.flatMap(ThemeValues.colour(index:)) { return colour }
            report(path, "bad colour \(value.debugDescription) for \(path[1]) in [\(path[0])]; "
                + "expected \"default\", a name such as \"red\" or \"bright-blue\", \"#rrggbb\", or 0 to 255")
            return nil
        }

        private mutating func attributes(_ value: TOMLValueConvertible, path: [String]) -> CellAttributes? {
            guard let array = value.array else {
                report(path, "attributes in [\(path[0])] must be a list, such as [\"bold\", \"underline\"]")
                return nil
            }
            var attributes: CellAttributes = []
            var valid = true
            for element in array {
                if let name = element.string, let attribute = ThemeValues.attribute(name) {
                    attributes.insert(attribute)
                } else {
                    valid = false
                    let known = ThemeValues.attributeNames.map(\.0).joined(separator: ", ")
                    report(path, containing: element.string ?? element.debugDescription,
                           "unknown attribute \(element.debugDescription) in [\(path[0])]; known: \(known)")
                }
            }
            return valid ? attributes : nil
        }
    }
}

extension Theme {
    /// A theme from the TOML text of a theme file; roles and attributes it leaves out
    /// are filled as the theme file format describes (see `Themes/README.md`).
    /// - Parameter file: the path or label errors name.
    public init(toml source: String, name: String, file: String) throws(ThemeError) {
        self = try ThemeParser.parse(source, name: name, file: file, base: .default)
    }
}
