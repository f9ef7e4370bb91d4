import ScreenGrid

/// Input events as the probe prints them: `key: up`, `key: control(a)`, `mouse: press 5 3`.
enum EventDescription {
    static func of(_ event: InputEvent) -> String {
        switch event {
        case .key(let key): "key: \(of(key))"
        case .mouse(.press(let x, let y)): "mouse: press \(x) \(y)"
        case .mouse(.wheelUp(let x, let y)): "mouse: wheelUp \(x) \(y)"
        case .mouse(.wheelDown(let x, let y)): "mouse: wheelDown \(x) \(y)"
        case .resize(let width, let height): "resize \(width)x\(height)"
        case .endOfInput: "end of input"
        }
    }

    static func of(_ key: Key) -> String {
        switch key {
        case .character(let character): "char(\(character))"
        case .control(let character): "control(\(character))"
        case .alt(let character): "alt(\(character))"
        case .function(let number): "f\(number)"
        default: "\(key)"
        }
    }
}
