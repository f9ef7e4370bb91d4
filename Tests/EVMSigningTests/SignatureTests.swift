import Testing
import EVMSigning

@Suite struct SignatureTests {
    let n = bytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")

    /// n - s, big-endian: the other s that verifies the same (r, digest), with the other v.
    func negated(_ s: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for i in (0..<32).reversed() {
            var difference = Int(n[i]) - Int(s[i]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 256 }
            result[i] = UInt8(difference)
        }
        return result
    }

    /// Random keys and digests from a seeded generator: sign, then recover the signer.
    @Test func signThenRecoverRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x5eed)
        for _ in 0..<200 {
            guard let key = try? PrivateKey(rawBytes: generator.bytes(32)) else { continue }
            let digest = generator.bytes(32)
            let signature = key.sign(digest: digest)
            #expect(signature.rawBytes.count == 65)
            #expect(signature.v == 27 || signature.v == 28)
            #expect(recoverAddress(digest: digest, signature: signature) == key.address)
            #expect(PublicKey.recover(digest: digest, signature: signature) == key.publicKey)
            // Deterministic (RFC 6979), and it survives hex and byte round trips.
            #expect(key.sign(digest: digest) == signature)
            #expect(try Signature(hex: signature.description) == signature)
            #expect(try Signature(rawBytes: signature.rawBytes) == signature)
        }
    }

    @Test func secureRandomKeysRoundTrip() {
        for _ in 0..<20 {
            let key = PrivateKey.generate()
            let digest = SecureRandom.bytes(32)
            #expect(recoverAddress(digest: digest, signature: key.sign(digest: digest)) == key.address)
        }
    }

    @Test func tamperedDigestOrSignatureDoesNotRecoverTheSigner() throws {
        var generator = SeededGenerator(seed: 42)
        let digest = generator.bytes(32)
        let signature = testKey.sign(digest: digest)
        for index in [0, 13, 31] {
            var changed = digest
            changed[index] ^= 0x01
            #expect(recoverAddress(digest: changed, signature: signature) != testKey.address)
        }
        for index in [0, 20, 31, 40, 63] {
            var raw = signature.rawBytes
            raw[index] ^= 0x01
            guard let tampered = try? Signature(rawBytes: raw) else { continue }
            #expect(recoverAddress(digest: digest, signature: tampered) != testKey.address)
        }
        var flipped = signature.rawBytes
        flipped[64] = flipped[64] == 27 ? 28 : 27
        #expect(recoverAddress(digest: digest, signature: try Signature(rawBytes: flipped)) != testKey.address)
        #expect(recoverAddress(digest: Array(digest.prefix(31)), signature: signature) == nil)
    }

    @Test func vIsNormalisedTo27Or28() throws {
        let signature = testKey.sign(digest: Keccak256.hash("v"))
        let body = signature.r + signature.s
        let zeroOne = try Signature(rawBytes: body + [signature.recoveryID])
        #expect(zeroOne == signature)
        #expect(zeroOne.v == signature.v)
        #expect(zeroOne.rawBytes.last == signature.v)
        #expect(try Signature(r: signature.r, s: signature.s, v: signature.recoveryID + 27) == signature)
        for v: UInt8 in [2, 3, 26, 29, 30, 35, 36, 255] {
            #expect(throws: EVMSigningError.invalidRecoveryID) { try Signature(rawBytes: body + [v]) }
        }
    }

    @Test func highSIsRejected() throws {
        let digest = Keccak256.hash("malleable")
        let signature = testKey.sign(digest: digest)
        let highS = negated(signature.s)
        let otherV: UInt8 = signature.v == 27 ? 28 : 27
        #expect(throws: EVMSigningError.highS) { try Signature(r: signature.r, s: highS, v: otherV) }
        #expect(throws: EVMSigningError.highS) { try Signature(rawBytes: signature.r + highS + [otherV]) }
        // The boundary: n/2 is low, n/2 + 1 is high.
        let half = bytes("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0")
        let halfPlusOne = bytes("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1")
        #expect((try? Signature(r: signature.r, s: half, v: 27)) != nil)
        #expect(throws: EVMSigningError.highS) { try Signature(r: signature.r, s: halfPlusOne, v: 27) }
    }

    @Test func outOfRangeValuesAreRejected() {
        let one = [UInt8](repeating: 0, count: 31) + [1]
        let zero = [UInt8](repeating: 0, count: 32)
        #expect(throws: EVMSigningError.invalidSignature) { try Signature(r: zero, s: one, v: 27) }
        #expect(throws: EVMSigningError.invalidSignature) { try Signature(r: one, s: zero, v: 27) }
        #expect(throws: EVMSigningError.invalidSignature) { try Signature(r: n, s: one, v: 27) }
        #expect(throws: EVMSigningError.wrongLength) { try Signature(rawBytes: [UInt8](repeating: 1, count: 64)) }
        #expect(throws: EVMSigningError.wrongLength) { try Signature(hex: "0x1234") }
    }
}
