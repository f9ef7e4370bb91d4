/// One challenge of a `WWW-Authenticate` field value.
struct AuthChallenge {
    /// The scheme name as written.
    var scheme: String
    var parameters: [AuthParameter] = []
    /// The token68 form (`Basic abc==`), when the challenge uses it instead of parameters.
    var token68: String?
    /// Why the challenge cannot be read, when it cannot.
    var problem: String?

    func parameter(_ name: String) -> AuthParameter? {
        parameters.first { $0.name.lowercased() == name }
    }
}

/// Splits a `WWW-Authenticate` value into challenges (RFC 9110 section 11.6.1).
///
/// Proxies fold several challenges into one line separated by commas, and commas also
/// separate parameters, so the split is by grammar: a token followed by `=` is a
/// parameter of the current challenge, any other token starts a new one. Quoted strings
/// are skipped whole, so a comma or the word "Payment" inside one changes nothing.
/// Unquoted values are read up to the next comma or space, more loosely than the token
/// rule, because L402 servers send base64 macaroons unquoted.
enum AuthenticateHeader {
    static func challenges(in value: String) -> [AuthChallenge] {
        var scanner = AuthScanner(Array(value.utf8))
        var challenges: [AuthChallenge] = []
        var orphanReported = false

        while true {
            scanner.skip { $0 == UInt8(ascii: ",") || isWhitespace($0) }
            guard !scanner.atEnd else { break }
            let token = scanner.takeToken()
            guard !token.isEmpty else {
                // Not a token: nothing sensible can follow; record it and stop.
                challenges.append(AuthChallenge(scheme: "", problem: "unreadable text in the header"))
                break
            }
            let afterToken = scanner.position
            scanner.skip(isWhitespace)
            if scanner.peek == UInt8(ascii: "=") {
                scanner.position += 1
                let name = String(decoding: token, as: UTF8.self)
                guard !challenges.isEmpty else {
                    // Read past the value so its text is not mistaken for a scheme.
                    var orphan = AuthChallenge(scheme: "", problem: "a parameter before any scheme name")
                    readParameter(named: name, into: &orphan, scanner: &scanner)
                    if !orphanReported {
                        challenges.append(orphan)
                        orphanReported = true
                    }
                    continue
                }
                readParameter(named: name, into: &challenges[challenges.count - 1], scanner: &scanner)
                continue
            }

            var challenge = AuthChallenge(scheme: String(decoding: token, as: UTF8.self))
            let hadSpace = scanner.position > afterToken
            if !scanner.atEnd && scanner.peek != UInt8(ascii: ",") {
                if !hadSpace {
                    challenge.problem = "no space after the scheme name"
                    challenges.append(challenge)
                    break
                }
                if let token68 = scanner.takeToken68() {
                    challenge.token68 = token68
                }
            }
            challenges.append(challenge)
        }
        return challenges
    }

    private static func readParameter(named name: String, into challenge: inout AuthChallenge,
                                      scanner: inout AuthScanner) {
        scanner.skip(isWhitespace)
        let start = scanner.position
        let value: String
        if scanner.peek == UInt8(ascii: "\"") {
            guard let unquoted = scanner.takeQuotedString() else {
                challenge.problem = "parameter \(name) has an unterminated quoted string"
                return
            }
            value = unquoted
        } else {
            value = scanner.takeValue()
        }
        let wireText = scanner.text(from: start)
        if challenge.token68 != nil {
            challenge.problem = challenge.problem ?? "parameters after a token68 value"
        }
        if challenge.parameters.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            challenge.problem = challenge.problem ?? "parameter \(name) appears twice"
        }
        challenge.parameters.append(AuthParameter(name: name, value: value, wireText: wireText))
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}

/// A cursor over the bytes of a header value.
private struct AuthScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skip(_ predicate: (UInt8) -> Bool) {
        while let byte = peek, predicate(byte) { position += 1 }
    }

    func text(from start: Int) -> String {
        String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    static func isToken68Byte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~+/".utf8.contains(byte)
        }
    }

    mutating func takeToken() -> ArraySlice<UInt8> {
        let start = position
        skip(Self.isTokenByte)
        return bytes[start..<position]
    }

    /// Reads a token68 if one fills the rest of this challenge; otherwise reads nothing.
    mutating func takeToken68() -> String? {
        let start = position
        var index = start
        while index < bytes.count, Self.isToken68Byte(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        var end = index
        while end < bytes.count, bytes[end] == UInt8(ascii: "=") { end += 1 }
        var after = end
        while after < bytes.count, AuthenticateHeader.isWhitespace(bytes[after]) { after += 1 }
        guard after == bytes.count || bytes[after] == UInt8(ascii: ",") else { return nil }
        position = end
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// An unquoted value: everything up to a comma, space or quote.
    mutating func takeValue() -> String {
        let start = position
        skip { $0 != UInt8(ascii: ",") && !AuthenticateHeader.isWhitespace($0) && $0 != UInt8(ascii: "\"") }
        return text(from: start)
    }

    /// A quoted string with backslash escapes; nil (and the rest consumed) when unterminated.
    mutating func takeQuotedString() -> String? {
        position += 1
        var value: [UInt8] = []
        while let byte = peek {
            position += 1
            if byte == UInt8(ascii: "\"") {
                return String(decoding: value, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\"), let escaped = peek {
                position += 1
                value.append(escaped)
            } else {
                value.append(byte)
            }
        }
        return nil
    }
}
