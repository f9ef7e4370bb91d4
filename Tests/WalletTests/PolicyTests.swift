import BigInt
import Foundation
import PaymentOffers
import Testing
@testable import Wallet

struct PolicyTests {
    let demo = Fixture.demo

    static func offer(amount: BigUInt? = 10_000, asset: KnownAsset = Fixture.demo, payee: String = Fixture.payee,
                      decimals: Int? = 6, expires: Date? = nil,
                      signer: SignerSupport = .evmTransferAuthorization) -> PaymentOffer {
        PaymentOffer(paymentProtocol: .x402v2, scheme: "exact", method: "evm", network: asset.network,
                     asset: asset.address, amount: amount, decimals: decimals, assetSymbol: asset.symbol,
                     payee: payee, resource: Fixture.origin + "/article", expires: expires, maxTimeoutSeconds: 300,
                     signer: signer)
    }

    /// Pays `offer` the way the browser will: reserve, attach, commit.
    static func pay(_ offer: PaymentOffer, store: WalletStore, origin: String = Fixture.origin) throws {
        let reservation = try store.reserve(try PaymentIntent(offer: offer, origin: origin, nonce: Fixture.nonce()))
        try store.attachCredential(reservation: reservation.id, credential: [1])
        try store.commit(reservation: reservation.id, receipt: "0xtx")
    }

    @Test func everyPaymentAsksByDefault() throws {
        let store = try Fixture.funded(1_000_000)
        #expect(try store.decide(offer: Self.offer(), origin: Fixture.origin) == .ask)
        // Even after paying the same site before.
        try Self.pay(Self.offer(), store: store)
        #expect(try store.decide(offer: Self.offer(), origin: Fixture.origin) == .ask)
    }

    @Test func allowanceAutoPaysUpToTheDailyAmountThenAsks() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1_000_000, clock: clock)
        try store.setAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address, perDay: 25_000)
        let offer = Self.offer(amount: 10_000)
        #expect(try store.decide(offer: offer, origin: Fixture.origin) == .autoPay)
        try Self.pay(offer, store: store)
        #expect(try store.decide(offer: offer, origin: "HTTPS://NEWS.EXAMPLE") == .autoPay)
        try Self.pay(offer, store: store)
        // 20000 spent: another 10000 would pass 25000.
        #expect(try store.spentToday(origin: Fixture.origin, network: demo.network, asset: demo.address) == 20_000)
        #expect(try store.decide(offer: offer, origin: Fixture.origin) == .ask)
        // Exactly up to the allowance still auto-pays.
        #expect(try store.decide(offer: Self.offer(amount: 5_000), origin: Fixture.origin) == .autoPay)
        // Another site has no allowance.
        #expect(try store.decide(offer: offer, origin: "https://other.example") == .ask)
        // Tomorrow the allowance is fresh.
        clock.advance(by: 86_400)
        #expect(try store.decide(offer: offer, origin: Fixture.origin) == .autoPay)
        // A held (pending) payment counts against the allowance too.
        let reservation = try store.reserve(try PaymentIntent(offer: Self.offer(amount: 20_000), origin: Fixture.origin,
                                                              nonce: Fixture.nonce()))
        try store.attachCredential(reservation: reservation.id, credential: [1])
        try store.markPending(reservation: reservation.id)
        #expect(try store.decide(offer: offer, origin: Fixture.origin) == .ask)
        // A released one does not.
        try store.release(reservation: reservation.id, reason: "the server said the nonce was never used")
        #expect(try store.decide(offer: offer, origin: Fixture.origin) == .autoPay)
        // Removing the allowance goes back to asking.
        try store.removeAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address)
        #expect(try store.decide(offer: offer, origin: Fixture.origin) == .ask)
    }

    @Test func allowanceIsPerAsset() throws {
        let store = try Fixture.funded(1_000_000)
        try store.topUp(network: Fixture.sepolia.network, asset: Fixture.sepolia.address, symbol: "USDC", decimals: 6,
                        amount: 1_000_000)
        try store.setAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address, perDay: 25_000)
        #expect(try store.decide(offer: Self.offer(asset: Fixture.sepolia), origin: Fixture.origin) == .ask)
    }

    @Test func perPaymentMaximumRefusesEvenInsideAnAllowance() throws {
        let store = try Fixture.funded(1_000_000)
        try store.setAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address, perDay: 500_000)
        try store.setLimits(network: demo.network, asset: demo.address, SpendingLimits(maxPerPayment: 50_000))
        #expect(try store.decide(offer: Self.offer(amount: 50_000), origin: Fixture.origin) == .autoPay)
        #expect(try store.decide(offer: Self.offer(amount: 50_001), origin: Fixture.origin)
            == .refuse("the payment of 0.050001 USDC is above the per-payment maximum of 0.05 USDC"))
        #expect(try store.decide(offer: Self.offer(amount: 50_001), origin: "https://other.example")
            == .refuse("the payment of 0.050001 USDC is above the per-payment maximum of 0.05 USDC"))
    }

    @Test func dailyCapRefuses() throws {
        let store = try Fixture.funded(1_000_000)
        try store.setLimits(network: demo.network, asset: demo.address, SpendingLimits(dailyCap: 15_000))
        #expect(try store.decide(offer: Self.offer(), origin: Fixture.origin) == .ask)
        try Self.pay(Self.offer(), store: store, origin: "https://other.example")
        #expect(try store.decide(offer: Self.offer(), origin: Fixture.origin)
            == .refuse("the payment of 0.01 USDC would exceed the daily cap of 0.015 USDC (0.01 USDC spent today)"))
    }

    @Test func blockedPayeeIsRefused() throws {
        let store = try Fixture.funded(1_000_000)
        try store.setAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address, perDay: 500_000)
        try store.blockPayee(Fixture.payee.lowercased())
        #expect(try store.decide(offer: Self.offer(), origin: Fixture.origin)
            == .refuse("the payee \(Fixture.payee) is blocked"))
        #expect(try store.decide(offer: Self.offer(payee: "0x0000000000000000000000000000000000000001"),
                                 origin: Fixture.origin) == .autoPay)
    }

    @Test func insufficientFundsIsRefusedWithTheBalance() throws {
        let store = try Fixture.funded(5_000)
        try store.setAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address, perDay: 500_000)
        #expect(try store.decide(offer: Self.offer(amount: 10_000), origin: Fixture.origin)
            == .refuse("insufficient funds: the payment is 0.01 USDC, the balance is 0.005 USDC"))
        #expect(try store.decide(offer: Self.offer(amount: 5_000), origin: Fixture.origin) == .autoPay)
    }

    @Test func unpayableOffersAreRefused() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1_000_000, clock: clock)
        let cases: [(PaymentOffer, String)] = [
            (Self.offer(signer: .unavailable(reason: "Penny cannot pay Lightning invoices yet")),
             "Penny cannot pay Lightning invoices yet"),
            (Self.offer(amount: nil), "the offer states no price"),
            (Self.offer(amount: 0), "the offer's price is zero: there is nothing to pay"),
            (Self.offer(asset: Fixture.sepolia),
             "the wallet has no account for \(Fixture.sepolia.address.lowercased()) on eip155:84532: top it up (test networks) or set a budget (main networks)"),
            (Self.offer(decimals: 18),
             "the offer counts USDC in 18 decimals, the wallet in 6: the price cannot be trusted"),
            (Self.offer(expires: clock.now), "the offer has expired"),
        ]
        for (offer, reason) in cases {
            #expect(try store.decide(offer: offer, origin: Fixture.origin) == .refuse(reason))
        }
        var noNetwork = Self.offer()
        noNetwork.network = nil
        #expect(try store.decide(offer: noNetwork, origin: Fixture.origin)
            == .refuse("the offer does not say which network and asset to pay in"))
        // Unknown decimals in the offer: the account's own are used.
        #expect(try store.decide(offer: Self.offer(decimals: nil), origin: Fixture.origin) == .ask)
        #expect(try store.decide(offer: Self.offer(expires: clock.now.addingTimeInterval(60)), origin: Fixture.origin) == .ask)
    }

    @Test func policyIsPureOverItsContext() {
        let account = WalletAccount(id: 1, network: demo.network, asset: demo.address.lowercased(), symbol: "USDC",
                                    decimals: 6, kind: .test, budget: nil,
                                    limits: SpendingLimits(maxPerPayment: 100_000, dailyCap: 200_000))
        let now = Date(timeIntervalSince1970: TimeInterval(Fixture.noon))
        var context = PaymentPolicy.Context(offer: Self.offer(), origin: Fixture.origin, now: now, account: account,
                                            balance: 1_000_000)
        #expect(PaymentPolicy.decide(context) == .ask)
        context.allowancePerDay = 10_000
        #expect(PaymentPolicy.decide(context) == .autoPay)
        context.spentTodayByOrigin = 1
        #expect(PaymentPolicy.decide(context) == .ask)
        context.spentTodayByOrigin = 0
        context.spentTodayOnAccount = 190_001
        if case .refuse(let reason) = PaymentPolicy.decide(context) {
            #expect(reason.contains("daily cap of 0.20 USDC"))
        } else {
            Issue.record("expected the daily cap to refuse")
        }
        context.spentTodayOnAccount = 190_000
        #expect(PaymentPolicy.decide(context) == .autoPay)
        context.blockedPayees = [Fixture.payee.lowercased()]
        #expect(PaymentPolicy.decide(context) == .refuse("the payee \(Fixture.payee) is blocked"))
        context.blockedPayees = []
        context.balance = 9_999
        #expect(PaymentPolicy.decide(context)
            == .refuse("insufficient funds: the payment is 0.01 USDC, the balance is 0.009999 USDC"))
        context.account = nil
        if case .refuse = PaymentPolicy.decide(context) {} else { Issue.record("no account must refuse") }
    }

    @Test func intentFromAnOfferKeepsTheOffer() throws {
        let accepted = #"{"scheme":"exact","network":"eip155:31337","amount":"10000"}"#
        var offer = Self.offer()
        offer.answer = .x402v2(X402V2Answer(acceptedJSON: Array(accepted.utf8), accepted: .null, resourceJSON: nil,
                                            extensionsJSON: nil))
        offer.description = "Premium \"article\""
        let intent = try PaymentIntent(offer: offer, origin: Fixture.origin, nonce: "0xabc")
        #expect(intent.amount == 10_000)
        #expect(intent.network == "eip155:31337")
        #expect(intent.asset == demo.address)
        #expect(intent.payee == Fixture.payee)
        #expect(intent.resourceURL == Fixture.origin + "/article")
        #expect(intent.paymentProtocol == "x402v2")
        #expect(intent.offerJSON.hasPrefix(#"{"protocol":"x402v2","scheme":"exact","method":"evm","network":"eip155:31337","#))
        #expect(intent.offerJSON.contains(#""amount":"10000","decimals":6,"symbol":"USDC""#))
        #expect(intent.offerJSON.contains(#""description":"Premium \"article\"""#))
        #expect(intent.offerJSON.contains(#""wire":{"accepted":"{\"scheme\":\"exact\",\"network\":\"eip155:31337\",\"amount\":\"10000\"}"}"#))
        let store = try Fixture.funded(1_000_000)
        let reservation = try store.reserve(intent)
        #expect(try store.payment(reservation.id)?.offerJSON == intent.offerJSON)

        var priceless = offer
        priceless.amount = nil
        #expect(walletError { _ = try PaymentIntent(offer: priceless, origin: Fixture.origin, nonce: "0x1") }
            == .invalidInput("the offer states no price"))
    }
}
