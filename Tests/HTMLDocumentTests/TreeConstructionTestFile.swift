import Foundation

/// One test of an html5lib tree-construction `.dat` file.
struct TreeConstructionTest {
    /// The input, with the final newline removed.
    var data: [UInt8] = []
    /// The expected tree dump, one string per line.
    var document: [String] = []
    var isFragment = false
    var isScriptOn = false
}

/// Reads the tests of one `.dat` file (format: the README.md next to them).
func readTreeConstructionTests(_ url: URL) throws -> [TreeConstructionTest] {
    let bytes = try [UInt8](Data(contentsOf: url))
    // Split on LF bytes, not Characters: Swift treats "\r\n" as one Character.
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    var tests: [TreeConstructionTest] = []
    var current: TreeConstructionTest?
    var section = ""
    var dataLines: [ArraySlice<UInt8>] = []

    func finish() {
        guard var test = current else { return }
        test.data = Array(dataLines.joined(separator: [UInt8(ascii: "\n")]))
        // The blank line between tests (and the file's final newline) is not part of the tree.
        while test.document.last == "" {
            test.document.removeLast()
        }
        tests.append(test)
    }

    for line in lines {
        let text = String(decoding: line, as: UTF8.self)
        if text == "#data" && section != "data" {
            finish()
            current = TreeConstructionTest()
            dataLines = []
            section = "data"
            continue
        }
        if text.hasPrefix("#"), ["errors", "new-errors", "document-fragment", "script-off", "script-on",
                                 "document"].contains(text.dropFirst()) {
            section = String(text.dropFirst())
            if section == "script-on" { current?.isScriptOn = true }
            if section == "document-fragment" { current?.isFragment = true }
            continue
        }
        switch section {
        case "data": dataLines.append(line)
        case "document": current?.document.append(text)
        default: break
        }
    }
    finish()
    return tests
}
