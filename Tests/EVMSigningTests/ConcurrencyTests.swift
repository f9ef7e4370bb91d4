import Dispatch
import Testing
import EVMSigning

/// One result slot per concurrent iteration; each iteration writes only its own slot.
private final class Slots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value>
    init(count: Int, initial: Value) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: initial)
    }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
    var count: Int { buffer.count }
    subscript(index: Int) -> Value {
        get { buffer[index] }
        set { buffer[index] = newValue }
    }
}

@Suite struct ConcurrencyTests {
    /// Several threads sign and recover with the shared context at once; every result must
    /// equal the one computed alone.
    @Test func concurrentSigningIsConsistent() {
        var generator = SeededGenerator(seed: 99)
        let keys = (0..<8).map { _ in try! PrivateKey(rawBytes: generator.bytes(32)) }
        let digests = (0..<64).map { _ in generator.bytes(32) }
        let expected = digests.indices.map { keys[$0 % keys.count].sign(digest: digests[$0]) }

        let signatures = Slots<Signature?>(count: digests.count * 4, initial: nil)
        let recovered = Slots<Bool>(count: digests.count * 4, initial: false)
        DispatchQueue.concurrentPerform(iterations: signatures.count) { slot in
            let index = slot % digests.count
            let key = keys[index % keys.count]
            let signature = key.sign(digest: digests[index])
            signatures[slot] = signature
            recovered[slot] = recoverAddress(digest: digests[index], signature: signature) == key.address
        }
        for slot in 0..<signatures.count {
            #expect(signatures[slot] == expected[slot % digests.count])
            #expect(recovered[slot])
        }
    }

    /// New keys from many threads at once are all distinct and usable.
    @Test func concurrentKeyGeneration() {
        let addresses = Slots<EthereumAddress?>(count: 32, initial: nil)
        DispatchQueue.concurrentPerform(iterations: addresses.count) { slot in
            let key = PrivateKey.generate()
            let digest = SecureRandom.bytes(32)
            if recoverAddress(digest: digest, signature: key.sign(digest: digest)) == key.address {
                addresses[slot] = key.address
            }
        }
        let all = (0..<addresses.count).compactMap { addresses[$0] }
        #expect(all.count == addresses.count)
        #expect(Set(all).count == addresses.count)
    }
}
