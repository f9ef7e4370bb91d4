import BigInt
import Foundation
import PaymentOffers

/// What to do with an offer.
public enum PaymentDecision: Sendable, Hashable {
    /// Show the payment prompt; pay only if the user confirms. The default for every payment.
    case ask
    /// Pay without asking: the site has an allowance that covers it, within every limit.
    case autoPay
    /// Do not pay, and do not offer to; the reason is a sentence to show.
    case refuse(String)
}

/// Decides whether an offer is paid, asked about or refused. Pure: everything comes in
/// the `Context` (which `WalletStore.policyContext` reads in one snapshot).
///
/// The ledger enforces the hard limits again when reserving; the policy is what the
/// browser shows before that, and the only place that can say "pay without asking".
public enum PaymentPolicy {
    public struct Context: Sendable {
        public var offer: PaymentOffer
        /// The origin of the page that received the offer ("https://example.com").
        public var origin: String
        public var now: Date
        /// The wallet's account for the offer's asset on its network; nil when there is none.
        public var account: WalletAccount?
        /// The account's balance.
        public var balance: BigUInt
        /// The origin's allowance for this asset per day, if the user gave one.
        public var allowancePerDay: BigUInt?
        /// What this origin was paid today in this asset (reserved, pending, committed).
        public var spentTodayByOrigin: BigUInt
        /// What the account paid today, all origins together.
        public var spentTodayOnAccount: BigUInt
        /// Blocked payees, lower-cased.
        public var blockedPayees: Set<String>

        public init(offer: PaymentOffer, origin: String, now: Date, account: WalletAccount?, balance: BigUInt,
                    allowancePerDay: BigUInt? = nil, spentTodayByOrigin: BigUInt = 0, spentTodayOnAccount: BigUInt = 0,
                    blockedPayees: Set<String> = []) {
            self.offer = offer
            self.origin = origin
            self.now = now
            self.account = account
            self.balance = balance
            self.allowancePerDay = allowancePerDay
            self.spentTodayByOrigin = spentTodayByOrigin
            self.spentTodayOnAccount = spentTodayOnAccount
            self.blockedPayees = blockedPayees
        }
    }

    /// Refuses what cannot or must not be paid; pays without asking only inside an
    /// allowance and within the per-payment maximum and daily cap; otherwise asks.
    public static func decide(_ context: Context) -> PaymentDecision {
        let offer = context.offer
        if let reason = offer.signer.reason {
            return .refuse(reason)
        }
        guard let amount = offer.amount else { return .refuse("the offer states no price") }
        guard amount > 0 else { return .refuse("the offer's price is zero: there is nothing to pay") }
        guard let network = offer.network, let asset = offer.asset else {
            return .refuse("the offer does not say which network and asset to pay in")
        }
        guard let account = context.account else {
            return .refuse(WalletError.unknownAccount(network: network, asset: WalletInput.asciiLowercased(asset)).description)
        }
        if let decimals = offer.decimals, decimals != account.decimals {
            return .refuse("""
                the offer counts \(account.symbol) in \(decimals) decimals, the wallet in \(account.decimals): \
                the price cannot be trusted
                """)
        }
        if let expires = offer.expires, expires <= context.now {
            return .refuse("the offer has expired")
        }
        if let payee = offer.payee, context.blockedPayees.contains(WalletInput.asciiLowercased(payee)) {
            return .refuse(WalletError.payeeBlocked(payee: payee).description)
        }
        if let maximum = account.limits.maxPerPayment, amount > maximum {
            return .refuse(WalletError.overPerPaymentMaximum(maximum: account.amount(maximum),
                                                             amount: account.amount(amount)).description)
        }
        guard context.balance >= amount else {
            return .refuse(WalletError.insufficientFunds(balance: account.amount(context.balance),
                                                         needed: account.amount(amount)).description)
        }
        if let cap = account.limits.dailyCap, context.spentTodayOnAccount + amount > cap {
            return .refuse(WalletError.overDailyCap(cap: account.amount(cap),
                                                    spentToday: account.amount(context.spentTodayOnAccount),
                                                    amount: account.amount(amount)).description)
        }
        if let perDay = context.allowancePerDay, context.spentTodayByOrigin + amount <= perDay {
            return .autoPay
        }
        return .ask
    }
}
