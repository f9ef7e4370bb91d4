import Testing
import TextDecoding

/// Broken bytes become U+FFFD and everything after them is still decoded.
@Suite("Invalid bytes")
struct InvalidBytesTests {
    @Test func invalidUTF8() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x28, 0x63, 0xE2, 0x82, 0x64, 0xF0, 0x9F, 0x98, 0x80]
        #expect(TextDecoder.decode(bytes).text == "a\u{FFFD}b\u{FFFD}(c\u{FFFD}d😀")
    }

    @Test func truncatedUTF8AtTheEnd() {
        #expect(TextDecoder.decode([0x61, 0xE6, 0x97]).text == "a\u{FFFD}")
    }

    @Test func shiftJISLeadByteFollowedByASCIIKeepsTheASCII() {
        // 0x93 needs a trail byte; "<" cannot be one.
        let bytes: [UInt8] = [0x93, 0xFA, 0x93, 0x3C, 0x70, 0x3E, 0x96, 0x7B]
        #expect(TextDecoder.decode(bytes, charset: "shift_jis").text == "日\u{FFFD}<p>本")
    }

    @Test func shiftJISTruncatedAtTheEnd() {
        #expect(TextDecoder.decode([0x93, 0xFA, 0x96], charset: "shift_jis").text == "日\u{FFFD}")
    }

    @Test func invalidEUCKRSequenceIsReplaced() {
        let bytes: [UInt8] = [0xC7, 0xD1, 0xFF, 0x41, 0xB1, 0xB9]
        #expect(TextDecoder.decode(bytes, charset: "euc-kr").text == "한\u{FFFD}A국")
    }

    @Test func invalidGB18030SequenceIsReplaced() {
        let bytes: [UInt8] = [0xD6, 0xD0, 0x80, 0x41, 0xCE, 0xC4]
        let text = TextDecoder.decode(bytes, charset: "gb18030").text
        #expect(text.hasPrefix("中"))
        #expect(text.contains("\u{FFFD}"))
        #expect(text.hasSuffix("A文"))
    }

    @Test func undefinedISO8859ByteIsReplaced() {
        // 0xA5 is unassigned in ISO-8859-3.
        #expect(TextDecoder.decode([0x61, 0xA5, 0x62], charset: "iso-8859-3").text == "a\u{FFFD}b")
    }

    @Test func longInputWithScatteredErrorsKeepsEverything() {
        var bytes: [UInt8] = []
        var expected = ""
        for index in 0..<5000 {
            bytes += [0x93, 0xFA]  // 日
            expected += "日"
            if index % 100 == 0 {
                bytes.append(0xFF)
                expected += "\u{FFFD}"
            }
        }
        #expect(TextDecoder.decode(bytes, charset: "sjis").text == expected)
    }
}
