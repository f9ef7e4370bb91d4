import BigInt
import Foundation
import GRDB
import PaymentOffers

// MARK: - Transactions

/// When a ledger change reaches the disk.
public enum CommitDurability: Sendable, Hashable {
    /// Before the call returns: the write-ahead log is synced at the commit
    /// (`synchronous = FULL`). Every change but a payment's outcome.
    case synced
    /// With the next synced commit or checkpoint (`synchronous = NORMAL`): a crash of Penny
    /// loses nothing (the log is written, the system holds it), a power cut can lose this
    /// change alone. Only for what recovery can restore: see `WalletStore.commit`.
    case logged
}

extension WalletStore {
    /// One write transaction (`BEGIN IMMEDIATE`): everything in `body` sees and changes
    /// the ledger alone, or nothing at all when it throws. The transaction sets its own
    /// durability, so that no earlier one's lingers on the connection.
    func write<T>(_ durability: CommitDurability = .synced, _ body: (Database) throws -> T) throws(WalletError) -> T {
        do {
            return try dbQueue.writeWithoutTransaction { db in
                try db.execute(cached: durability == .synced ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.walletError(error)
        }
    }

    /// One read transaction: a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(WalletError) -> T {
        do {
            return try dbQueue.read { db in try body(db) }
        } catch {
            throw Self.walletError(error)
        }
    }

    static func walletError(_ error: any Error) -> WalletError {
        if let error = error as? WalletError { return error }
        return .database(describe(error))
    }
}

// MARK: - Accounts

extension WalletStore {
    /// Adds test funds. Only test networks (`WalletNetworks.testNetworks`) take top-ups;
    /// the account is created on the first one. Returns the new balance.
    @discardableResult
    public func topUp(network: String, asset: String, symbol: String, decimals: Int,
                      amount: BigUInt) throws(WalletError) -> Amount {
        let network = try WalletInput.network(network)
        guard WalletNetworks.kind(of: network) == .test else { throw .notATestNetwork(network: network) }
        let asset = try WalletInput.asset(asset)
        let symbol = try WalletInput.symbol(symbol), decimals = try WalletInput.decimals(decimals)
        let amount = try WalletInput.positiveAmount(amount, what: "a top-up")
        let now = clock.now
        return try write { db in
            let account = try Self.findOrCreateAccount(db, network: network, asset: asset, symbol: symbol,
                                                       decimals: decimals, kind: .test, budget: nil, now: now)
            let totals = try Self.totals(db, account)
            guard totals.funded + amount <= AmountFormatter.maximumAmount else {
                throw WalletError.invalidAmount("the account's top-ups would exceed a uint256")
            }
            try db.execute(cached: """
                INSERT INTO entry (account_id, kind, amount, created_at, updated_at) VALUES (?, 'topup', ?, ?, ?)
                """, arguments: [account.id, AmountText.encode(amount), StoredDate.text(now), StoredDate.text(now)])
            return account.amount(totals.balance + amount)
        }
    }

    /// Sets how much a main-network account may spend in all (committed, pending and
    /// reserved payments together), creating the account on first use. A budget below
    /// what is already spent or held is refused. Returns the new balance.
    @discardableResult
    public func setBudget(network: String, asset: String, symbol: String, decimals: Int,
                          amount: BigUInt) throws(WalletError) -> Amount {
        let network = try WalletInput.network(network)
        guard WalletNetworks.kind(of: network) == .main else { throw .notAMainNetwork(network: network) }
        let asset = try WalletInput.asset(asset)
        let symbol = try WalletInput.symbol(symbol), decimals = try WalletInput.decimals(decimals)
        guard amount <= AmountFormatter.maximumAmount else { throw .invalidAmount("a budget is larger than a uint256") }
        let now = clock.now
        return try write { db in
            let account = try Self.findOrCreateAccount(db, network: network, asset: asset, symbol: symbol,
                                                       decimals: decimals, kind: .main, budget: amount, now: now)
            let totals = try Self.totals(db, account)
            let used = totals.spent + totals.held
            guard amount >= used else {
                throw WalletError.budgetBelowSpent(budget: account.amount(amount), spent: account.amount(used))
            }
            try db.execute(cached: "UPDATE account SET budget = ? WHERE id = ?",
                           arguments: [AmountText.encode(amount), account.id])
            return account.amount(amount - used)
        }
    }

    /// `setBudget` for an asset Penny knows (`KnownAsset`), with its symbol and decimals.
    @discardableResult
    public func setBudget(network: String, asset: String, amount: BigUInt) throws(WalletError) -> Amount {
        guard let known = KnownAsset.find(network: network, address: asset) else {
            throw .accountMismatch("""
                Penny does not know the decimals of \(asset) on \(network): give its symbol and decimals
                """)
        }
        return try setBudget(network: network, asset: asset, symbol: known.symbol, decimals: known.decimals, amount: amount)
    }

    /// Sets the account's per-payment maximum and daily cap (nil: no limit).
    public func setLimits(network: String, asset: String, _ limits: SpendingLimits) throws(WalletError) {
        let network = try WalletInput.network(network), asset = try WalletInput.asset(asset)
        for limit in [limits.maxPerPayment, limits.dailyCap].compactMap({ $0 }) where limit > AmountFormatter.maximumAmount {
            throw .invalidAmount("a limit is larger than a uint256")
        }
        try write { db in
            guard let account = try Self.account(db, network: network, asset: asset) else {
                throw WalletError.unknownAccount(network: network, asset: asset)
            }
            try db.execute(cached: "UPDATE account SET max_per_payment = ?, daily_cap = ? WHERE id = ?", arguments: [
                limits.maxPerPayment.map(AmountText.encode), limits.dailyCap.map(AmountText.encode), account.id,
            ])
        }
    }

    /// The account of `asset` on `network`, or nil.
    public func account(network: String, asset: String) throws(WalletError) -> WalletAccount? {
        let asset = WalletInput.asciiLowercased(asset)
        return try read { db in try Self.account(db, network: network, asset: asset) }
    }

    /// Every account with its limits, without its totals (which read the whole ledger), in creation order.
    public func accountsWithoutTotals() throws(WalletError) -> [WalletAccount] {
        try read { db in try Row.fetchAll(db, cached: "SELECT * FROM account ORDER BY id").map(Self.decodeAccount) }
    }

    /// Every account with its totals, in creation order.
    public func accounts() throws(WalletError) -> [AccountSummary] {
        try read { db in
            try Row.fetchAll(db, cached: "SELECT * FROM account ORDER BY id").map { row in
                let account = try Self.decodeAccount(row)
                let totals = try Self.totals(db, account)
                return AccountSummary(account: account, funded: account.amount(totals.funded),
                                      spent: account.amount(totals.spent), held: account.amount(totals.held),
                                      balance: account.amount(totals.balance))
            }
        }
    }

    /// What the account has left: top-ups (or the budget) minus reserved, committed and
    /// pending payments.
    public func balance(network: String, asset: String) throws(WalletError) -> BigUInt {
        let asset = WalletInput.asciiLowercased(asset)
        return try read { db in
            guard let account = try Self.account(db, network: network, asset: asset) else {
                throw WalletError.unknownAccount(network: network, asset: asset)
            }
            return try Self.totals(db, account).balance
        }
    }

    /// Reserved, committed and pending payments of the account made today (the clock's day).
    public func spentToday(network: String, asset: String) throws(WalletError) -> BigUInt {
        let asset = WalletInput.asciiLowercased(asset)
        let window = DayWindow(clock: clock)
        return try read { db in
            guard let account = try Self.account(db, network: network, asset: asset) else { return 0 }
            return try Self.spent(db, accountID: account.id, origin: nil, window: window)
        }
    }
}

// MARK: - Payments

extension WalletStore {
    /// Holds the intent's amount for a payment, before anything is signed or sent.
    ///
    /// In one write transaction: the account exists; the amount is positive; the nonce is
    /// new (a second reservation for the same authorization is refused, also by the
    /// schema); the payee is not blocked; the amount is within the per-payment maximum,
    /// today's spending within the daily cap, and the balance covers it. Then the
    /// `reserved` entry is written with the offer and the nonce.
    public func reserve(_ intent: PaymentIntent) throws(WalletError) -> Reservation {
        try reserve(intent, storing: nil)
    }

    /// `reserve`, then `attachCredential`, in the same write transaction: the money is held
    /// and the signed credential stored by one commit, on disk before this returns, so the
    /// credential can be sent at once. Signing before reserving is safe: a credential whose
    /// reservation is refused is never sent, and a nonce is reserved once. `credential` must
    /// have been signed for `intent` (its nonce and amount).
    public func reserve(_ intent: PaymentIntent, credential: [UInt8]) throws(WalletError) -> Reservation {
        guard !credential.isEmpty else { throw .invalidInput("the credential is empty") }
        return try reserve(intent, storing: credential)
    }

    private func reserve(_ intent: PaymentIntent, storing credential: [UInt8]?) throws(WalletError) -> Reservation {
        let network = try WalletInput.network(intent.network), asset = try WalletInput.asset(intent.asset)
        let origin = try WalletInput.origin(intent.origin)
        let payee = try intent.payee.map { (payee) throws(WalletError) in try WalletInput.payee(payee) }
        let nonce = try WalletInput.nonce(intent.nonce)
        let paymentProtocol = try WalletInput.text(intent.paymentProtocol, what: "the protocol", limit: 100)
        let resourceURL = try intent.resourceURL.map { (url) throws(WalletError) in
            try WalletInput.text(url, what: "the resource URL", limit: 8192)
        }
        let offerJSON = try WalletInput.text(intent.offerJSON, what: "the offer", limit: 1 << 20)
        let now = clock.now
        let window = DayWindow(clock: clock)
        return try write { db in
            guard let account = try Self.account(db, network: network, asset: asset) else {
                throw WalletError.unknownAccount(network: network, asset: asset)
            }
            let amount = try WalletInput.positiveAmount(intent.amount, what: "a payment")
            if try Bool.fetchOne(db, cached: "SELECT 1 FROM entry WHERE nonce = ?", arguments: [nonce]) == true {
                throw WalletError.duplicateNonce(nonce)
            }
            if let payee, try Self.isBlocked(db, payee: payee) {
                throw WalletError.payeeBlocked(payee: payee)
            }
            if let maximum = account.limits.maxPerPayment, amount > maximum {
                throw WalletError.overPerPaymentMaximum(maximum: account.amount(maximum), amount: account.amount(amount))
            }
            let balance = try Self.totals(db, account).balance
            guard balance >= amount else {
                throw WalletError.insufficientFunds(balance: account.amount(balance), needed: account.amount(amount))
            }
            if let cap = account.limits.dailyCap {
                let today = try Self.spent(db, accountID: account.id, origin: nil, window: window)
                guard today + amount <= cap else {
                    throw WalletError.overDailyCap(cap: account.amount(cap), spentToday: account.amount(today),
                                                   amount: account.amount(amount))
                }
            }
            try db.execute(cached: """
                INSERT INTO entry (account_id, kind, state, amount, origin, resource_url, payee, protocol,
                                   offer_json, nonce, created_at, updated_at)
                VALUES (?, 'payment', 'reserved', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [account.id, AmountText.encode(amount), origin, resourceURL, payee, paymentProtocol,
                                 offerJSON, nonce, StoredDate.text(now), StoredDate.text(now)])
            let id = db.lastInsertedRowID
            if let credential {
                // An UPDATE, as attachCredential does: the schema lets a payment start only without one.
                try db.execute(cached: "UPDATE entry SET credential = ? WHERE id = ?", arguments: [Data(credential), id])
            }
            return Reservation(id: PaymentID(id), nonce: nonce, amount: account.amount(amount),
                               balanceAfter: account.amount(balance - amount), createdAt: now)
        }
    }

    /// Stores the signed credential of a reserved payment, BEFORE it is sent. Refused when
    /// one is attached already: never sign twice, resend the stored one (`payment(_:)`).
    public func attachCredential(reservation id: PaymentID, credential: [UInt8]) throws(WalletError) {
        guard !credential.isEmpty else { throw .invalidInput("the credential is empty") }
        try transition(id, action: "given a credential", from: [.reserved], needsCredential: false,
                       refuseAttached: true) { db, stamp in
            try db.execute(cached: "UPDATE entry SET credential = ?, updated_at = ? WHERE id = ?",
                           arguments: [Data(credential), stamp, id.rawValue])
        }
    }

    /// The server accepted the payment: reserved or pending → committed.
    ///
    /// A payment's outcome (`commit`, `release`, `markPending`) may be `.logged`, not synced:
    /// what a power cut can lose is only the outcome, never the reservation or the credential,
    /// which were synced before the credential was sent. The payment is then still reserved
    /// with its credential; recovery makes it pending, which keeps the money held, and the
    /// page's next load sends that same credential again, which the site takes as paid or
    /// refuses as already used (committed then). Nothing is signed again or paid twice; a
    /// lost release keeps the money held until the pending payment is resolved.
    public func commit(reservation id: PaymentID, receipt: String?,
                       durability: CommitDurability = .synced) throws(WalletError) {
        let receipt = try receipt.map { (text) throws(WalletError) in
            try WalletInput.text(text, what: "the receipt", limit: 1 << 16)
        }
        try transition(id, action: "committed", from: [.reserved, .pending], needsCredential: true,
                       durability: durability) { db, stamp in
            try db.execute(cached: "UPDATE entry SET state = 'committed', receipt = ?, updated_at = ? WHERE id = ?",
                           arguments: [receipt, stamp, id.rawValue])
        }
    }

    /// A definite failure (nothing was sent, or the server refused the credential): the
    /// money is back. Reserved or pending → released.
    public func release(reservation id: PaymentID, reason: String,
                        durability: CommitDurability = .synced) throws(WalletError) {
        let reason = try WalletInput.text(reason, what: "the reason", limit: 4096)
        try transition(id, action: "released", from: [.reserved, .pending], needsCredential: false,
                       durability: durability) { db, stamp in
            try db.execute(cached: "UPDATE entry SET state = 'released', reason = ?, updated_at = ? WHERE id = ?",
                           arguments: [reason, stamp, id.rawValue])
        }
    }

    /// An ambiguous outcome after sending (a timeout, a dropped connection): the credential
    /// may have been accepted, so the money stays held. Reserved → pending; needs the
    /// credential, since only a sent credential can be ambiguous.
    public func markPending(reservation id: PaymentID, durability: CommitDurability = .synced) throws(WalletError) {
        try transition(id, action: "marked pending", from: [.reserved], needsCredential: true,
                       durability: durability) { db, stamp in
            try db.execute(cached: "UPDATE entry SET state = 'pending', updated_at = ? WHERE id = ?",
                           arguments: [stamp, id.rawValue])
        }
    }

    /// Checks a payment's state in the write transaction, then applies `update`.
    private func transition(_ id: PaymentID, action: String, from allowed: [PaymentState], needsCredential: Bool,
                            refuseAttached: Bool = false, durability: CommitDurability = .synced,
                            update: (Database, String) throws -> Void) throws(WalletError) {
        let now = clock.now
        try write(durability) { db in
            guard let row = try Row.fetchOne(db, cached: """
                SELECT state, credential IS NOT NULL AS attached, created_at FROM entry WHERE id = ? AND kind = 'payment'
                """, arguments: [id.rawValue]) else {
                throw WalletError.unknownPayment(id)
            }
            let stateText: String = try row.decode(forColumn: "state")
            guard let state = PaymentState(rawValue: stateText) else {
                throw WalletError.ledgerDamaged("payment \(id) has the unknown state \(stateText)")
            }
            let attached: Bool = try row.decode(forColumn: "attached")
            if refuseAttached && attached { throw WalletError.credentialAlreadyAttached(id) }
            guard allowed.contains(state) else { throw WalletError.illegalTransition(id, from: state, action: action) }
            if needsCredential && !attached { throw WalletError.credentialMissing(id) }
            // A clock set back must not date a change before the entry itself (stored
            // dates are text whose order is time order).
            let createdAt: String = try row.decode(forColumn: "created_at")
            try update(db, max(StoredDate.text(now), createdAt))
        }
    }

    /// The payment or top-up with this id, with its stored credential.
    public func payment(_ id: PaymentID) throws(WalletError) -> LedgerEntry? {
        try read { db in try Self.entries(db, where: "e.id = ?", arguments: [id.rawValue]).first }
    }

    /// Payments whose outcome is unknown (state pending), oldest first.
    public func pendingPayments() throws(WalletError) -> [LedgerEntry] {
        try read { db in try Self.entries(db, where: "e.state = 'pending'", order: "e.id") }
    }

    /// Reserved payments not yet resolved, oldest first.
    public func openReservations() throws(WalletError) -> [LedgerEntry] {
        try read { db in try Self.entries(db, where: "e.state = 'reserved'", order: "e.id") }
    }

    /// After a crash: reservations older than `age` seconds are resolved the safe way. With
    /// a credential (it may have been sent) they become pending; without one nothing can
    /// have been sent, so they are released. Returns the changed payments.
    ///
    /// The age keeps this from touching another running Penny's payment in progress.
    public func recoverInterruptedPayments(olderThan age: TimeInterval) throws(WalletError) -> [LedgerEntry] {
        let now = clock.now
        let cutoff = now.addingTimeInterval(-age)
        // Nearly every start finds nothing: a read, which neither waits for another Penny's
        // write lock nor writes. What it finds is looked at again in the write transaction.
        let found = try read { db in
            try Bool.fetchOne(db, cached: "SELECT EXISTS (SELECT 1 FROM entry WHERE state = 'reserved' AND created_at < ?)",
                              arguments: [StoredDate.text(cutoff)]) ?? false
        }
        guard found else { return [] }
        return try write { db in
            let stale = try Self.entries(db, where: "e.state = 'reserved' AND e.created_at < ?",
                                         arguments: [StoredDate.text(cutoff)], order: "e.id")
            // Never dated before the entry itself, should the clock have gone back (text order is time order).
            let when = StoredDate.text(now)
            for entry in stale {
                if entry.credential != nil {
                    try db.execute(cached: "UPDATE entry SET state = 'pending', updated_at = max(?, created_at) WHERE id = ?",
                                   arguments: [when, entry.id.rawValue])
                } else {
                    try db.execute(cached: """
                        UPDATE entry SET state = 'released', reason = ?, updated_at = max(?, created_at) WHERE id = ?
                        """, arguments: ["Penny stopped before sending the payment", when, entry.id.rawValue])
                }
            }
            return try stale.flatMap { entry in
                try Self.entries(db, where: "e.id = ?", arguments: [entry.id.rawValue])
            }
        }
    }

    /// The newest `limit` ledger entries (payments and top-ups), newest first.
    public func history(limit: Int) throws(WalletError) -> [LedgerEntry] {
        try read { db in try Self.entries(db, where: "1", order: "e.id DESC", limit: max(0, limit)) }
    }

    /// Committed payments, newest first.
    public func receipts() throws(WalletError) -> [LedgerEntry] {
        try read { db in try Self.entries(db, where: "e.state = 'committed'", order: "e.id DESC") }
    }
}

// MARK: - Reading the ledger inside a transaction

extension WalletStore {
    struct Totals {
        /// Top-ups, or the budget.
        var funded: BigUInt
        /// Committed payments.
        var spent: BigUInt
        /// Reserved and pending payments.
        var held: BigUInt
        var balance: BigUInt
    }

    static func account(_ db: Database, network: String, asset: String) throws -> WalletAccount? {
        try Row.fetchOne(db, cached: "SELECT * FROM account WHERE network = ? AND asset = ?", arguments: [network, asset])
            .map(decodeAccount)
    }

    static func decodeAccount(_ row: Row) throws -> WalletAccount {
        let kindText: String = try row.decode(forColumn: "kind")
        guard let kind = AccountKind(rawValue: kindText) else {
            throw WalletError.ledgerDamaged("an account has the unknown kind \(kindText)")
        }
        return WalletAccount(
            id: try row.decode(forColumn: "id"), network: try row.decode(forColumn: "network"),
            asset: try row.decode(forColumn: "asset"), symbol: try row.decode(forColumn: "symbol"),
            decimals: try row.decode(forColumn: "decimals"), kind: kind,
            budget: try decodeAmount(row.decode(forColumn: "budget")),
            limits: SpendingLimits(maxPerPayment: try decodeAmount(row.decode(forColumn: "max_per_payment")),
                                   dailyCap: try decodeAmount(row.decode(forColumn: "daily_cap"))))
    }

    /// A stored date (`StoredDate`); GRDB reads any other form SQLite knows.
    static func decodeDate(_ row: Row, _ column: String) throws -> Date {
        let value: DatabaseValue = row[column]
        if let text = String.fromDatabaseValue(value), let date = StoredDate.date(text) {
            return date
        }
        guard let date = Date.fromDatabaseValue(value) else {
            throw WalletError.ledgerDamaged("the stored date \(value.description.prefix(80)) cannot be read")
        }
        return date
    }

    static func decodeAmount(_ text: String?) throws -> BigUInt? {
        guard let text else { return nil }
        guard let value = AmountText.decode(text) else {
            throw WalletError.ledgerDamaged("the stored amount \"\(text.prefix(80))\" is not a canonical uint256")
        }
        return value
    }

    /// The account's totals, summed exactly from its entries.
    static func totals(_ db: Database, _ account: WalletAccount) throws -> Totals {
        let (topUps, spent, held) = try sumsInSQLite(db, account) ?? exactSums(db, account)
        let funded: BigUInt
        switch account.kind {
        case .test: funded = topUps
        case .main:
            guard topUps == 0 else { throw WalletError.ledgerDamaged("a main-network account has top-ups") }
            funded = account.budget ?? 0
        }
        guard spent + held <= funded else {
            throw WalletError.ledgerDamaged("payments of \(account.amount(spent + held)) exceed the funds of \(account.amount(funded))")
        }
        return Totals(funded: funded, spent: spent, held: held, balance: funded - spent - held)
    }

    /// Top-ups, spent and held of the account, each entry decoded and checked in Swift.
    private static func exactSums(_ db: Database, _ account: WalletAccount) throws -> (BigUInt, BigUInt, BigUInt) {
        var topUps: BigUInt = 0, spent: BigUInt = 0, held: BigUInt = 0
        let rows = try Row.fetchCursor(db, cached: "SELECT kind, state, amount FROM entry WHERE account_id = ?",
                                       arguments: [account.id])
        while let row = try rows.next() {
            let amount = try decodeAmount(row.decode(forColumn: "amount")) ?? 0
            let kind: String = try row.decode(forColumn: "kind")
            let state: String? = try row.decode(forColumn: "state")
            switch (kind, state) {
            case ("topup", nil): topUps += amount
            case ("payment", "committed"): spent += amount
            case ("payment", "reserved"), ("payment", "pending"): held += amount
            case ("payment", "released"): break
            default: throw WalletError.ledgerDamaged("an entry of kind \(kind) has the state \(state ?? "NULL")")
            }
        }
        return (topUps, spent, held)
    }

    /// Whether an entry's amount is something other than 1 to 18 plain digits, as SQL: such
    /// amounts (and any sum over 2^63, which SQLite refuses with an error rather than rounding)
    /// are summed in Swift instead, where every entry is decoded and checked.
    private static let unusualAmount = "(length(amount) NOT BETWEEN 1 AND 18 OR amount GLOB '*[^0-9]*')"

    /// The same sums, added up by SQLite in one pass without decoding each entry: exact when
    /// every amount has at most 18 digits (each below 2^63) and no sum overflows. Nil when that
    /// does not hold or a kind or state is not a known one, and the caller sums every entry in
    /// Swift (which names what is wrong).
    private static func sumsInSQLite(_ db: Database, _ account: WalletAccount) -> (BigUInt, BigUInt, BigUInt)? {
        let sql = """
            SELECT SUM(\(unusualAmount) OR NOT (kind = 'topup' AND state IS NULL OR kind = 'payment'
                       AND state IN ('reserved', 'committed', 'pending', 'released'))),
                   SUM(CASE WHEN kind = 'topup' THEN CAST(amount AS INTEGER) ELSE 0 END),
                   SUM(CASE WHEN kind = 'payment' AND state = 'committed' THEN CAST(amount AS INTEGER) ELSE 0 END),
                   SUM(CASE WHEN kind = 'payment' AND state IN ('reserved', 'pending') THEN CAST(amount AS INTEGER) ELSE 0 END)
            FROM entry WHERE account_id = ?
            """
        guard let row = try? Row.fetchOne(db, cached: sql, arguments: [account.id]) else { return nil }
        let unusual: Int64? = row[0], topUps: Int64? = row[1], spent: Int64? = row[2], held: Int64? = row[3]
        guard (unusual ?? 0) == 0, let sums = nonNegative([topUps ?? 0, spent ?? 0, held ?? 0]) else { return nil }
        return (sums[0], sums[1], sums[2])
    }

    /// Non-negative SQLite sums as BigUInts (without BigUInt's generic initialiser, whose
    /// first use costs run-time type lookups); nil if any is negative.
    private static func nonNegative(_ values: [Int64]) -> [BigUInt]? {
        guard values.allSatisfy({ $0 >= 0 }) else { return nil }
        return values.map { BigUInt(words: [UInt($0)]) }
    }

    /// Payments that still count (reserved, committed, pending) made in `window`, of the
    /// account, and of `origin` when given.
    static func spent(_ db: Database, accountID: Int64, origin: String?, window: DayWindow) throws -> BigUInt {
        var condition = """
            account_id = ? AND kind = 'payment'
            AND state IN ('reserved', 'committed', 'pending') AND created_at >= ? AND created_at < ?
            """
        var arguments: StatementArguments = [accountID, StoredDate.text(window.start), StoredDate.text(window.end)]
        if let origin {
            condition += " AND origin = ?"
            arguments += [origin]
        }
        // Summed by SQLite when that is exact (see `sumsInSQLite`), else entry by entry.
        if let row = try? Row.fetchOne(db, cached: "SELECT SUM(\(unusualAmount)), SUM(CAST(amount AS INTEGER)) FROM entry WHERE "
                                           + condition, arguments: arguments) {
            let unusual: Int64? = row[0], total: Int64? = row[1]
            if (unusual ?? 0) == 0, let sum = nonNegative([total ?? 0]) { return sum[0] }
        }
        let sql = "SELECT amount FROM entry WHERE " + condition
        var total: BigUInt = 0
        let amounts = try String.fetchCursor(db, cached: sql, arguments: arguments)
        while let text = try amounts.next() {
            total += try decodeAmount(text) ?? 0
        }
        return total
    }

    static func isBlocked(_ db: Database, payee: String) throws -> Bool {
        try Bool.fetchOne(db, cached: "SELECT 1 FROM blocked_payee WHERE payee = ?",
                          arguments: [WalletInput.asciiLowercased(payee)]) == true
    }

    static func findOrCreateAccount(_ db: Database, network: String, asset: String, symbol: String, decimals: Int,
                                    kind: AccountKind, budget: BigUInt?, now: Date) throws -> WalletAccount {
        if let known = KnownAsset.find(network: network, address: asset) {
            guard known.decimals == decimals, known.symbol == symbol else {
                throw WalletError.accountMismatch("""
                    \(known.symbol) at \(asset) on \(network) has \(known.decimals) decimals, \
                    not "\(symbol)" with \(decimals)
                    """)
            }
        }
        if let account = try account(db, network: network, asset: asset) {
            guard account.symbol == symbol, account.decimals == decimals else {
                throw WalletError.accountMismatch("""
                    the account for \(asset) on \(network) is \(account.symbol) with \(account.decimals) decimals, \
                    not \(symbol) with \(decimals)
                    """)
            }
            return account
        }
        try db.execute(cached: """
            INSERT INTO account (network, asset, symbol, decimals, kind, budget, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [network, asset, symbol, decimals, kind.rawValue, budget.map(AmountText.encode), StoredDate.text(now)])
        return WalletAccount(id: db.lastInsertedRowID, network: network, asset: asset, symbol: symbol,
                             decimals: decimals, kind: kind, budget: budget, limits: SpendingLimits())
    }

    /// Ledger entries with their account's network, asset and units.
    static func entries(_ db: Database, where condition: String, arguments: StatementArguments = [],
                        order: String = "e.id", limit: Int? = nil) throws -> [LedgerEntry] {
        var sql = """
            SELECT e.id, e.kind, e.state, e.amount, e.origin, e.resource_url, e.payee, e.protocol, e.offer_json,
                   e.nonce, e.credential, e.receipt, e.reason, e.created_at, e.updated_at,
                   a.network, a.asset, a.symbol, a.decimals
            FROM entry e JOIN account a ON a.id = e.account_id
            WHERE \(condition) ORDER BY \(order)
            """
        var arguments = arguments
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return try Row.fetchAll(db, cached: sql, arguments: arguments).map { row in
            let kindText: String = try row.decode(forColumn: "kind")
            guard let kind = EntryKind(rawValue: kindText) else {
                throw WalletError.ledgerDamaged("an entry has the unknown kind \(kindText)")
            }
            let stateText: String? = try row.decode(forColumn: "state")
            let state = try stateText.map { text in
                guard let state = PaymentState(rawValue: text) else {
                    throw WalletError.ledgerDamaged("an entry has the unknown state \(text)")
                }
                return state
            }
            let credential: Data? = try row.decode(forColumn: "credential")
            return LedgerEntry(
                id: PaymentID(try row.decode(forColumn: "id")),
                network: try row.decode(forColumn: "network"), asset: try row.decode(forColumn: "asset"),
                kind: kind, state: state,
                amount: Amount(baseUnits: try decodeAmount(row.decode(forColumn: "amount")) ?? 0,
                               decimals: try row.decode(forColumn: "decimals"), symbol: try row.decode(forColumn: "symbol")),
                origin: try row.decode(forColumn: "origin"), resourceURL: try row.decode(forColumn: "resource_url"),
                payee: try row.decode(forColumn: "payee"), paymentProtocol: try row.decode(forColumn: "protocol"),
                offerJSON: try row.decode(forColumn: "offer_json"), nonce: try row.decode(forColumn: "nonce"),
                credential: credential.map { [UInt8]($0) }, receipt: try row.decode(forColumn: "receipt"),
                reason: try row.decode(forColumn: "reason"), createdAt: try decodeDate(row, "created_at"),
                updatedAt: try decodeDate(row, "updated_at"))
        }
    }
}
