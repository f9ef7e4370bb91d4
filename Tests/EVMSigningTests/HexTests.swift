import Testing
import EVMSigning

@Suite struct HexTests {
    @Test func encodesLowerCaseWithPrefix() {
        #expect(Hex.encode([0x00, 0xAB, 0x7F]) == "0x00ab7f")
        #expect(Hex.encode([0xDE, 0xAD], prefix: false) == "dead")
        #expect(Hex.encode([]) == "0x")
    }

    @Test func decodesWithOrWithoutPrefixInEitherCase() throws {
        #expect(try Hex.decode("0x00ab7F") == [0x00, 0xAB, 0x7F])
        #expect(try Hex.decode("0XDEAD") == [0xDE, 0xAD])
        #expect(try Hex.decode("dead") == [0xDE, 0xAD])
        #expect(try Hex.decode("0x") == [])
        #expect(try Hex.decode("") == [])
    }

    @Test func rejectsOddLengthAndNonHex() {
        #expect(throws: EVMSigningError.invalidHex) { try Hex.decode("0xabc") }
        #expect(throws: EVMSigningError.invalidHex) { try Hex.decode("0xgg") }
        #expect(throws: EVMSigningError.invalidHex) { try Hex.decode(" 0xab") }
        #expect(throws: EVMSigningError.invalidHex) { try Hex.decode("0x0x") }
    }

    @Test func secureRandomGivesTheCountAskedForAndVaries() {
        #expect(SecureRandom.bytes(0).isEmpty)
        #expect(SecureRandom.bytes(13).count == 13)
        #expect(SecureRandom.bytes(32) != SecureRandom.bytes(32))
    }
}
