#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions to UTF-8 through the C library's iconv, replacing what cannot be decoded.
enum IconvConversion {
    /// The UTF-8 bytes of U+FFFD REPLACEMENT CHARACTER.
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Converts a whole byte stream. A byte iconv rejects becomes `replacing(byte)` (U+FFFD
    /// unless told otherwise) and conversion resumes at the next byte, so an ASCII byte after
    /// a broken lead byte survives; a truncated sequence at the end becomes one U+FFFD.
    /// Nil when iconv lacks the encoding.
    static func convert(
        _ bytes: [UInt8], from iconvName: String,
        replacing: (UInt8) -> [UInt8] = { _ in replacementCharacter }
    ) -> [UInt8]? {
        guard let converter = Converter(from: iconvName) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        bytes.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress else { return }
            var position = UnsafeMutablePointer(mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
            var remaining = input.count
            while remaining > 0 {
                switch converter.convert(&position, &remaining, into: &output) {
                case .done, .outputFull:
                    continue
                case .invalidSequence:
                    output += replacing(UInt8(bitPattern: position.pointee))
                    position += 1
                    remaining -= 1
                case .truncatedAtEnd:
                    output += replacementCharacter
                    remaining = 0
                }
            }
        }
        converter.finish(into: &output)
        return output
    }
}

/// One iconv descriptor converting to UTF-8.
private final class Converter {
    enum Outcome {
        case done, outputFull, invalidSequence, truncatedAtEnd
    }

    private let descriptor: iconv_t
    private static let chunkSize = 16_384
    private let chunk = UnsafeMutablePointer<CChar>.allocate(capacity: Converter.chunkSize)

    init?(from iconvName: String) {
        guard let descriptor = iconv_open("UTF-8", iconvName),
              descriptor != iconv_t(bitPattern: -1) else {
            chunk.deallocate()
            return nil
        }
        self.descriptor = descriptor
    }

    deinit {
        iconv_close(descriptor)
        chunk.deallocate()
    }

    /// Converts as much as fits in one chunk of output and appends it.
    func convert(_ position: inout UnsafeMutablePointer<CChar>, _ remaining: inout Int,
                 into output: inout [UInt8]) -> Outcome {
        var outputPosition: UnsafeMutablePointer<CChar>? = chunk
        var outputLeft = Self.chunkSize
        var inputPosition: UnsafeMutablePointer<CChar>? = position
        let result = iconv(descriptor, &inputPosition, &remaining, &outputPosition, &outputLeft)
        let failure = result == -1 ? errno : 0
        if let inputPosition { position = inputPosition }
        appendChunk(count: Self.chunkSize - outputLeft, to: &output)
        switch failure {
        case 0: return .done
        case E2BIG: return .outputFull
        case EINVAL: return .truncatedAtEnd
        default: return .invalidSequence
        }
    }

    /// Writes out whatever a stateful converter still holds (for example a return to ASCII).
    func finish(into output: inout [UInt8]) {
        var outputPosition: UnsafeMutablePointer<CChar>? = chunk
        var outputLeft = Self.chunkSize
        _ = iconv(descriptor, nil, nil, &outputPosition, &outputLeft)
        appendChunk(count: Self.chunkSize - outputLeft, to: &output)
    }

    private func appendChunk(count: Int, to output: inout [UInt8]) {
        guard count > 0 else { return }
        UnsafeRawPointer(chunk).withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            output.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }
    }
}
