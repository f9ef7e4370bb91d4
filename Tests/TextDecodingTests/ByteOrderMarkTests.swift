import Testing
import TextDecoding

@Suite("Byte order marks")
struct ByteOrderMarkTests {
    @Test func utf8MarkIsRemovedAndBeatsTheLabel() {
        let decoded = TextDecoder.decode([0xEF, 0xBB, 0xBF, 0x63, 0x61, 0x66, 0xC3, 0xA9], charset: "windows-1252")
        #expect(decoded.text == "café")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.source == .byteOrderMark)
    }

    @Test func utf16LittleEndian() {
        let decoded = TextDecoder.decode([0xFF, 0xFE, 0x48, 0x00, 0xE9, 0x00, 0x3D, 0xD8, 0x00, 0xDE], charset: "utf-8")
        #expect(decoded.text == "Hé😀")
        #expect(decoded.encoding == .utf16LE)
        #expect(decoded.source == .byteOrderMark)
    }

    @Test func utf16BigEndianBeatsMeta() {
        let html = #"<meta charset="shift_jis">日本"#
        let bytes: [UInt8] = [0xFE, 0xFF] + html.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let decoded = TextDecoder.decode(bytes, sniffHTML: true)
        #expect(decoded.text == html)
        #expect(decoded.encoding == .utf16BE)
    }

    @Test func oddUTF16TailAndLoneSurrogateBecomeReplacementCharacters() {
        let decoded = TextDecoder.decode([0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8, 0x42, 0x00, 0x43])
        #expect(decoded.text == "A\u{FFFD}B\u{FFFD}")
    }

    @Test func emptyInput() {
        #expect(TextDecoder.decode([]).text == "")
        #expect(TextDecoder.decode([0xEF, 0xBB, 0xBF]).text == "")
        #expect(TextDecoder.decode([], charset: "shift_jis").text == "")
    }
}
