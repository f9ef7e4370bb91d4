/// Rewrites `ESC [ ? a ; b h` (and `l`) as one sequence per mode: libvterm 0.1.4 applies only
/// the first mode of a DEC private set/reset, and ncurses turns on the mouse with
/// `ESC [ ? 1006 ; 1000 h`. Streaming: a sequence split across reads is held until complete.
struct DECModeSplitter {
    private enum State {
        case text, escape, bracket, parameters
    }

    private var state = State.text
    private var held: [UInt8] = []
    /// Longer "sequences" are not mode changes: pass them through untouched.
    private let limit = 64

    mutating func process(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            switch (state, byte) {
            case (_, 0x1B):
                output += held
                held = [byte]
                state = .escape
            case (.text, _):
                output.append(byte)
            case (.escape, UInt8(ascii: "[")):
                held.append(byte)
                state = .bracket
            case (.bracket, UInt8(ascii: "?")):
                held.append(byte)
                state = .parameters
            case (.parameters, UInt8(ascii: "0")...UInt8(ascii: "9")), (.parameters, UInt8(ascii: ";")):
                held.append(byte)
                if held.count > limit { passThrough(into: &output) }
            case (.parameters, UInt8(ascii: "h")), (.parameters, UInt8(ascii: "l")):
                let modes = held.dropFirst(3).split(separator: UInt8(ascii: ";"))
                if modes.isEmpty {
                    output += held + [byte]
                } else {
                    for mode in modes {
                        output += [0x1B, UInt8(ascii: "["), UInt8(ascii: "?")] + mode + [byte]
                    }
                }
                held.removeAll()
                state = .text
            default:
                held.append(byte)
                passThrough(into: &output)
            }
        }
        return output
    }

    private mutating func passThrough(into output: inout [UInt8]) {
        output += held
        held.removeAll()
        state = .text
    }
}
