import Testing
import TextDecoding

@Suite("<meta> charset prescan")
struct MetaPrescanTests {
    private let shiftJISBody: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA]  // 日本語

    private func page(_ head: String) -> [UInt8] {
        Array(head.utf8) + shiftJISBody
    }

    @Test func metaCharsetAttribute() {
        let decoded = TextDecoder.decode(page(#"<!doctype html><html><head><META CharSet="Shift_JIS"></head>"#),
                                         sniffHTML: true)
        #expect(decoded.text.hasSuffix("日本語"))
        #expect(decoded.encoding == .shiftJIS)
        #expect(decoded.source == .metaPrescan)
    }

    @Test func unquotedAndSelfClosing() {
        #expect(TextDecoder.decode(page("<meta charset=sjis />"), sniffHTML: true).encoding == .shiftJIS)
        #expect(TextDecoder.decode(page("<meta charset='x-sjis' >"), sniffHTML: true).encoding == .shiftJIS)
    }

    @Test func httpEquivContentType() {
        let head = #"<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">"#
        let decoded = TextDecoder.decode(page(head), sniffHTML: true)
        #expect(decoded.encoding == .shiftJIS)
        #expect(decoded.text.hasSuffix("日本語"))
    }

    @Test func contentAttributeBeforeHttpEquivAndQuotedCharset() {
        let head = #"<meta content='text/html;charset="EUC-KR"' http-equiv=content-type>"#
        #expect(TextDecoder.decode(Array(head.utf8), sniffHTML: true).encoding == .eucKR)
    }

    @Test func contentWithoutHttpEquivIsIgnored() {
        let decoded = TextDecoder.decode(page(#"<meta content="text/html; charset=shift_jis">"#), sniffHTML: true)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.source == .defaultUTF8)
    }

    @Test func metaInsideACommentIsIgnored() {
        let decoded = TextDecoder.decode(page(#"<!-- <meta charset="shift_jis"> --><p>"#), sniffHTML: true)
        #expect(decoded.encoding == .utf8)
    }

    @Test func greaterThanInsideAnotherTagsAttributeDoesNotEndIt() {
        // A naive scan would see `<meta charset=koi8-r>` inside the title attribute.
        let head = #"<a title='x > <meta charset=koi8-r>'>link</a><meta charset="shift_jis">"#
        #expect(TextDecoder.decode(page(head), sniffHTML: true).encoding == .shiftJIS)
    }

    @Test func firstUsableMetaWins() {
        let head = #"<meta charset="nonsense"><meta charset="euc-kr"><meta charset="shift_jis">"#
        #expect(TextDecoder.decode(page(head), sniffHTML: true).encoding == .eucKR)
    }

    @Test func utf16InAMetaMeansUTF8() {
        let decoded = TextDecoder.decode(Array(#"<meta charset="utf-16"><p>é"#.utf8), sniffHTML: true)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text.hasSuffix("é"))
    }

    @Test func metaFarIntoThePageIsNotSeen() {
        let padding = "<!--" + String(repeating: "x", count: 5000) + "-->"
        let decoded = TextDecoder.decode(page(padding + #"<meta charset="shift_jis">"#), sniffHTML: true)
        #expect(decoded.encoding == .utf8)
    }

    @Test func contentTypeCharsetWinsOverMeta() {
        let bytes: [UInt8] = Array(#"<meta charset="shift_jis">"#.utf8) + [0xE9]
        let decoded = TextDecoder.decode(bytes, charset: "latin1", sniffHTML: true)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text.hasSuffix("é"))
    }

    @Test func withoutSniffingTheMetaIsIgnored() {
        let decoded = TextDecoder.decode(page(#"<meta charset="shift_jis">"#), sniffHTML: false)
        #expect(decoded.encoding == .utf8)
    }
}
