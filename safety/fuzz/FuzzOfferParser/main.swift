// libFuzzer target: every offer parser, through `OfferParser.parse` on a response whose
// status, headers and body come from the input (see safety/README.md).
//
// Input format (the seeds in safety/corpus/FuzzOfferParser are written this way):
//     HTTP/1.1 402 Payment Required      optional status line
//     Name: value                        header fields, one a line
//     X-Fuzz-URL: https://host/path      optional: the response's final URL
//                                        a blank line
//     body bytes
//
// Besides not crashing, hanging or running out of memory, every field a person may see
// must be terminal-safe and the caps must hold.
import BigInt
import FuzzSupport
import HTTPModel
import PaymentOffers
import TerminalText

func check(_ bytes: [UInt8]) {
    let response = FuzzInput.response(bytes)
    let report = OfferParser.parse(response)
    require(report.offers.count <= OfferParser.maximumOffers, "more offers than the cap")
    require(report.unusable.count <= OfferParser.maximumUnusableLines + 1, "more unusable lines than the cap")
    for offer in report.offers {
        for (name, text) in [
            ("scheme", offer.scheme), ("method", offer.method), ("network", offer.network),
            ("assetSymbol", offer.assetSymbol), ("assetName", offer.assetName), ("payee", offer.payee),
            ("resource", offer.resource), ("description", offer.description), ("summary", offer.summary),
            ("formattedAmount", offer.formattedAmount), ("signer.reason", offer.signer.reason),
        ] {
            requireSafe(text, "offer.\(name)")
        }
        for note in offer.notes { requireSafe(note, "offer.notes") }
        if let amount = offer.amount {
            require(amount <= AmountFormatter.maximumAmount, "an amount above a uint256")
            if let decimals = offer.decimals, (0...AmountFormatter.maximumDecimals).contains(decimals) {
                // What the prompt shows must read back as exactly the amount that is signed.
                let shown = AmountFormatter.format(amount, decimals: decimals)
                let back = try? AmountFormatter.parse(shown, decimals: decimals)
                require(back == amount, "the shown amount \(shown) does not read back as \(amount)")
            }
        }
    }
    for line in report.unusable { requireSafe(line, "unusable") }
    for line in report.serverErrors { requireSafe(line, "serverErrors") }
    if let informal = report.informal {
        for (name, text) in [
            ("message", informal.message), ("errorCode", informal.errorCode), ("paymentLink", informal.paymentLink),
            ("paymentType", informal.paymentType), ("statedAmount", informal.statedAmount),
            ("statedCurrency", informal.statedCurrency), ("reasonPhrase", informal.reasonPhrase),
        ] {
            requireSafe(text, "informal.\(name)")
        }
    }
}

enum FuzzInput {
    static let defaultURL = "http://127.0.0.1:4021/articles/fuzz"

    /// The response the input describes.
    static func response(_ bytes: [UInt8]) -> HTTPResponse {
        var lines: [ArraySlice<UInt8>] = []
        var index = 0
        var bodyStart = bytes.count
        while index < bytes.count {
            let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
            var line = bytes[index..<end]
            if line.last == 0x0D { line = line.dropLast() }
            index = end + 1
            if line.isEmpty {
                bodyStart = min(index, bytes.count)
                break
            }
            lines.append(line)
        }
        var status = 402
        var reason = "Payment Required"
        var url = defaultURL
        var headers = HTTPHeaders()
        for (number, line) in lines.enumerated() {
            let text = String(decoding: line, as: UTF8.self)
            if number == 0, text.hasPrefix("HTTP/") {
                let parts = text.split(separator: " ", maxSplits: 2)
                if parts.count >= 2, let code = Int(parts[1]), (100...999).contains(code) { status = code }
                reason = parts.count == 3 ? String(parts[2]) : ""
                continue
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = String(text[..<colon])
            let value = String(text[text.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
            if name.lowercased() == "x-fuzz-url" {
                url = value
            } else {
                headers.add(name, value)
            }
        }
        return HTTPResponse(requestedURL: url, finalURL: url, status: status, reason: reason, headers: headers,
                            body: Array(bytes[bodyStart...]))
    }
}

// MARK: - Entry points

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    check(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

/// With -DFUZZING, libFuzzer's driver; without, a replay of the files and folders given.
@main
enum Main {
    static func main() {
        fuzzMain({ data, count in
            fuzz(UnsafeRawPointer(data ?? UnsafePointer(bitPattern: 1)!), count)
        }, check: check)
    }
}
