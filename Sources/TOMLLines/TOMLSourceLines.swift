/// Where each key and table header sits in TOML source text.
///
/// TOMLKit's parsed values carry no positions, so messages about a value's meaning
/// find its line here. It understands table headers, bare, quoted and dotted keys,
/// comments and multi-line strings — enough for hand-written files.
public struct TOMLSourceLines {
    private let lines: [Substring]
    /// Key path (table path plus key) → 1-based line where it is defined.
    private var entries: [[String]: Int] = [:]
    /// Lines that start a key or a table header, ascending.
    private var entryLines: [Int] = []

    public init(_ source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var table: [String] = []
        var openMultiline: String?
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            if let delimiter = openMultiline {
                if rawLine.components(delimiter).count % 2 == 0 { openMultiline = nil }
                continue
            }
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let header = line.drop { $0 == "[" }
                guard let (path, _) = Self.keyPath(header) else { continue }
                table = path
                record(path, line: number)
            } else if let (path, rest) = Self.keyPath(line), rest.first == "=" {
                record(table + path, line: number)
                for delimiter in ["\"\"\"", "'''"] where rest.components(delimiter).count % 2 == 0 {
                    openMultiline = delimiter
                    break
                }
            }
        }
    }

    /// The line of a key or table, or of the nearest enclosing one that is written out.
    public func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = entries[path] { return line }
            path.removeLast()
        }
        return nil
    }

    /// The first line of the value at `path` that contains `text` (for an element of a
    /// multi-line array), else the line of `path`.
    public func line(of path: [String], containing text: String) -> Int? {
        guard let start = line(of: path) else { return nil }
        let end = entryLines.first { $0 > start }.map { $0 - 1 } ?? lines.count
        return (start...end).first { lines[$0 - 1].contains(text) } ?? start
    }

    private mutating func record(_ path: [String], line: Int) {
        if entries[path] == nil { entries[path] = line }
        entryLines.append(line)
    }

    /// A dotted key at the start of `text`, and what follows it (spaces skipped).
    private static func keyPath(_ text: Substring) -> ([String], Substring)? {
        var rest = text
        var path: [String] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let (key, after) = simpleKey(rest) else { return nil }
            path.append(key)
            rest = after.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "." else { return (path, rest) }
            rest = rest.dropFirst()
        }
    }

    /// A bare, "basic" or 'literal' key at the start of `text`, and the rest.
    private static func simpleKey(_ text: Substring) -> (String, Substring)? {
        switch text.first {
        case "\"":
            var key = ""
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let character = text[index]
                if character == "\"" { return (key, text[text.index(after: index)...]) }
                if character == "\\" {
                    index = text.index(after: index)
                    guard index < text.endIndex else { return nil }
                    switch text[index] {
                    case "n": key.append("\n")
                    case "t": key.append("\t")
                    case "r": key.append("\r")
                    case "b": key.append("\u{8}")
                    case "f": key.append("\u{C}")
                    case "u", "U":
                        let digits = text[index...].dropFirst().prefix(text[index] == "u" ? 4 : 8)
                        guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                            return nil
                        }
                        key.unicodeScalars.append(scalar)
                        index = digits.index(before: digits.endIndex)
                    default: key.append(text[index])
                    }
                } else {
                    key.append(character)
                }
                index = text.index(after: index)
            }
            return nil
        case "'":
            let body = text.dropFirst()
            guard let close = body.firstIndex(of: "'") else { return nil }
            return (String(body[..<close]), body[body.index(after: close)...])
        default:
            let key = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            return key.isEmpty ? nil : (String(key), text[key.endIndex...])
        }
    }
}

extension Substring {
    /// The pieces between occurrences of `separator`.
    fileprivate func components(_ separator: String) -> [Substring] {
        split(separator: separator, omittingEmptySubsequences: false)
    }
}
