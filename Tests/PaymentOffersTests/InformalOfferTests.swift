import Foundation
import HTTPModel
import PaymentOffers
import Testing

struct InformalOfferTests {
    @Test func handRolledJSONBody() throws {
        let body = #"{"error":"InsufficientCredits","message":"Your balance is empty. Top up to continue.","top_up_url":"/billing/top-up?plan=pro"}"#
        let report = OfferParser.parse(Fixtures.response([("Content-Type", "application/json"), ("Retry-After", "120")],
                                                         body: body))
        #expect(report.offers.isEmpty)
        #expect(report.unusable.isEmpty)
        let info = try #require(report.informal)
        #expect(info.message == "Your balance is empty. Top up to continue.")
        #expect(info.errorCode == "InsufficientCredits")
        #expect(info.paymentLink == "http://127.0.0.1:4022/billing/top-up?plan=pro")
        #expect(info.retryAfter == .seconds(120))
        #expect(info.reasonPhrase == nil)
    }

    @Test func adHocHeadersBecomeAStatedPrice() throws {
        let report = OfferParser.parse(Fixtures.response([
            ("Payment-Type", "card"), ("Amount", "5.00"), ("Currency", "EUR"),
            ("Location", "https://pay.example/checkout/42"),
            ("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),
        ], body: "Pay 5 EUR at the link.\n\nThanks!", reason: "Subscription Expired"))
        let info = try #require(report.informal)
        #expect(info.paymentType == "card")
        #expect(info.statedAmount == "5.00")
        #expect(info.statedCurrency == "EUR")
        #expect(info.paymentLink == "https://pay.example/checkout/42")
        #expect(info.retryAfter == .date(Date(timeIntervalSince1970: 1_445_412_480)))
        #expect(info.message == "Pay 5 EUR at the link. Thanks!")
        #expect(info.reasonPhrase == "Subscription Expired")
        let offer = try #require(report.offers.first)
        #expect(offer.paymentProtocol == .informal)
        #expect(offer.formattedAmount == "5.00 EUR")
        #expect(offer.signer.reason?.contains("https://pay.example/checkout/42") == true)
    }

    @Test func plainTextReason() throws {
        let report = OfferParser.parse(Fixtures.response([("Content-Type", "text/plain; charset=utf-8")],
                                                         body: "  Payment required:\tplease renew your plan.\r\n"))
        #expect(report.offers.isEmpty)
        #expect(report.informal?.message == "Payment required: please renew your plan.")
    }

    @Test func problemDetails() throws {
        let body = #"{"type":"https://paymentauth.org/problems/payment-expired","title":"Payment Expired","status":402,"detail":"The challenge expired; use the fresh one."}"#
        let report = OfferParser.parse(Fixtures.response([("Content-Type", "application/problem+json"),
                                                          ("WWW-Authenticate", Fixtures.evmChallenge)], body: body))
        #expect(report.offers.count == 1)
        #expect(report.informal?.errorCode == "payment-expired")
        #expect(report.informal?.message == "The challenge expired; use the fresh one.")
    }

    @Test func htmlBodyGivesNoMessage() {
        let report = OfferParser.parse(Fixtures.response([("Content-Type", "text/html")],
                                                         body: "<html><body>Pay up</body></html>"))
        #expect(report.informal == nil)
        #expect(report.offers.isEmpty)
    }

    @Test func onlyWebLinksAreKept() {
        let body = #"{"message":"pay","top_up_url":"javascript:alert(1)"}"#
        let report = OfferParser.parse(Fixtures.response([], body: body))
        #expect(report.informal?.paymentLink == nil)
        #expect(report.informal?.message == "pay")
    }

    @Test func unreadableRetryAfterIsSanitized() {
        let report = OfferParser.parse(Fixtures.response([("Retry-After", "soon\u{1B}[2J")]))
        #expect(report.informal?.retryAfter == .unreadable("soon␛[2J"))
    }
}
