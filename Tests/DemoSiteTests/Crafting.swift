import BigInt
import EVMSigning
import Foundation

/// Credentials made by hand, field by field, for the refusals Penny's own builder would
/// never produce: wrong payee or amount after the fact, foreign signers, odd windows.
struct Authorization {
    var payer: PrivateKey = Keys.payer
    /// Who actually signs (defaults to the payer).
    var signer: PrivateKey? = nil
    var to: String = Keys.payee.address.checksummed
    var value: String = "10000"
    var validAfter: String = "0"
    var validBefore: String = String(Int(Date().timeIntervalSince1970) + 300)
    var nonce: [UInt8] = TransferAuthorization.randomNonce()
    var chainID: BigUInt = 31337
    var tokenName: String = "USD Coin (demo)"
    var tokenVersion: String = "1"
    var token: String = "0x5FbDB2315678afecb367f032d93F642f64180aa3"

    var nonceHex: String { Hex.encode(nonce) }

    func signature() -> String {
        let domain = try! EIP712Domain(name: tokenName, version: tokenVersion, chainId: chainID,
                                       verifyingContract: EthereumAddress(hex: token))
        let authorization = try! TransferAuthorization(
            from: payer.address, to: EthereumAddress(hex: to), value: BigUInt(value) ?? 0,
            validAfter: BigUInt(validAfter) ?? 0, validBefore: BigUInt(validBefore) ?? 0, nonce: nonce)
        return Hex.encode(authorization.sign(with: signer ?? payer, domain: domain).rawBytes)
    }

    /// x402's `{"signature", "authorization"}`.
    var exactPayload: String {
        """
        {"signature":"\(signature())","authorization":{"from":"\(payer.address.checksummed)","to":"\(to)","value":"\(value)","validAfter":"\(validAfter)","validBefore":"\(validBefore)","nonce":"\(nonceHex)"}}
        """
    }

    /// A `PAYMENT-SIGNATURE` value echoing `accepted`.
    func x402v2Header(accepted: String) -> String {
        standardBase64(#"{"x402Version":2,"accepted":\#(accepted),"payload":\#(exactPayload)}"#)
    }

    /// An `X-PAYMENT` value.
    func x402v1Header(network: String = "eip155:31337") -> String {
        standardBase64(#"{"x402Version":1,"scheme":"exact","network":"\#(network)","payload":\#(exactPayload)}"#)
    }

    /// The evm charge payload of the Payment scheme.
    var chargePayload: String {
        """
        {"type":"authorization","from":"\(payer.address.checksummed)","to":"\(to)","value":"\(value)","validAfter":"\(validAfter)","validBefore":"\(validBefore)","nonce":"\(nonceHex)","signature":"\(signature())"}
        """
    }

    /// An `Authorization: Payment` value echoing `challenge` (JSON text).
    func paymentHeader(challenge: String, source: String?) -> String {
        var json = #"{"challenge":\#(challenge),"payload":\#(chargePayload)"#
        if let source { json += #","source":"\#(source)""# }
        return "Payment " + urlBase64(json + "}")
    }

    static func didPKH(_ key: PrivateKey) -> String { "did:pkh:eip155:31337:" + key.address.checksummed }
}
