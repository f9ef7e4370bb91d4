import BigInt
import Testing
@testable import EVMSigning

@Suite struct EIP712Tests {
    let domain = try! EIP712Domain(
        name: "USDC", version: "2", chainId: 84532,
        verifyingContract: EthereumAddress(hex: "0x036CbD53842c5426634e7929541eC2318f3dCF7e"))

    var authorization: TransferAuthorization {
        try! TransferAuthorization(
            from: testKey.address, to: EthereumAddress(hex: "0x209693Bc6afc0C5328bA36FaF03C514EF312287C"),
            value: 10000, validAfter: 0, validBefore: 1_800_000_000, nonce: [UInt8](repeating: 0xAB, count: 32))
    }

    /// The shared x402 / EIP-3009 vector of 402-wire-formats.md. The separator and struct hash
    /// come from an independent Python computation that reproduces the spec's digest.
    @Test func eip3009Vector() {
        #expect(Hex.encode(domain.separator) == "0x71f17a3b2ff373b803d70a5a07c046c1a2bc8e89c09ef722fcb047abe94c9818")
        #expect(Hex.encode(authorization.structHash) == "0xec6c0d7c6c7b3a1f9d2560fa49275da5556760724cd1fe2baeaeb083f8c4df97")
        #expect(Hex.encode(authorization.digest(domain: domain))
            == "0x0009cfca4d5a3db2becb41e4752717bd115541274ebcb52f7e35576bf9e03abb")
        let signature = authorization.sign(with: testKey, domain: domain)
        #expect(signature.description
            == "0x42debeb1f2ef3b289f702d2db064768910af23abfa198391ce72f868081a439169cf85a0cc67dd81a9b1576e675338fc92ab2b861e52229efa6c393670b5d2941c")
        #expect(signature.v == 0x1c)
        #expect(authorization.recoverSigner(signature: signature, domain: domain) == testKey.address)
        #expect(authorization.isSignedByPayer(signature, domain: domain))
    }

    @Test func signatureDoesNotCarryToAnotherDomainOrValue() throws {
        let signature = authorization.sign(with: testKey, domain: domain)
        let base = try EIP712Domain(
            name: "USD Coin", version: "2", chainId: 8453,
            verifyingContract: EthereumAddress(hex: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"))
        #expect(!authorization.isSignedByPayer(signature, domain: base))
        let more = try TransferAuthorization(
            from: authorization.from, to: authorization.to, value: 10001, validAfter: 0,
            validBefore: authorization.validBefore, nonce: authorization.nonce)
        #expect(!more.isSignedByPayer(signature, domain: domain))
        #expect(more.recoverSigner(signature: signature, domain: domain) != testKey.address)
    }

    @Test func uint256IsBigEndianAndBounded() throws {
        #expect(try EIP712.encode(.uint256(10000)) == [UInt8](repeating: 0, count: 30) + [0x27, 0x10])
        #expect(try EIP712.encode(.uint256(EIP712.maxUInt256)) == [UInt8](repeating: 0xFF, count: 32))
        let large = BigUInt(1) << 200 + 5
        let word = try EIP712.encode(.uint256(large))
        #expect(BigUInt(words: stride(from: 24, through: 0, by: -8).map { i in
            word[i..<i + 8].reduce(UInt(0)) { $0 << 8 | UInt($1) }
        }) == large)
        #expect(throws: EVMSigningError.valueTooLarge) { try EIP712.encode(.uint256(EIP712.maxUInt256 + 1)) }
    }

    @Test func overflowingMembersAreRejected() throws {
        let tooBig = EIP712.maxUInt256 + 1
        let from = testKey.address
        let nonce = [UInt8](repeating: 1, count: 32)
        #expect(throws: EVMSigningError.valueTooLarge) {
            try TransferAuthorization(from: from, to: from, value: tooBig, validAfter: 0, validBefore: 1, nonce: nonce)
        }
        #expect(throws: EVMSigningError.valueTooLarge) {
            try TransferAuthorization(from: from, to: from, value: 1, validAfter: tooBig, validBefore: 1, nonce: nonce)
        }
        #expect(throws: EVMSigningError.valueTooLarge) {
            try TransferAuthorization(from: from, to: from, value: 1, validAfter: 0, validBefore: tooBig, nonce: nonce)
        }
        #expect(throws: EVMSigningError.valueTooLarge) {
            try EIP712Domain(name: "x", version: "1", chainId: tooBig, verifyingContract: from)
        }
        #expect(throws: EVMSigningError.wrongLength) {
            try TransferAuthorization(from: from, to: from, value: 1, validAfter: 0, validBefore: 1, nonce: [1, 2])
        }
        // The largest value is fine.
        _ = try TransferAuthorization(
            from: from, to: from, value: EIP712.maxUInt256, validAfter: 0, validBefore: EIP712.maxUInt256, nonce: nonce)
    }

    @Test func otherMemberEncodings() throws {
        let address = try EthereumAddress(hex: "0x209693Bc6afc0C5328bA36FaF03C514EF312287C")
        #expect(try EIP712.encode(.address(address)) == [UInt8](repeating: 0, count: 12) + address.rawBytes)
        #expect(try EIP712.encode(.string("USDC")) == Keccak256.hash("USDC"))
        #expect(try EIP712.encode(.bytes([1, 2, 3])) == Keccak256.hash([1, 2, 3]))
        #expect(try EIP712.encode(.bool(true)) == [UInt8](repeating: 0, count: 31) + [1])
        #expect(throws: EVMSigningError.wrongLength) { try EIP712.encode(.bytes32([1])) }
        #expect(TransferAuthorization.randomNonce().count == 32)
        #expect(TransferAuthorization.randomNonce() != TransferAuthorization.randomNonce())
    }
}
