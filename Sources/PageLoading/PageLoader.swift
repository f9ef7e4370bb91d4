import GumboHTML
import HTMLDocument
import HTTPModel
import NativeHTML
import PageLayout
import TextDecoding
import WebAddress

/// Turns a response into what the user sees: HTML laid out, JSON pretty-printed,
/// other text as it is, binary content kept off the terminal.
public struct PageLoader: Sendable {
    let parser: any HTMLParser

    /// The native parser, with gumbo for the pages it does not model.
    public init(parser: any HTMLParser = NativeHTMLParser(fallback: GumboParser())) {
        self.parser = parser
    }

    /// The document and the name of the encoding it was read in. The decoded text is freed
    /// on return, before layout: a big page would otherwise hold it through layout too.
    private func parse(_ body: [UInt8], charset: String?) -> (Document, String) {
        let decoded = TextDecoder.decode(body, charset: charset, sniffHTML: true)
        return (parser.parse(decoded.text), decoded.encoding.name)
    }

    /// Lays out a response body at `options.width`.
    public func content(of response: HTTPResponse, options: LayoutOptions) -> PageContent {
        let kind = ContentKind.of(mediaType: response.mediaType, body: response.body)
        let url = AbsoluteURL(response.finalURL)
        let charset = response.mediaType?.charset
        switch kind {
        case .binary:
            return .binary(mediaType: response.mediaType?.essence ?? "application/octet-stream", size: response.body.count)
        case .html:
            let (document, encoding) = parse(response.body, charset: charset)
            var page = PageLayout.render(document, url: url, options: options)
            page.encoding = encoding
            return .page(page)
        case .json:
            let decoded = TextDecoder.decode(response.body, charset: charset ?? "utf-8", sniffHTML: false)
            return .page(PageLayout.render(json: decoded.text, title: PageLoader.title(for: url), options: options))
        case .text:
            let decoded = TextDecoder.decode(response.body, charset: charset, sniffHTML: false)
            return .page(PageLayout.render(plainText: decoded.text, title: PageLoader.title(for: url), options: options))
        }
    }

    /// A title for pages that have none of their own: the last part of the URL's path.
    static func title(for url: AbsoluteURL?) -> String {
        guard let url else { return "" }
        return url.path.split(separator: "/").last.map(String.init) ?? url.description
    }
}
