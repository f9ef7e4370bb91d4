import HTMLDocument

/// An HTML5 parser in Swift for the pages most of the web is made of, several times faster
/// than gumbo; a page using what it does not model (templates, foreign content, misnested
/// tables or formatting that needs the adoption agency…) is parsed by `fallback` instead.
public struct NativeHTMLParser: HTMLParser {
    let fallback: any HTMLParser

    public init(fallback: any HTMLParser) {
        self.fallback = fallback
    }

    public func parse(utf8 bytes: UnsafeRawBufferPointer) -> Document {
        Self.parseWithoutFallback(utf8: bytes) ?? fallback.parse(utf8: bytes)
    }

    /// The document, or nil when the page uses something the native parser does not model.
    public static func parseWithoutFallback(utf8 bytes: UnsafeRawBufferPointer) -> Document? {
        switch parseOrExplain(utf8: bytes) {
        case .success(let document): document
        case .failure: nil
        }
    }

    /// The document, or why the native parser leaves the page to the fallback.
    public static func parseOrExplain(utf8 bytes: UnsafeRawBufferPointer) -> Result<Document, NativeParserDeclined> {
        let input = bytes.bindMemory(to: UInt8.self)
        if let problem = InputCheck.problem(in: input) { return .failure(NativeParserDeclined(reason: problem)) }
        // The input stream turns CR LF and lone CR into LF before tokenizing.
        if input.contains(0x0D) {
            var normalized: [UInt8] = []
            normalized.reserveCapacity(input.count)
            var index = 0
            while index < input.count {
                let byte = input[index]
                if byte == 0x0D {
                    normalized.append(0x0A)
                    if index + 1 < input.count && input[index + 1] == 0x0A { index += 1 }
                } else {
                    normalized.append(byte)
                }
                index += 1
            }
            return normalized.withUnsafeBufferPointer { run($0) }
        }
        return run(input)
    }

    private static func run(_ input: UnsafeBufferPointer<UInt8>) -> Result<Document, NativeParserDeclined> {
        let builder = TreeBuilder()
        var tokenizer = Tokenizer(input: input)
        do {
            try tokenizer.run(into: builder)
        } catch {
            return .failure(NativeParserDeclined(reason: error.reason))
        }
        return .success(builder.document.finish())
    }
}

/// Why the native parser handed a page to its fallback.
public struct NativeParserDeclined: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
