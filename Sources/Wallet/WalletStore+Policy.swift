import BigInt
import Foundation
import GRDB
import PaymentOffers

// MARK: - Allowances

extension WalletStore {
    /// Lets `origin` be paid without asking, up to `perDay` base units of the asset per
    /// day. Replaces the origin's earlier allowance for the same asset.
    public func setAllowance(origin: String, network: String, asset: String, perDay: BigUInt) throws(WalletError) {
        let origin = try WalletInput.origin(origin), network = try WalletInput.network(network)
        let asset = try WalletInput.asset(asset)
        let perDay = try WalletInput.positiveAmount(perDay, what: "an allowance")
        let now = clock.now
        try write { db in
            try db.execute(cached: """
                INSERT INTO allowance (origin, network, asset, amount_per_day, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (origin, network, asset) DO UPDATE SET amount_per_day = excluded.amount_per_day
                """, arguments: [origin, network, asset, AmountText.encode(perDay), StoredDate.text(now)])
        }
    }

    /// Removes the allowance; returns whether there was one.
    @discardableResult
    public func removeAllowance(origin: String, network: String, asset: String) throws(WalletError) -> Bool {
        let origin = WalletInput.asciiLowercased(origin), asset = WalletInput.asciiLowercased(asset)
        return try write { db in
            try db.execute(cached: "DELETE FROM allowance WHERE origin = ? AND network = ? AND asset = ?",
                           arguments: [origin, network, asset])
            return db.changesCount > 0
        }
    }

    /// Every allowance, by origin.
    public func allowances() throws(WalletError) -> [Allowance] {
        try read { db in
            try Row.fetchAll(db, cached: "SELECT * FROM allowance ORDER BY origin, network, asset").map(Self.decodeAllowance)
        }
    }

    /// The allowance of `origin` for the asset, or nil.
    public func allowance(origin: String, network: String, asset: String) throws(WalletError) -> Allowance? {
        let origin = WalletInput.asciiLowercased(origin), asset = WalletInput.asciiLowercased(asset)
        return try read { db in try Self.allowance(db, origin: origin, network: network, asset: asset) }
    }

    /// What `origin` was paid today (the clock's day) in the asset: reserved, pending and
    /// committed payments.
    public func spentToday(origin: String, network: String, asset: String) throws(WalletError) -> BigUInt {
        let origin = WalletInput.asciiLowercased(origin), asset = WalletInput.asciiLowercased(asset)
        let window = DayWindow(clock: clock)
        return try read { db in
            guard let account = try Self.account(db, network: network, asset: asset) else { return 0 }
            return try Self.spent(db, accountID: account.id, origin: origin, window: window)
        }
    }

    static func allowance(_ db: Database, origin: String, network: String, asset: String) throws -> Allowance? {
        try Row.fetchOne(db, cached: "SELECT * FROM allowance WHERE origin = ? AND network = ? AND asset = ?",
                         arguments: [origin, network, asset]).map(decodeAllowance)
    }

    static func decodeAllowance(_ row: Row) throws -> Allowance {
        Allowance(origin: try row.decode(forColumn: "origin"), network: try row.decode(forColumn: "network"),
                  asset: try row.decode(forColumn: "asset"),
                  perDay: try decodeAmount(row.decode(forColumn: "amount_per_day")) ?? 0,
                  createdAt: try decodeDate(row, "created_at"))
    }
}

// MARK: - Blocked payees

extension WalletStore {
    /// Refuses every future payment to `payee` (compared ignoring ASCII case).
    public func blockPayee(_ payee: String) throws(WalletError) {
        let payee = WalletInput.asciiLowercased(try WalletInput.payee(payee))
        let now = clock.now
        try write { db in
            try db.execute(cached: "INSERT INTO blocked_payee (payee, created_at) VALUES (?, ?) ON CONFLICT (payee) DO NOTHING",
                           arguments: [payee, StoredDate.text(now)])
        }
    }

    /// Unblocks `payee`; returns whether it was blocked.
    @discardableResult
    public func unblockPayee(_ payee: String) throws(WalletError) -> Bool {
        let payee = WalletInput.asciiLowercased(payee)
        return try write { db in
            try db.execute(cached: "DELETE FROM blocked_payee WHERE payee = ?", arguments: [payee])
            return db.changesCount > 0
        }
    }

    /// Blocked payees, lower-cased, sorted.
    public func blockedPayees() throws(WalletError) -> [String] {
        try read { db in try String.fetchAll(db, cached: "SELECT payee FROM blocked_payee ORDER BY payee") }
    }
}

// MARK: - Policy

extension WalletStore {
    /// Everything `PaymentPolicy` needs about `offer` from `origin`, read in one snapshot.
    public func policyContext(offer: PaymentOffer, origin: String) throws(WalletError) -> PaymentPolicy.Context {
        let origin = WalletInput.asciiLowercased(origin)
        let now = clock.now
        let window = DayWindow(clock: clock)
        return try read { db in
            var context = PaymentPolicy.Context(offer: offer, origin: origin, now: now, account: nil, balance: 0)
            context.blockedPayees = Set(try String.fetchAll(db, cached: "SELECT payee FROM blocked_payee"))
            guard let network = offer.network, let asset = offer.asset.map(WalletInput.asciiLowercased),
                  let account = try Self.account(db, network: network, asset: asset) else { return context }
            context.account = account
            context.balance = try Self.totals(db, account).balance
            context.allowancePerDay = try Self.allowance(db, origin: origin, network: network, asset: asset)?.perDay
            context.spentTodayByOrigin = try Self.spent(db, accountID: account.id, origin: origin, window: window)
            context.spentTodayOnAccount = try Self.spent(db, accountID: account.id, origin: nil, window: window)
            return context
        }
    }

    /// `PaymentPolicy.decide` on the wallet's current state.
    public func decide(offer: PaymentOffer, origin: String) throws(WalletError) -> PaymentDecision {
        PaymentPolicy.decide(try policyContext(offer: offer, origin: origin))
    }
}
