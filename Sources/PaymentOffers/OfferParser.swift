import HTTPModel
import WebAddress

/// Reads every payment offer out of a response.
public enum OfferParser {
    /// The most offers kept from one response; the rest are counted, not read.
    public static let maximumOffers = 100
    /// The most "unusable offer" lines kept from one response.
    public static let maximumUnusableLines = 50
    /// The longest header value read. Payment challenges should stay under 8 KB, but an
    /// x402 header listing many offers with schemas in its extensions can be far larger.
    public static let maximumHeaderBytes = 256 * 1024
    /// The largest body read as JSON; an x402 paywall page can be 2 MB of HTML, never JSON.
    public static let maximumJSONBodyBytes = 1 << 20

    /// Every offer in `response`, in the order the response carries them (header fields
    /// in order, challenges within a field in order, then the body), with a line for
    /// each offer that cannot be used and what the response says for people.
    ///
    /// Never fails: hostile or broken input becomes `unusable` lines. Meant for 402
    /// responses but reads any status, since a 401 may carry Payment challenges too.
    public static func parse(_ response: HTTPResponse) -> OfferReport {
        var collector = OfferCollector(finalURL: response.finalURL, maximumOffers: maximumOffers,
                                       maximumUnusableLines: maximumUnusableLines)
        var sawPaymentRequiredHeader = false
        var paymentChallenges = 0
        var l402Challenges = 0

        for field in response.headers {
            let name = field.name.lowercased()
            guard [X402Reader.headerName.lowercased(), "www-authenticate", CashuReader.headerName.lowercased(),
                   CrawlerPriceReader.headerName].contains(name) || X402Reader.settlementHeaderNames.contains(name)
            else { continue }
            guard field.value.utf8.count <= maximumHeaderBytes else {
                collector.reject("\(DisplayText.clean(field.name, limit: 40)) header",
                                 "the value is \(field.value.utf8.count) bytes; Penny reads at most \(maximumHeaderBytes)")
                if name == X402Reader.headerName.lowercased() { sawPaymentRequiredHeader = true }
                continue
            }
            switch name {
            case X402Reader.headerName.lowercased():
                sawPaymentRequiredHeader = true
                X402Reader.readHeader(field.value, into: &collector)
            case "www-authenticate":
                for challenge in AuthenticateHeader.challenges(in: field.value) {
                    switch challenge.scheme.lowercased() {
                    case "payment":
                        paymentChallenges += 1
                        if collector.isFull {
                            collector.drop(1)
                        } else {
                            PaymentSchemeReader.read(challenge, source: "Payment challenge \(paymentChallenges)",
                                                     into: &collector)
                        }
                    case "l402", "lsat":
                        l402Challenges += 1
                        if collector.isFull {
                            collector.drop(1)
                        } else {
                            L402Reader.read(challenge, source: "\(challenge.scheme.uppercased()) challenge \(l402Challenges)",
                                            into: &collector)
                        }
                    case "":
                        collector.reject("WWW-Authenticate header", challenge.problem ?? "unreadable challenge")
                    default:
                        // Basic, Bearer and the like are about logging in, not paying.
                        continue
                    }
                }
            case CashuReader.headerName.lowercased():
                CashuReader.read(field.value, into: &collector)
            case _ where X402Reader.settlementHeaderNames.contains(name):
                X402Reader.readSettlement(field.value, into: &collector)
            default:
                CrawlerPriceReader.read(field.value, into: &collector)
            }
        }

        let body = jsonBody(response, collector: &collector)
        var bodyIsX402 = false
        if let body, let version = X402Reader.bodyVersion(body) {
            bodyIsX402 = true
            if sawPaymentRequiredHeader {
                // The header is the protocol; a body that disagrees must not set the price.
                collector.reject("x402 offers in the body", "ignored, because the PAYMENT-REQUIRED header carries the offer")
            } else if version == 1 || version == 2 {
                readBody(body, version: version, response: response, into: &collector)
            } else {
                collector.reject("x402 offers in the body", "x402Version \(version) is not supported")
            }
        }

        var informal = InformalReader.read(response, body: body, bodyIsX402: bodyIsX402, collector: collector)
        if collector.offers.isEmpty, let info = informal, let offer = InformalReader.statedPriceOffer(info, collector: collector) {
            collector.add(offer)
        }
        if informal?.isEmpty == true { informal = nil }

        let finished = collector.finish()
        return OfferReport(offers: finished.offers, unusable: finished.unusable, droppedOfferCount: finished.dropped,
                           serverErrors: finished.serverErrors, informal: informal,
                           origin: AbsoluteURL(response.finalURL)?.origin)
    }

    private static func readBody(_ body: JSONNode, version: Int, response: HTTPResponse,
                                 into collector: inout OfferCollector) {
        X402Reader.readPaymentRequired(body, bytes: response.body, version: version,
                                       source: version == 1 ? "x402 v1 offer" : "x402 v2 offer in the body",
                                       into: &collector)
    }

    /// The body as JSON, when it looks like JSON and is small enough to read.
    private static func jsonBody(_ response: HTTPResponse, collector: inout OfferCollector) -> JSONNode? {
        let start = response.body.firstIndex { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        guard let start, response.body[start] == UInt8(ascii: "{") else { return nil }
        guard response.body.count <= maximumJSONBodyBytes else {
            collector.reject("JSON body", "\(response.body.count) bytes is more than Penny reads for offers")
            return nil
        }
        do {
            return try JSONReader.parse(response.body)
        } catch {
            // A JSON media type promised JSON; anything else may just be text with a brace.
            if response.mediaType?.subtype.hasSuffix("json") == true {
                collector.reject("JSON body", "not valid JSON (\(error))")
            }
            return nil
        }
    }
}
