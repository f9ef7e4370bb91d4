import BigInt
import Foundation
import GRDB
import PaymentOffers
import Testing
@testable import Wallet
#if canImport(Glibc)
import Glibc
#endif

/// The ledger steps a paid page goes through, as `penny --dump --pay` and the browser take
/// them: one commit holds the money and stores the signed credential, on disk before the
/// credential is sent; the wallet file opens through one connection; dates and amounts are
/// read and written without Foundation's formatters, exactly as before.
struct DurablePaymentTests {
    let demo = Fixture.demo

    // MARK: Reserving with the credential

    @Test func reserveWithCredentialHoldsTheMoneyAndStoresTheCredentialAtOnce() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1000, clock: clock)
        let credential = Array(#"[["PAYMENT-SIGNATURE","eyJ4NDAy"]]"#.utf8)
        let reservation = try store.reserve(Fixture.intent(100), credential: credential)
        #expect(reservation.amount.baseUnits == 100)
        #expect(reservation.balanceAfter.baseUnits == 900)
        #expect(reservation.createdAt == clock.now)
        let entry = try #require(try store.payment(reservation.id))
        #expect(entry.state == .reserved)
        #expect(entry.credential == credential)
        #expect(entry.createdAt == clock.now)
        #expect(entry.updatedAt == clock.now)
        #expect(try store.balance(network: demo.network, asset: demo.address) == 900)
        // The credential is attached once: it is what any retry sends.
        #expect(walletError { try store.attachCredential(reservation: reservation.id, credential: [1]) }
            == .credentialAlreadyAttached(reservation.id))
        // An ambiguous answer needs the stored credential, which is there.
        try store.markPending(reservation: reservation.id)
        #expect(try store.pendingPayments().map(\.credential) == [credential])
        try store.commit(reservation: reservation.id, receipt: "0xabc")
        #expect(try store.payment(reservation.id)?.state == .committed)
        #expect(try store.balance(network: demo.network, asset: demo.address) == 900)
    }

    @Test func reserveWithCredentialRefusalsWriteNothing() throws {
        let store = try Fixture.funded(1000)
        let taken = Fixture.nonce()
        _ = try store.reserve(Fixture.intent(10, nonce: taken), credential: [1])
        try store.blockPayee(Fixture.payee)
        let before = try Fixture.snapshot(store)
        #expect(walletError { _ = try store.reserve(Fixture.intent(10, payee: nil), credential: []) }
            == .invalidInput("the credential is empty"))
        #expect(walletError { _ = try store.reserve(Fixture.intent(991, payee: nil), credential: [1]) }
            == .insufficientFunds(balance: Amount(baseUnits: 990, decimals: 6, symbol: "USDC"),
                                  needed: Amount(baseUnits: 991, decimals: 6, symbol: "USDC")))
        #expect(walletError { _ = try store.reserve(Fixture.intent(10, payee: nil, nonce: taken), credential: [1]) }
            == .duplicateNonce(taken))
        #expect(walletError { _ = try store.reserve(Fixture.intent(10), credential: [1]) } == .payeeBlocked(payee: Fixture.payee))
        #expect(walletError { _ = try store.reserve(Fixture.intent(10, asset: Fixture.sepolia), credential: [1]) }
            == .unknownAccount(network: Fixture.sepolia.network, asset: Fixture.sepolia.address.lowercased()))
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func aCrashAfterReservingLeavesThePaymentPendingWithItsCredential() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1000, clock: clock)
        let credential: [UInt8] = [4, 0, 2]
        let id = try store.reserve(Fixture.intent(300), credential: credential).id
        // The process died after sending, before any answer: the next start recovers it.
        clock.advance(by: 601)
        let recovered = try store.recoverInterruptedPayments(olderThan: 600)
        #expect(recovered.map(\.id) == [id])
        #expect(recovered.map(\.state) == [.pending])
        // Pending keeps the money held and the same credential, never a new signature.
        #expect(try store.pendingPayments().map(\.credential) == [credential])
        #expect(try store.balance(network: demo.network, asset: demo.address) == 700)
        #expect(try store.payment(id)?.updatedAt == clock.now)
        #expect(try store.recoverInterruptedPayments(olderThan: 600).isEmpty)
    }

    @Test func recoveryWithNothingToRecoverChangesNothing() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1000, clock: clock)
        let fresh = try store.reserve(Fixture.intent(100), credential: [1]).id
        let before = try Fixture.snapshot(store)
        #expect(try store.recoverInterruptedPayments(olderThan: 600).isEmpty)
        #expect(try Fixture.snapshot(store) == before)
        #expect(try store.payment(fresh)?.state == .reserved)
    }

    // MARK: The wallet file

    @Test func everyCommitIsSyncedToDisk() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for _ in 0..<2 {  // created, then reopened
            let store = try WalletStore(path: folder + "/wallet.sqlite", clock: Fixture.clock())
            let (journal, synchronous) = try store.dbQueue.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(journal == "wal")
            // FULL (2): the log is synced at every commit, so a stored credential survives a power cut.
            // NORMAL (1), GRDB's choice for WAL, syncs only when the log is folded into the file.
            #expect(synchronous == 2)
            try store.close()
        }
    }

    @Test func aClosedWalletIsWholeInItsOneFile() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/wallet.sqlite"
        let store = try WalletStore(path: path, clock: Fixture.clock())
        try store.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 1000)
        let id = try store.reserve(Fixture.intent(250), credential: [9]).id
        try store.commit(reservation: id, receipt: nil)
        try store.close()
        // Closing folded the log in: everything is in the wallet file itself.
        #expect((WalletFile.size(path + "-wal") ?? 0) == 0)
        let copy = folder + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let reopened = try WalletStore(path: copy, clock: Fixture.clock())
        #expect(try reopened.balance(network: demo.network, asset: demo.address) == 750)
        #expect(try reopened.payment(id)?.state == .committed)
        try reopened.close()
        let again = try WalletStore(path: path, clock: Fixture.clock())
        #expect(try again.balance(network: demo.network, asset: demo.address) == 750)
        try again.close()
    }

    @Test func aWalletAnotherPennyIsWritingOpensAndAgrees() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/wallet.sqlite"
        let first = try WalletStore(path: path, clock: Fixture.clock())
        try first.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 1000)
        // Still open: its log holds the top-up, which the wallet file may not have yet.
        let second = try WalletStore(path: path, clock: Fixture.clock())
        #expect(try second.balance(network: demo.network, asset: demo.address) == 1000)
        let id = try second.reserve(Fixture.intent(400), credential: [1]).id
        #expect(try first.balance(network: demo.network, asset: demo.address) == 600)
        try first.commit(reservation: id, receipt: nil)
        #expect(try second.payment(id)?.state == .committed)
        try second.close()
        try first.close()
    }

    @Test func aPaymentsOutcomeMayBeLoggedButNothingElseIs() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try WalletStore(path: folder + "/wallet.sqlite", clock: Fixture.clock())
        func synchronous() throws -> Int? { try store.dbQueue.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") } }
        try store.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 1000)
        let id = try store.reserve(Fixture.intent(100), credential: [1])
        #expect(try synchronous() == 2)
        try store.commit(reservation: id.id, receipt: nil, durability: .logged)
        #expect(try synchronous() == 1)
        // The next change sets its own: synced again.
        _ = try store.reserve(Fixture.intent(100), credential: [2])
        #expect(try synchronous() == 2)
        #expect(try store.balance(network: demo.network, asset: demo.address) == 800)
        try store.close()
    }

    /// The files of a Penny that exited without closing the wallet: the wallet file and its
    /// write-ahead log with the latest payments, copied while the wallet is open.
    func walletLeftOpen(in folder: String) throws -> (path: String, balance: BigUInt) {
        let original = folder + "/original.sqlite"
        try WalletStore(path: original, clock: Fixture.clock()).close()
        let store = try WalletStore(path: original, clock: Fixture.clock())
        try store.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 5000)
        let paid = try store.reserve(Fixture.intent(700), credential: [7])
        try store.commit(reservation: paid.id, receipt: nil, durability: .logged)
        #expect((WalletFile.size(original + "-wal") ?? 0) > 0, "the log holds the payments")
        let path = folder + "/wallet.sqlite"
        try FileManager.default.copyItem(atPath: original, toPath: path)
        try FileManager.default.copyItem(atPath: original + "-wal", toPath: path + "-wal")
        try store.close()
        return (path, 4300)
    }

    @Test func aLogLeftByAPennyThatExitedIsRead() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (path, balance) = try walletLeftOpen(in: folder)
        let store = try WalletStore(path: path, clock: Fixture.clock())
        #expect(try store.balance(network: demo.network, asset: demo.address) == balance)
        #expect(try store.receipts().count == 1)
        try store.close()
    }

    @Test func aDamagedWalletWithALogLeftIsRefusedAndNotTouched() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (path, _) = try walletLeftOpen(in: folder)
        // Noise over the start of every page but the first, which still says "Penny wallet".
        var bytes = [UInt8](try Fixture.bytes(path))
        var generator = SeededGenerator(seed: 11)
        for page in stride(from: 4096, to: bytes.count, by: 4096) {
            for index in page..<page + 24 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let wallet = try Fixture.bytes(path), log = try Fixture.bytes(path + "-wal")
        for _ in 0..<2 {
            #expect(fileError { try WalletStore(path: path, clock: Fixture.clock()) }?.kind == .damaged)
            // Closing the connection would have folded the log into the refused file.
            #expect(try Fixture.bytes(path) == wallet, "the wallet file changed")
            #expect(try Fixture.bytes(path + "-wal") == log, "its log changed")
        }
    }

    // MARK: Stored forms

    /// Dates a ledger may hold: whole seconds, milliseconds, and the fractions in between
    /// that `Date()` gives, from 1970 to 2200, leap days and year ends included.
    static func sampleDates() -> [Date] {
        var dates: [Date] = [0, 1, 951_782_400, 951_868_799.9999, 1_709_164_800.5, 1_773_144_000, 1_773_144_000.123,
                             1_773_144_000.1239, 1_773_144_000.999_999, 1_767_225_599.999, 4_102_444_800, 7_258_118_399.999]
            .map { Date(timeIntervalSince1970: $0) }
        var generator = SeededGenerator(seed: 402)
        for _ in 0..<3000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: 0..<7_258_118_400, using: &generator)))
        }
        return dates
    }

    @Test func storedDatesAreTheTextGRDBWrites() throws {
        for date in Self.sampleDates() {
            let text = StoredDate.text(date)
            #expect(text == String.fromDatabaseValue(date.databaseValue), "\(date.timeIntervalSince1970)")
            // Read back as GRDB reads it, and the text reads back to the same text.
            let read = try #require(StoredDate.date(text))
            let grdb = try #require(Date.fromDatabaseValue(text.databaseValue))
            #expect(abs(read.timeIntervalSince1970 - grdb.timeIntervalSince1970) < 1e-6, "\(text)")
            #expect(StoredDate.text(read) == text, "\(text)")
        }
        #expect(StoredDate.text(Date(timeIntervalSince1970: 1_773_144_000.1234)) == "2026-03-10 12:00:00.123")
        #expect(StoredDate.text(Date(timeIntervalSince1970: 1_773_144_000.1239)) == "2026-03-10 12:00:00.124")
        #expect(StoredDate.text(Date(timeIntervalSince1970: 951_868_799.9999)) == "2000-03-01 00:00:00.000")
    }

    @Test func storedDatesInOtherFormsAreReadByGRDB() throws {
        for text in ["2026-03-10 12:00:00", "2026-03-10 12:00:00.5", "2026-03-10 12:00:00.12"] {
            let read = try #require(StoredDate.date(text))
            let grdb = try #require(Date.fromDatabaseValue(text.databaseValue))
            #expect(abs(read.timeIntervalSince1970 - grdb.timeIntervalSince1970) < 1e-6, "\(text)")
        }
        for text in ["", "2026-03-10", "2026-03-10T12:00:00.000", "2026-13-10 12:00:00.000", "2026-03-10 12:00:00.0000",
                     "2026-03-10 24:00:00.000", "20x6-03-10 12:00:00.000"] {
            #expect(StoredDate.date(text) == nil, "\(text)")
        }
        // What GRDB can read but `StoredDate` does not is still read, through GRDB.
        let store = try Fixture.funded(1000)
        try store.dbQueue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER entry_topup_never_changes")
            try db.execute(sql: "UPDATE entry SET updated_at = '2026-03-10 12:00:00.123456' WHERE kind = 'topup'")
        }
        let entry = try #require(try store.history(limit: 1).first)
        #expect(abs(entry.updatedAt.timeIntervalSince1970 - 1_773_144_000.123456) < 1e-3)
    }

    @Test func amountsUpTo19DigitsReadAsTheGeneralParseReadsThem() throws {
        var values: [BigUInt] = [0, 1, 9, 10, 10_000, 999_999_999_999_999_999, 1_000_000_000_000_000_000,
                                 BigUInt(UInt64.max) - 1, BigUInt(UInt64.max), BigUInt(UInt64.max) + 1,
                                 BigUInt(10).power(19) - 1, BigUInt(10).power(19), AmountFormatter.maximumAmount]
        var generator = SeededGenerator(seed: 7)
        for digits in 1...40 {
            let wide = BigUInt(UInt64.random(in: 0...UInt64.max, using: &generator)) * BigUInt(UInt64.random(in: 0...UInt64.max, using: &generator))
            values.append(wide % BigUInt(10).power(digits))
        }
        for value in values {
            let text = AmountText.encode(value)
            #expect(AmountText.decode(text) == value, "\(text)")
            #expect(try AmountFormatter.parseBaseUnits(text) == value)
        }
        for bad in ["00", "01", "+1", "-0", "1 ", "１２", String(repeating: "9", count: 78), "١"] {
            #expect(AmountText.decode(bad) == nil, "\(bad)")
        }
    }

}

/// `SystemClock`'s days come from the C library; they must be Foundation's days. Serialized:
/// each case sets the process's `TZ`.
@Suite(.serialized)
struct SystemClockDayTests {
    /// Sets `TZ` for the C library while `body` runs (Foundation is given the same zone by name).
    static func inTimeZone(_ zone: String, _ body: () throws -> Void) rethrows {
        let previous = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", zone, 1)
        tzset()
        defer {
            if let previous { setenv("TZ", previous, 1) } else { unsetenv("TZ") }
            tzset()
        }
        try body()
    }

    /// The C library's UTC offset at `date`.
    static func libcOffset(_ date: Date) -> Int {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        _ = localtime_r(&seconds, &fields)
        return fields.tm_gmtoff
    }

    @Test(arguments: ["UTC", "Europe/Berlin", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata",
                      "Pacific/Apia"])
    func systemClockDaysAreTheCalendarsDays(_ zone: String) throws {
        guard FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/" + zone), let timeZone = TimeZone(identifier: zone) else {
            return  // no tz database for the C library here
        }
        try Self.inTimeZone(zone) {
            // Every hour of 2026 (DST starts and ends, Santiago's skipped midnight included).
            var instant = 1_767_225_600.0
            var compared = 0
            while instant < 1_798_761_600 {
                defer { instant += 3600 }
                let date = Date(timeIntervalSince1970: instant + 1234.5)
                let day = SystemClock().day(containing: date)
                let expected = DayWindow.calendarDay(containing: date, in: timeZone)
                // Foundation has its own copy of the tz database (ICU's); where the two copies
                // disagree about the offset (a rule changed), the days may too.
                let instants = [date, day.start, day.end, expected.start, expected.end]
                guard instants.allSatisfy({ timeZone.secondsFromGMT(for: $0) == Self.libcOffset($0) }) else { continue }
                compared += 1
                #expect(day.start == expected.start && day.end == expected.end, "\(zone) \(date): \(day) instead of \(expected)")
                if day.start != expected.start || day.end != expected.end { return }
            }
            #expect(compared > 8000, "\(zone): the tz databases disagree too often to compare (\(compared) hours)")
        }
    }
}
