import Foundation
import Testing
import EVMSigning

@Suite struct KeyAndAddressTests {
    @Test func addressOfTheSpecKey() {
        #expect(testKey.address.description == "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A")
        #expect(testKey.publicKey.uncompressed.count == 65)
        #expect(testKey.publicKey.uncompressed[0] == 0x04)
    }

    @Test func publicKeyRoundTripsThroughBothForms() throws {
        let key = testKey.publicKey
        #expect(try PublicKey(bytes: key.compressed) == key)
        #expect(try PublicKey(bytes: key.uncompressed) == key)
        #expect(try PublicKey(hex: key.description) == key)
        #expect(throws: EVMSigningError.invalidPublicKey) { try PublicKey(bytes: [0x04] + [UInt8](repeating: 1, count: 64)) }
    }

    @Test func keyBytesRoundTrip() throws {
        let key = PrivateKey.generate()
        #expect(key.rawBytes.count == 32)
        let restored = try PrivateKey(rawBytes: key.rawBytes)
        #expect(restored == key)
        #expect(restored.address == key.address)
        #expect(try PrivateKey(hex: Hex.encode(key.rawBytes)) == key)
        #expect(PrivateKey.generate() != key)
    }

    @Test func rejectsInvalidKeys() {
        #expect(throws: EVMSigningError.invalidPrivateKey) { try PrivateKey(rawBytes: [UInt8](repeating: 0, count: 32)) }
        // The group order n itself is out of range; n - 1 is the largest key.
        let n = bytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
        let nMinusOne = bytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140")
        #expect(throws: EVMSigningError.invalidPrivateKey) { try PrivateKey(rawBytes: n) }
        #expect(throws: EVMSigningError.invalidPrivateKey) { try PrivateKey(rawBytes: [UInt8](repeating: 0xFF, count: 32)) }
        #expect((try? PrivateKey(rawBytes: nMinusOne)) != nil)
        #expect(throws: EVMSigningError.wrongLength) { try PrivateKey(rawBytes: [UInt8](repeating: 0x11, count: 31)) }
    }

    @Test func privateKeyIsNeverPrinted() {
        let secretHex = Hex.encode(testKey.rawBytes, prefix: false)
        var dumped = ""
        dump(testKey, to: &dumped)
        for text in ["\(testKey)", String(describing: testKey), String(reflecting: testKey), dumped] {
            #expect(!text.contains(secretHex))
            #expect(!text.contains("1111111111"))
            #expect(text.contains("redacted") || text.contains("address"))
        }
    }

    /// The mixed-case examples of EIP-55, and its all-caps and all-lower ones whose checksum
    /// happens to leave them unchanged.
    @Test(arguments: [
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
    ])
    func eip55Checksums(_ expected: String) throws {
        let fromLower = try EthereumAddress(hex: expected.lowercased())
        #expect(fromLower.description == expected)
        #expect(try EthereumAddress(hex: expected) == fromLower)
        #expect(EthereumAddress.hasValidChecksum(expected))
    }

    @Test func parsingIsCaseInsensitiveByBytes() throws {
        let checksummed = try EthereumAddress(hex: "0x209693Bc6afc0C5328bA36FaF03C514EF312287C")
        let lower = try EthereumAddress(hex: "209693bc6afc0c5328ba36faf03c514ef312287c")
        let upper = try EthereumAddress(hex: "0x209693BC6AFC0C5328BA36FAF03C514EF312287C")
        #expect(checksummed == lower)
        #expect(lower == upper)
        #expect(Set([checksummed, lower, upper]).count == 1)
        #expect(lower.lowercaseHex == "0x209693bc6afc0c5328ba36faf03c514ef312287c")
        #expect(lower.rawBytes.count == 20)
    }

    @Test func rejectsBadChecksumAndBadLength() {
        // One letter's case flipped.
        #expect(throws: EVMSigningError.badChecksum) { try EthereumAddress(hex: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD") }
        #expect(!EthereumAddress.hasValidChecksum("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
        #expect(!EthereumAddress.hasValidChecksum("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))
        #expect(throws: EVMSigningError.wrongLength) { try EthereumAddress(hex: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA") }
        #expect(throws: EVMSigningError.invalidHex) { try EthereumAddress(hex: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeZ") }
        #expect(throws: EVMSigningError.wrongLength) { try EthereumAddress(rawBytes: [1, 2, 3]) }
    }

    @Test func addressCodesAsItsChecksummedString() throws {
        let address = try EthereumAddress(hex: "0x209693bc6afc0c5328ba36faf03c514ef312287c")
        let json = try JSONEncoder().encode([address])
        #expect(String(decoding: json, as: UTF8.self) == #"["0x209693Bc6afc0C5328bA36FaF03C514EF312287C"]"#)
        #expect(try JSONDecoder().decode([EthereumAddress].self, from: json) == [address])
        let badChecksum = Data(#"["0x209693bc6afc0C5328bA36FaF03C514EF312287C"]"#.utf8)
        #expect(throws: EVMSigningError.badChecksum) { try JSONDecoder().decode([EthereumAddress].self, from: badChecksum) }
    }
}
