#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TOMLKit
import TOMLLines

/// Reads `config.toml`. Every problem becomes a warning and that setting keeps its
/// default; the rest of the file still applies.
public enum ConfigLoader {
    /// The longest timeout accepted, in seconds (a day).
    static let maximumTimeout = 86_400.0

    /// Reads the config file at `path`; a file that does not exist gives the defaults and no warnings.
    public static func load(path: String) -> (config: Config, warnings: [ConfigWarning]) {
        guard FileManager.default.fileExists(atPath: path) else { return (Config(), []) }
        do {
            return parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        } catch {
            return (Config(), [ConfigWarning(file: path, line: nil,
                                             message: "cannot read the config file as UTF-8 text; using the defaults")])
        }
    }

    /// Reads config text; `file` is the name warnings give.
    public static func parse(_ source: String, file: String) -> (config: Config, warnings: [ConfigWarning]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            return (Config(), [ConfigWarning(file: file, line: error.source.begin.line,
                                             message: "TOML syntax: \(error.description); using the defaults")])
        } catch {
            return (Config(), [ConfigWarning(file: file, line: nil,
                                             message: "TOML syntax: \(error); using the defaults")])
        }
        var reader = ConfigReader(file: file, lines: TOMLSourceLines(source))
        let config = reader.read(table)
        let warnings = reader.warnings.sorted { ($0.line ?? .max) < ($1.line ?? .max) }
        return (config, warnings)
    }
}

/// Reads the settings of a parsed config file, collecting warnings.
private struct ConfigReader {
    let file: String
    let lines: TOMLSourceLines
    var warnings: [ConfigWarning] = []

    mutating func read(_ table: TOMLTable) -> Config {
        var config = Config()
        for (key, value) in table.entries {
            guard let value else {
                warn([], "a setting's name has a NUL character in it")
                continue
            }
            switch key {
            case "home-page":
                guard let text = string(value, path: [key]) else { continue }
                if text.isEmpty {
                    config.homePage = nil
                } else if HomePage.isAbsoluteURL(text) {
                    config.homePage = text
                } else {
                    warn([key], "home-page \(value.debugDescription) is not an absolute URL such as "
                        + "\"https://example.com/\"; using the start page")
                }
            case "theme":
                guard let text = string(value, path: [key]) else { continue }
                if text.isEmpty {
                    warn([key], "theme is empty; using \"\(config.theme)\"")
                } else {
                    config.theme = text
                }
            case "timeouts":
                guard let timeouts = subtable(value, path: [key]) else { continue }
                config.timeouts = read(timeouts: timeouts, defaults: config.timeouts)
            case "keys":
                guard let keys = subtable(value, path: [key]) else { continue }
                config.keys = read(keys: keys, defaults: config.keys)
            case "payments":
                guard let payments = subtable(value, path: [key]) else { continue }
                config.payments = read(payments: payments)
            default:
                warn([key], "unknown setting \"\(key)\"; known: home-page, theme, [timeouts], [keys], [payments]")
            }
        }
        return config
    }

    private mutating func read(timeouts table: TOMLTable, defaults: Config.Timeouts) -> Config.Timeouts {
        var timeouts = defaults
        for (key, value) in table.entries {
            let path = ["timeouts", key]
            guard let value else {
                warn(["timeouts"], "a setting's name in [timeouts] has a NUL character in it")
                continue
            }
            let target: WritableKeyPath<Config.Timeouts, Duration>
            switch key {
            case "connect": target = \.connect
            case "page": target = \.page
            default:
                warn(path, "unknown setting \"\(key)\" in [timeouts]; known: connect, page")
                continue
            }
            let seconds: Double? = switch value.type {
            case .int: value.int.map(Double.init)
            case .double: value.double
            default: nil
            }
            guard let seconds else {
                warn(path, "timeouts.\(key) must be a number of seconds, not \(value.type); "
                    + "using \(defaults[keyPath: target])")
                continue
            }
            guard seconds > 0, seconds <= ConfigLoader.maximumTimeout else {
                warn(path, "timeouts.\(key) = \(value.debugDescription) is out of range: it must be more than 0 "
                    + "and at most \(Int(ConfigLoader.maximumTimeout)) seconds; using \(defaults[keyPath: target])")
                continue
            }
            timeouts[keyPath: target] = .seconds(seconds)
        }
        return timeouts
    }

    private mutating func read(payments table: TOMLTable) -> Config.Payments {
        var payments = Config.Payments()
        for (key, value) in table.entries {
            let path = ["payments", key]
            guard let value else {
                warn(["payments"], "a setting's name in [payments] has a NUL character in it")
                continue
            }
            switch key {
            case "max-per-payment", "daily-cap":
                guard let text = string(value, path: path) else { continue }
                guard Self.isDecimalAmount(text) else {
                    warn(path, "payments.\(key) = \(value.debugDescription) is not an amount such as \"0.50\"; no limit set")
                    continue
                }
                if key == "max-per-payment" { payments.maxPerPayment = text } else { payments.dailyCap = text }
            case "blocked-payees":
                guard let array = value.array else {
                    warn(path, "payments.blocked-payees must be a list of addresses")
                    continue
                }
                for item in array {
                    if let text = item.string, text.hasPrefix("0x"), text.count == 42 {
                        payments.blockedPayees.append(text.lowercased())
                    } else {
                        warn(path, "payments.blocked-payees has \(item.debugDescription), which is not a 0x address")
                    }
                }
            default:
                warn(path, "unknown setting \"\(key)\" in [payments]; known: max-per-payment, daily-cap, blocked-payees")
            }
        }
        return payments
    }

    /// "0.50", "2", "1.000001": digits with at most one point.
    static func isDecimalAmount(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, text.count <= 40 else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } } && !(parts.count == 2 && parts[1].isEmpty)
    }

    private mutating func read(keys table: TOMLTable,
                               defaults: [String: BrowserAction]) -> [String: BrowserAction] {
        var keys = defaults
        for (name, value) in table.entries {
            let path = ["keys", name]
            guard let value else {
                warn(["keys"], "a key name in [keys] has a NUL character in it")
                continue
            }
            guard let key = KeyName(name) else {
                warn(path, "unknown key name \"\(name)\" in [keys]; use names such as j, G, C-n, M-x, Enter, "
                    + "S-Tab, PageDown or F1")
                continue
            }
            guard let actionName = string(value, path: path) else { continue }
            if actionName == "none" {
                keys[key.description] = nil
            } else if let action = BrowserAction(rawValue: actionName) {
                keys[key.description] = action
            } else {
                warn(path, "unknown action \"\(actionName)\" for \(key) in [keys]; use \"none\" to unbind, "
                    + "or one of: " + BrowserAction.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        return keys
    }

    private mutating func string(_ value: TOMLValueConvertible, path: [String]) -> String? {
        if let text = value.string { return text }
        warn(path, "\(path.joined(separator: ".")) must be a string, not \(value.type)")
        return nil
    }

    private mutating func subtable(_ value: TOMLValueConvertible, path: [String]) -> TOMLTable? {
        if let table = value.table { return table }
        warn(path, "\(path.joined(separator: ".")) must be a table: [\(path.joined(separator: "."))]")
        return nil
    }

    private mutating func warn(_ path: [String], _ message: String) {
        warnings.append(ConfigWarning(file: file, line: lines.line(of: path), message: message))
    }
}
