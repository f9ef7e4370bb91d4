import Foundation
import Wallet

/// The promises the wallet and the demo site's ledger make to each other, checked after
/// every kill and at the end of every concurrent run. Each broken promise is one line.
enum LedgerInvariants {
    /// Before any recovery: the file is sound; every payment the site recorded is one the
    /// wallet still holds the money for (committed, pending, or reserved with the signed
    /// credential stored); the wallet never commits what the site did not receive; the
    /// balance never goes negative; each reservation has its own nonce.
    static func check(wallet: WalletSnapshot, funded: Int, site: [DemoSiteProcess.Payment]) -> [String] {
        var problems: [String] = []
        if wallet.integrity != ["ok"] {
            problems.append("PRAGMA integrity_check: \(wallet.integrity.prefix(3))")
        }
        var byNonce: [String: LedgerEntry] = [:]
        for entry in wallet.payments {
            guard let nonce = entry.nonce?.lowercased() else {
                problems.append("payment \(entry.id) has no nonce")
                continue
            }
            if byNonce[nonce] != nil { problems.append("two wallet reservations share the nonce \(nonce)") }
            byNonce[nonce] = entry
            switch entry.state {
            case .committed?, .pending?:
                if entry.credential == nil { problems.append("payment \(entry.id) is \(entry.state!) without its credential") }
            case .reserved?, .released?:
                break
            case nil:
                problems.append("payment \(entry.id) has no state")
            }
        }
        var siteNonces: Set<String> = []
        for payment in site {
            let nonce = payment.nonce.lowercased()
            if !siteNonces.insert(nonce).inserted { problems.append("the site recorded the nonce \(nonce) twice") }
            guard let entry = byNonce[nonce] else {
                problems.append("the site was paid \(payment.amount) with the nonce \(nonce), which no wallet reservation has")
                continue
            }
            if entry.amount.baseUnits != payment.amount {
                problems.append("the site recorded \(payment.amount) for payment \(entry.id) of \(entry.amount.baseUnits)")
            }
            switch entry.state {
            case .committed?, .pending?:
                break
            case .reserved?:
                if entry.credential == nil {
                    problems.append("the site was paid by payment \(entry.id), reserved in the wallet without a stored credential")
                }
            case .released?, nil:
                problems.append("LOST: the site was paid \(payment.amount) by payment \(entry.id), which the wallet released (\(entry.reason ?? "no reason")): the wallet gave back money that was spent")
            }
        }
        for entry in wallet.payments(in: .committed) where !siteNonces.contains(entry.nonce?.lowercased() ?? "") {
            problems.append("payment \(entry.id) is committed in the wallet, but the site never received it")
        }
        let held = wallet.total(in: .committed) + wallet.total(in: .pending) + wallet.total(in: .reserved)
        if held > funded {
            problems.append("the wallet spent or holds \(held) of \(funded): the balance is negative")
        }
        return problems
    }

    /// After recovery (`recoverInterruptedPayments(olderThan: 0)`): nothing is reserved, and the
    /// site's earnings lie between what the wallet committed and that plus what is pending.
    static func checkAfterRecovery(wallet: WalletSnapshot, site: [DemoSiteProcess.Payment]) -> [String] {
        var problems: [String] = []
        let reserved = wallet.payments(in: .reserved)
        if !reserved.isEmpty {
            problems.append("\(reserved.count) payments stay reserved after recovery: \(reserved.map(\.id))")
        }
        let earned = site.reduce(0) { $0 + $1.amount }
        let committed = wallet.total(in: .committed)
        let pending = wallet.total(in: .pending)
        if earned < committed || earned > committed + pending {
            problems.append("the site earned \(earned); the wallet committed \(committed) with \(pending) pending")
        }
        if site.count > wallet.payments(in: .committed).count + wallet.payments(in: .pending).count {
            problems.append("the site has \(site.count) payments; the wallet committed \(wallet.payments(in: .committed).count) and has \(wallet.payments(in: .pending).count) pending")
        }
        return problems
    }

    /// Once nothing is pending: the ledgers agree to the base unit.
    static func checkSettled(wallet: WalletSnapshot, site: [DemoSiteProcess.Payment]) -> [String] {
        var problems: [String] = []
        let open = wallet.payments.filter { $0.state == .reserved || $0.state == .pending }
        if !open.isEmpty { problems.append("\(open.count) payments are still open: \(open.map { "\($0.id) \($0.state!)" })") }
        let earned = site.reduce(0) { $0 + $1.amount }
        let committed = wallet.total(in: .committed)
        if earned != committed {
            problems.append("the wallet's committed total is \(committed), the site's earnings are \(earned)")
        }
        return problems
    }
}

/// Recovers interrupted payments as a Penny opened ten minutes later would, but at once.
func recoverAll(_ walletPath: String) throws -> [LedgerEntry] {
    let store = try WalletStore(path: walletPath)
    defer { try? store.close() }
    return try store.recoverInterruptedPayments(olderThan: 0)
}
