import Testing
import TextDecoding

@Suite("Encoding labels")
struct LabelTests {
    @Test(arguments: [
        ("utf-8", "UTF-8"), ("UTF8", "UTF-8"), ("  utf-8\t", "UTF-8"),
        ("latin1", "windows-1252"), ("ISO-8859-1", "windows-1252"), ("us-ascii", "windows-1252"),
        ("ascii", "windows-1252"), ("cp1252", "windows-1252"),
        ("sjis", "Shift_JIS"), ("x-sjis", "Shift_JIS"), ("windows-31j", "Shift_JIS"), ("Shift-JIS", "Shift_JIS"),
        ("euc-kr", "EUC-KR"), ("ks_c_5601-1987", "EUC-KR"), ("korean", "EUC-KR"),
        ("gb2312", "gb18030"), ("GBK", "gb18030"), ("big5-hkscs", "Big5"),
        ("koi8", "KOI8-R"), ("koi8-u", "KOI8-U"), ("utf-16", "UTF-16LE"), ("unicodefffe", "UTF-16BE"),
        ("iso-8859-9", "windows-1254"), ("tis-620", "windows-874"), ("hz-gb-2312", "replacement"),
    ])
    func knownLabels(label: String, name: String) {
        #expect(TextEncoding(label: label)?.name == name)
    }

    @Test(arguments: ["x-klingon", "", "utf-9", "latin 1", "utf-8;"])
    func unknownLabels(label: String) {
        #expect(TextEncoding(label: label) == nil)
    }

    @Test func unknownLabelFallsBackToUTF8() {
        let decoded = TextDecoder.decode(Array("naïve".utf8), charset: "x-klingon")
        #expect(decoded.text == "naïve")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.source == .defaultUTF8)
    }

    @Test func unknownLabelStillLetsTheMetaDecide() {
        let page: [UInt8] = Array(#"<meta charset="koi8-r"><p>"#.utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        let decoded = TextDecoder.decode(page, charset: "no-such-charset", sniffHTML: true)
        #expect(decoded.text.hasSuffix("Привет"))
        #expect(decoded.source == .metaPrescan)
    }
}
