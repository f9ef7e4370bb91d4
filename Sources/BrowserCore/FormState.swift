import HTTPModel
import PageLayout
import TerminalText
import TextDecoding
import WebAddress

/// What the user changed in a page's form fields.
public enum FieldValue: Equatable, Sendable {
    case text(String)
    case checked(Bool)
    /// Indices of the selected options.
    case selected([Int])
}

extension HistoryEntry {
    /// The current value of a field: the user's edit, else the page's initial state.
    public func value(of index: Int) -> FieldValue {
        if let edited = formValues[index] { return edited }
        return HistoryEntry.initialValue(of: page?.fields[index])
    }
}

/// Building the request a form submits, as HTML's form submission algorithm does for
/// `application/x-www-form-urlencoded`.
enum FormSubmission {
    /// The name/value pairs of the form's successful controls, in document order.
    static func pairs(form: Int, submitter: Int?, entry: HistoryEntry) -> [(name: String, value: String)] {
        guard let page = entry.page else { return [] }
        var pairs: [(name: String, value: String)] = []
        for (index, field) in page.fields.enumerated() where field.form == form && !field.disabled && !field.name.isEmpty {
            switch field.kind {
            case .submit, .image, .button, .reset:
                if index == submitter && field.kind != .reset {
                    if field.kind == .image {
                        pairs.append((field.name + ".x", "0"))
                        pairs.append((field.name + ".y", "0"))
                    } else {
                        pairs.append((field.name, field.value))
                    }
                }
            case .checkbox, .radio:
                if case .checked(true) = entry.value(of: index) {
                    pairs.append((field.name, field.value.isEmpty ? "on" : field.value))
                }
            case .select:
                if case .selected(let chosen) = entry.value(of: index) {
                    for option in chosen where field.options.indices.contains(option) {
                        pairs.append((field.name, field.options[option].value))
                    }
                }
            case .file:
                pairs.append((field.name, ""))
            case .text, .password, .textarea, .hidden:
                if case .text(let text) = entry.value(of: index) {
                    // Textareas submit CR LF line breaks.
                    let value = field.kind == .textarea ? text.split(separator: "\n", omittingEmptySubsequences: false)
                        .joined(separator: "\r\n") : text
                    pairs.append((field.name, value))
                }
            }
        }
        return pairs
    }

    /// The request for submitting `form`, or nil when its action cannot be used.
    static func request(form index: Int, submitter: Int?, entry: HistoryEntry) -> HTTPRequest? {
        guard let page = entry.page, page.forms.indices.contains(index) else { return nil }
        let form = page.forms[index]
        let action = form.action.isEmpty ? entry.url : form.action
        guard var url = AbsoluteURL(action) else { return nil }
        // The form's accept-charset (its first usable label), else the page's own encoding.
        let labels = (form.charset ?? "").split { $0 == " " || $0 == "," }.map(String.init)
        let encoding = labels.compactMap { TextEncoding(label: $0) }.first
            ?? page.encoding.flatMap { TextEncoding(label: $0) } ?? .utf8
        let body = FormEncoding.urlencoded(pairs(form: index, submitter: submitter, entry: entry), encoding: encoding)
        if form.method == "post" {
            var headers = HTTPHeaders()
            headers.add("Content-Type", FormURLEncoding.contentType)
            return HTTPRequest(url: url.withoutFragment.description, method: .post, headers: headers, body: Array(body.utf8))
        }
        url = AbsoluteURL(url.withoutFragment.description.split(separator: "?", maxSplits: 1).first.map(String.init) ?? action) ?? url
        return HTTPRequest(url: url.description + "?" + body)
    }
}

/// `application/x-www-form-urlencoded` in a chosen encoding.
public enum FormEncoding {
    static func urlencoded(_ pairs: [(name: String, value: String)], encoding: TextEncoding) -> String {
        pairs.map { component($0.name, encoding) + "=" + component($0.value, encoding) }.joined(separator: "&")
    }

    private static let hex = Array("0123456789ABCDEF")

    /// Bytes in the encoding, then percent-encoded; spaces become "+".
    public static func component(_ text: String, _ encoding: TextEncoding) -> String {
        var result = ""
        for byte in TextEncoder.encode(text, as: encoding) {
            switch byte {
            case UInt8(ascii: " "): result.append("+")
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result.append("%")
                result.append(hex[Int(byte >> 4)])
                result.append(hex[Int(byte & 0xF)])
            }
        }
        return result
    }
}

/// How a field looks with its current value, in the cells the layout gave it.
enum FieldRendering {
    static func text(_ field: FormField, _ value: FieldValue, width: Int, row: Int = 0) -> String {
        switch (field.kind, value) {
        case (.checkbox, .checked(let on)): return on ? "[x]" : "[ ]"
        case (.radio, .checked(let on)): return on ? "(*)" : "( )"
        case (.select, .selected(let chosen)):
            let label = chosen.filter { field.options.indices.contains($0) }.map { field.options[$0].label }.joined(separator: ", ")
            return "[" + fit(label, width - 4, fill: " ") + " ▾]"
        case (.textarea, .text(let text)):
            let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
            return "[" + fit(row < rows.count ? String(rows[row]) : "", width - 2, fill: "_") + "]"
        case (.password, .text(let text)):
            return "[" + fit(String(repeating: "*", count: text.count), width - 2, fill: "_") + "]"
        case (_, .text(let text)):
            return "[" + fit(text, width - 2, fill: "_") + "]"
        default:
            return String(repeating: " ", count: width)
        }
    }

    /// Text cut or padded to exactly `width` cells; a long value shows its end, where the typing is.
    static func fit(_ text: String, _ width: Int, fill: Character) -> String {
        guard width > 0 else { return "" }
        let safe = Array(TerminalSafe.sanitize(text).unicodeScalars)
        var start = 0
        var total = safe.reduce(0) { $0 + DisplayWidth.of($1) }
        while total > width && start < safe.count {
            total -= DisplayWidth.of(safe[start])
            start += 1
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: safe[start...])
        return String(result) + String(repeating: fill, count: max(width - total, 0))
    }
}
