import Testing
@testable import EVMSigning

@Suite struct KeccakTests {
    @Test func emptyInput() {
        #expect(Hex.encode(Keccak256.hash([UInt8]())) == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    }

    @Test func abc() {
        #expect(Hex.encode(Keccak256.hash("abc")) == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }

    /// Two blocks: 200 bytes cross the 136-byte rate. Value from an independent Python Keccak
    /// whose permutation was checked against hashlib's SHA3-256.
    @Test func inputLongerThanOneBlock() {
        let input = (0..<200).map { UInt8($0) }
        #expect(Hex.encode(Keccak256.hash(input)) == "0xbfb0aa97863e797943cf7c33bb7e880bb4543f3d2703c0923c6901c2af57b890")
    }

    /// 135 bytes leaves room for the padding in one block; 136 needs a block of padding alone.
    @Test func paddingAtTheBlockBoundary() {
        #expect(Hex.encode(Keccak256.hash([UInt8](repeating: 0x78, count: 135)))
            == "0x16570bdb055e663ea1cb57ac6f09194f4bc7b7070847971fc0b86710366dc34f")
        #expect(Hex.encode(Keccak256.hash([UInt8](repeating: 0x78, count: 136)))
            == "0x50da8ef3747b7a7f01d08563aa11c72a2a668563fb928adc6e8d2a1ab4e36096")
    }

    @Test func wellKnownHashes() {
        #expect(Hex.encode(Keccak256.hash("Transfer(address,address,uint256)"))
            == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
        #expect(Hex.encode(TransferAuthorization.typeHash)
            == "0x7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a2267")
        #expect(Hex.encode(EIP712Domain.typeHash)
            == "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f")
    }

    /// The same sponge with SHA3's padding must give hashlib's / OpenSSL's SHA3-256.
    @Test func permutationMatchesSHA3() {
        var abc = Keccak256(padding: 0x06)
        abc.update(Array("abc".utf8))
        #expect(Hex.encode(abc.finalize()) == "0x3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")
        var long = Keccak256(padding: 0x06)
        long.update((0..<200).map { UInt8($0) })
        #expect(Hex.encode(long.finalize()) == "0x5f728f63bf5ee48c77f453c0490398fa645b8d4c4e56be9a41cfec344d6ca899")
    }

    @Test func updatesInPiecesEqualOneShot() {
        var generator = SeededGenerator(seed: 7)
        for length in [0, 1, 135, 136, 137, 271, 272, 273, 1000] {
            let input = generator.bytes(length)
            var hasher = Keccak256()
            var rest = input[...]
            while !rest.isEmpty {
                let take = Int.random(in: 1...60, using: &generator)
                hasher.update(rest.prefix(take))
                rest = rest.dropFirst(take)
            }
            #expect(hasher.finalize() == Keccak256.hash(input), "length \(length)")
        }
    }
}
