import Testing
@testable import EVMSigning

@Suite struct EVMChargeTests {
    /// The nonce that binds an evm charge to its challenge; the hash value is from an
    /// independent Python Keccak of the same text.
    @Test func chargeNonceForAChallenge() {
        #expect(EVMCharge.nonceJSON(challengeID: "abc", realm: "127.0.0.1:4022") == #"["abc","127.0.0.1:4022"]"#)
        #expect(Hex.encode(EVMCharge.nonce(challengeID: "abc", realm: "127.0.0.1:4022"))
            == "0x3d7ec991752293b46644a8be2ad739467c079fe41f8a86735a8a8d1088f9683b")
        #expect(EVMCharge.nonce(challengeID: "abd", realm: "127.0.0.1:4022")
            != EVMCharge.nonce(challengeID: "abc", realm: "127.0.0.1:4022"))
    }

    /// Matches `JSON.stringify` (and Python's `json.dumps(..., ensure_ascii=False)`) byte for byte.
    @Test func jsonEscaping() {
        #expect(EVMCharge.jsonString("a\"b\\c") == #""a\"b\\c""#)
        #expect(EVMCharge.jsonString("\u{08}\u{0C}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(EVMCharge.jsonString("\u{01}\u{1F}\u{7F}") == "\"\\u0001\\u001f\u{7F}\"")
        #expect(EVMCharge.jsonString("é/😀") == "\"é/😀\"")
        #expect(EVMCharge.nonceJSON(challengeID: "x\"y", realm: "") == #"["x\"y",""]"#)
    }

    @Test func didPKH() throws {
        let address = try EthereumAddress(hex: "0x19e7e376e7c213b7e7e7e46cc70a5dd086daff2a")
        #expect(EVMCharge.didPKH(chainId: 84532, address: address)
            == "did:pkh:eip155:84532:0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A")
    }
}
