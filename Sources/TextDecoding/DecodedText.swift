/// Text decoded from bytes, with the encoding used and what chose it.
public struct DecodedText: Sendable, Hashable {
    /// Where the encoding came from, in the order they are consulted.
    public enum Source: Sendable, Hashable {
        /// A byte order mark at the start of the bytes (it wins over any label).
        case byteOrderMark
        /// The `charset` given by the caller, usually from the Content-Type header.
        case contentType
        /// A `<meta charset>` in the first bytes of an HTML page.
        case metaPrescan
        /// Nothing said otherwise, so UTF-8.
        case defaultUTF8
    }

    public var text: String
    public var encoding: TextEncoding
    public var source: Source

    public init(text: String, encoding: TextEncoding, source: Source) {
        self.text = text
        self.encoding = encoding
        self.source = source
    }
}
