import BigInt

/// The Payment HTTP authentication scheme's rules for an `evm` charge credential.
public enum EVMCharge {
    /// The compact JSON text `["<id>","<realm>"]` the charge nonce hashes.
    ///
    /// Strings are escaped as JSON.stringify and Python's json.dumps do: `"` and `\`
    /// backslashed, \b \t \n \f \r short, other controls below U+0020 as `\u00xx`;
    /// everything else (including non-ASCII) as UTF-8.
    public static func nonceJSON(challengeID: String, realm: String) -> String {
        "[" + jsonString(challengeID) + "," + jsonString(realm) + "]"
    }

    /// The EIP-3009 nonce binding a signature to one challenge: keccak256(`["<id>","<realm>"]`).
    public static func nonce(challengeID: String, realm: String) -> [UInt8] {
        Keccak256.hash(nonceJSON(challengeID: challengeID, realm: realm))
    }

    /// The credential's `source`: `did:pkh:eip155:<chainId>:<checksummed address>`.
    public static func didPKH(chainId: BigUInt, address: EthereumAddress) -> String {
        "did:pkh:eip155:\(chainId):\(address.checksummed)"
    }

    /// `text` as a quoted JSON string.
    static func jsonString(_ text: String) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, 0x62]
            case 0x09: out += [0x5C, 0x74]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0C: out += [0x5C, 0x66]
            case 0x0D: out += [0x5C, 0x72]
            case 0x00..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
