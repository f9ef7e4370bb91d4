import BigInt

/// Why one offer could not be used, as a sentence fragment ("the amount is negative").
struct FieldProblem: Error {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}

/// Field readers shared by the JSON-based offers (x402, the Payment scheme's `request`).
extension JSONNode {
    /// A string member that must be present and non-empty.
    func requiredString(_ key: String) throws(FieldProblem) -> String {
        guard let field = self[key] else { throw FieldProblem("\(key) is missing") }
        guard let text = field.string else { throw FieldProblem("\(key) is \(field.kindName), not a string") }
        guard !text.isEmpty else { throw FieldProblem("\(key) is empty") }
        return text
    }

    /// A string member that may be absent; present but not a string is an error.
    func optionalString(_ key: String) throws(FieldProblem) -> String? {
        guard let field = self[key] else { return nil }
        if case .null = field.content { return nil }
        guard let text = field.string else { throw FieldProblem("\(key) is \(field.kindName), not a string") }
        return text
    }

    /// A base-unit amount: a decimal string, or a JSON integer read exactly from its text.
    func amount(_ key: String) throws(FieldProblem) -> BigUInt {
        guard let field = self[key] else { throw FieldProblem("\(key) is missing") }
        let text: String
        switch field.content {
        case .string(let value):
            text = value
        case .number(let literal):
            // A JSON number is read from its literal, never through Double: only plain
            // non-negative integers are exact enough to be money.
            if literal.hasPrefix("-") { throw FieldProblem("\(key) is negative") }
            guard literal.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw FieldProblem("\(key) \(DisplayText.quoted(literal)) is not a whole number of base units")
            }
            text = literal
        default:
            throw FieldProblem("\(key) is \(field.kindName), not a number")
        }
        do {
            return try AmountFormatter.parseBaseUnits(text)
        } catch {
            throw FieldProblem("\(key): \(error.reason)")
        }
    }

    /// A small non-negative integer member (seconds, decimals, chain ids), as a JSON
    /// integer or a digit string; absent gives nil.
    func optionalInteger(_ key: String, maximum: Int) throws(FieldProblem) -> Int? {
        guard let field = self[key] else { return nil }
        if case .null = field.content { return nil }
        guard let value = field.value.smallInteger, value <= maximum else {
            throw FieldProblem("\(key) is not a whole number from 0 to \(maximum)")
        }
        return value
    }
}
