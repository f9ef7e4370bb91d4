import Foundation
import TestSupport

/// Text that tries every way of taking over a terminal.
enum Hostile {
    /// ESC, CSI, OSC 0/2 (title), OSC 8 (hyperlink), OSC 52 (clipboard), DCS, APC, PM, SOS,
    /// C1 controls as code points (CSI U+009B, OSC U+009D, ST U+009C, DCS U+0090), bidi
    /// overrides and isolates, BEL, BS, DEL. Each piece is marked by a letter, so that what
    /// survives sanitizing can still be found on screen.
    static let text = "A\u{1B}]0;PWNED-TITLE\u{07}B\u{1B}]2;PWNED2\u{1B}\\C"
        + "\u{1B}]52;c;cGF5IG1lIGEgbG90\u{07}D\u{1B}]8;;http://evil.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\E"
        + "\u{1B}[2J\u{1B}[31;1mF\u{1B}P+q544e\u{1B}\\G\u{1B}_apc\u{1B}\\H\u{1B}^pm\u{1B}\\I\u{1B}Xsos\u{1B}\\J"
        + "\u{9B}31mK\u{9D}0;c1title\u{9C}L\u{90}dcs\u{9C}M\u{202E}desrever\u{202C}N\u{2066}iso\u{2069}O"
        + "\u{200F}\u{061C}P\u{07}\u{08}\u{7F}Q\u{1B}c\u{1B}[?1049lR"

    /// `text` for a header value: no CR or LF, which would end the header.
    static var header: String { text }

    /// Bytes of a Latin-1 page: raw 0x9B (CSI), 0x9D (OSC), 0x9C (ST), 0x90 (DCS) and ESC.
    static let latin1Page: [UInt8] = Array("<title>Latin ".utf8) + [0x9B] + Array("31m title</title><p>caf".utf8) + [0xE9]
        + Array(" \u{1B}]0;x\u{07} raw ".utf8) + [0x9B] + Array("2J csi ".utf8) + [0x9D] + Array("0;t".utf8) + [0x9C]
        + Array(" dcs ".utf8) + [0x90] + Array("q".utf8) + [0x9C] + Array("</p><a href=\"/".utf8) + [0x9B]
        + Array("\">link</a>".utf8)

    /// A hostile HTML page: the title, text, link targets, image text, form values, `<pre>`.
    static var page: String {
        """
        <!doctype html><html><head><title>Hostile \(text) title</title></head><body>
        <h1>Hostile page \(text)</h1>
        <p>Paragraph \(text) end.</p>
        <p><a href="/\(text)">a link \(text)</a> <a href="javascript:\(text)">js</a> <a href="http://\(text)/">bad host</a></p>
        <img alt="\(text)" src="x.png"><form action="/\(text)"><input name=q value="\(text)"><select><option>\(text)</select><textarea>\(text)</textarea><button>\(text)</button></form>
        <pre>pre \(text)</pre><table><tr><td>\(text)</td></tr></table>
        </body></html>
        """
    }

    /// A 402 whose every readable field is hostile: the description and error of an x402
    /// offer (one payable, one to a hostile payee), a Payment challenge's description, an
    /// informal JSON message, Retry-After and a link.
    static func paymentRequired(url: String) -> LoopbackHTTPServer.Response {
        let x402 = Merchant.paymentRequired(url: url, offers: [Merchant.offer(), Merchant.offer(amount: 20_000, payTo: "0x\(text)")],
                                            description: "An article \(text)", error: "Pay \(text) now")
        let challenge = #"Payment id="h1", realm="127.0.0.1", method="evm", intent="charge", request="eyJhbW91bnQiOiIxMDAwMCIsImN1cnJlbmN5IjoidXNkIn0", description="Challenge \#(text.replacingOccurrences(of: "\"", with: ""))""#
        return LoopbackHTTPServer.Response(status: 402, reason: "Payment \(text) Required", headers: [
            ("Content-Type", "text/html; charset=utf-8"),
            ("PAYMENT-REQUIRED", x402),
            ("WWW-Authenticate", challenge),
            ("WWW-Authenticate", #"L402 macaroon="\#(text)", invoice="lnbc\#(text)""#),
            ("crawler-price", "USD \(text)"),
            ("Retry-After", text),
            ("Link", "<http://\(text)>; rel=payment"),
            ("X-Hostile", text),
        ], body: .bytes(Array("<title>Paywall \(text)</title><p>Teaser \(text)</p>".utf8)))
    }
}
