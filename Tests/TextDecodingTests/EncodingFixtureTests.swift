import Testing
import TextDecoding

/// Real bytes in each encoding, labelled as servers label them.
@Suite("Encodings from a Content-Type charset")
struct EncodingFixtureTests {
    @Test func latin1IsReadAsWindows1252() {
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x61, 0xEF, 0x76, 0x65, 0x20, 0xA9, 0x20, 0x80]
        let decoded = TextDecoder.decode(bytes, charset: "ISO-8859-1")
        // 0x80 is not in ISO-8859-1; browsers (and Penny) read it as windows-1252's euro sign.
        #expect(decoded.text == "café naïve © €")
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.source == .contentType)
    }

    @Test func windows1252QuotesDashesAndUndefinedBytes() {
        let bytes: [UInt8] = [0x93, 0x51, 0x75, 0x6F, 0x74, 0x65, 0x94, 0x20, 0x80, 0x35, 0x20, 0x97, 0x20,
                              0x63, 0x61, 0x66, 0xE9, 0x81]
        let decoded = TextDecoder.decode(bytes, charset: "windows-1252")
        // 0x81 is unassigned; the standard maps it to the C1 control U+0081.
        #expect(decoded.text == "“Quote” €5 — café\u{81}")
        #expect(decoded.encoding.name == "windows-1252")
    }

    @Test func shiftJIS() {
        let bytes: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x83, 0x65, 0x83, 0x4C, 0x83, 0x58,
                              0x83, 0x67, 0x20, 0xB1, 0xB2, 0xB3, 0x5C]
        let decoded = TextDecoder.decode(bytes, charset: "Shift_JIS")
        // Half-width katakana, and 0x5C is a backslash (not a yen sign) as in browsers.
        #expect(decoded.text == "日本語のテキスト ｱｲｳ\\")
        #expect(decoded.encoding == .shiftJIS)
    }

    @Test func eucKRIncludingWindows949Extensions() {
        // 똠 (0x8C 0x63) exists only in the windows-949 extension browsers use for EUC-KR.
        let bytes: [UInt8] = [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE, 0x20, 0x8C, 0x63, 0xB9, 0xE6, 0xB0, 0xA2, 0xC7, 0xCF]
        let decoded = TextDecoder.decode(bytes, charset: "euc-kr")
        #expect(decoded.text == "한국어 똠방각하")
        #expect(decoded.encoding == .eucKR)
    }

    @Test func gb18030WithFourByteSequences() {
        let bytes: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xBC, 0xF2, 0xCC, 0xE5, 0x20, 0xA8, 0xA6, 0x94, 0x39, 0xFC, 0x36]
        let decoded = TextDecoder.decode(bytes, charset: "gb18030")
        #expect(decoded.text == "中文简体 é😀")
        #expect(decoded.encoding == .gb18030)
    }

    @Test(arguments: ["gb2312", "GBK", "x-gbk", "chinese"])
    func gbkLabelsDecodeAsGB18030(label: String) {
        let decoded = TextDecoder.decode([0xD6, 0xD0, 0xCE, 0xC4], charset: label)
        #expect(decoded.text == "中文")
        #expect(decoded.encoding == .gb18030)
    }

    @Test func big5() {
        let decoded = TextDecoder.decode([0xA4, 0xA4, 0xA4, 0xE5, 0xC1, 0x63, 0xC5, 0xE9], charset: "big5")
        #expect(decoded.text == "中文繁體")
        #expect(decoded.encoding == .big5)
    }

    @Test func eucJP() {
        let decoded = TextDecoder.decode([0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC], charset: "EUC-JP")
        #expect(decoded.text == "日本語")
    }

    @Test func iso2022JPIsStateful() {
        let bytes: [UInt8] = [0x61, 0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x1B, 0x28, 0x42, 0x62]
        let decoded = TextDecoder.decode(bytes, charset: "iso-2022-jp")
        #expect(decoded.text == "a日本語b")
    }

    @Test func koi8R() {
        let bytes: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x2C, 0x20, 0xCD, 0xC9, 0xD2]
        let decoded = TextDecoder.decode(bytes, charset: "koi8-r")
        #expect(decoded.text == "Привет, мир")
        #expect(decoded.encoding.name == "KOI8-R")
    }

    @Test func windows1258AccentsArePrecomposed() {
        // "Tiếng" as Vietnamese pages write it: ê (0xEA) then a combining acute (0xEC).
        // iconv composes the pair into one character, which a terminal draws more reliably;
        // the text is canonically the same as the standard's uncomposed result.
        let decoded = TextDecoder.decode([0x54, 0x69, 0xEA, 0xEC, 0x6E, 0x67], charset: "windows-1258")
        #expect(decoded.text == "Ti\u{EA}\u{301}ng")
        #expect(Array(decoded.text.unicodeScalars) == ["T", "i", "\u{1EBF}", "n", "g"])
    }

    @Test func isoLatin2() {
        // "Łódź" in ISO-8859-2.
        let decoded = TextDecoder.decode([0xA3, 0xF3, 0x64, 0xBC], charset: "latin2")
        #expect(decoded.text == "Łódź")
        #expect(decoded.encoding.name == "ISO-8859-2")
    }

    @Test func replacementEncodingsYieldOneReplacementCharacter() {
        let decoded = TextDecoder.decode([0x1B, 0x24, 0x29, 0x43, 0x41], charset: "iso-2022-kr")
        #expect(decoded.text == "\u{FFFD}")
        #expect(decoded.encoding == .replacement)
    }

    @Test func xUserDefinedMapsHighBytesToPrivateUse() {
        let decoded = TextDecoder.decode([0x41, 0x80, 0xFF], charset: "x-user-defined")
        #expect(decoded.text == "A\u{F780}\u{F7FF}")
    }

    @Test func utf16LabelsWithoutBOM() {
        #expect(TextDecoder.decode([0x41, 0x00, 0xE9, 0x00], charset: "utf-16").text == "Aé")
        #expect(TextDecoder.decode([0x00, 0x41, 0x00, 0xE9], charset: "UTF-16BE").text == "Aé")
    }
}
