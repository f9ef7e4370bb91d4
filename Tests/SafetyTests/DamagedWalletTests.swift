import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A wallet file that is damaged, cut off, of a newer version or not a wallet at all:
/// `penny --dump --pay auto` refuses to pay, says why, exits non-zero, and leaves every byte
/// of the file as it was (no -wal, -shm or backup appears either). The site gets nothing.
@Suite("Money safety: damaged wallet files", .serialized)
struct DamagedWalletTests {
    /// How a sound wallet is spoiled, and a word the refusal must contain.
    struct Damage: CustomTestStringConvertible, Sendable {
        var name: String
        var expected: [String]
        var spoil: @Sendable (String) throws -> Void
        var testDescription: String { name }
    }

    static let damages: [Damage] = [
        Damage(name: "garbage over the SQLite header", expected: ["not an sqlite database", "not a penny wallet"]) { path in
            try patch(path, at: 0, Array("this is not a database!".utf8))
        },
        Damage(name: "cut to half its size", expected: ["cut off", "damaged"]) { path in
            let bytes = fileBytes(path)!
            try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: path))
        },
        Damage(name: "cut inside the header", expected: ["cut off", "damaged", "truncated"]) { path in
            try Data(fileBytes(path)!.prefix(60)).write(to: URL(fileURLWithPath: path))
        },
        Damage(name: "a b-tree page overwritten with noise", expected: ["damaged"]) { path in
            // The header and cell pointers of every page after the first: SQLite's own check finds it.
            let size = fileBytes(path)!.count
            var noise = SplitMix(seed: 8)
            for page in stride(from: 4096, to: size, by: 4096) {
                try patch(path, at: page, (0..<24).map { _ in UInt8.random(in: 0...255, using: &noise) })
            }
        },
        Damage(name: "a newer schema version", expected: ["newer penny"]) { path in
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
            try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            try queue.close()
        },
        Damage(name: "another program's SQLite database", expected: ["not a penny wallet"]) { path in
            try FileManager.default.removeItem(atPath: path)
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')") }
            try queue.close()
        },
    ]

    @Test(arguments: damages)
    func aDamagedWalletIsNeverUsedNorChanged(_ damage: Damage) throws {
        let site = try DemoSiteProcess()
        defer { site.stop() }
        let penny = try Penny(label: "damaged")
        defer { penny.remove() }
        try penny.topUp("1")
        let wallet = penny.walletPath
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: wallet + suffix) }
        try damage.spoil(wallet)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: wallet + suffix) }
        let before = try #require(fileBytes(wallet))
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: penny.home + "/data").sorted()

        let outcome = try penny.run(["--dump", "--pay", "auto", "--max", "1", site.url + "articles/reserved-for-future-use"])

        #expect(outcome.status != 0, "penny paid or claimed success with a damaged wallet: \(outcome.errorText)")
        let message = outcome.errorText.lowercased()
        #expect(message.contains("wallet"), "the refusal names the wallet: \(outcome.errorText)")
        #expect(damage.expected.contains { message.contains($0) }, "the refusal says what is wrong (\(damage.expected)): \(outcome.errorText)")
        #expect(!message.contains("paid 0.01"))
        let unchanged = fileBytes(wallet) == before
        #expect(unchanged, "the wallet file changed")
        // The cookie jar is not the wallet; SQLite's -wal and -shm appear when a WAL-mode file
        // is merely read (reported, not refused: they hold nothing of the wallet's).
        let filesAfter = try FileManager.default.contentsOfDirectory(atPath: penny.home + "/data").sorted()
        let appeared = Set(filesAfter).subtracting(filesBefore).subtracting(["cookies.txt"])
        let sqliteFiles: Set<String> = ["wallet.sqlite-wal", "wallet.sqlite-shm"]
        #expect(appeared.isSubset(of: sqliteFiles), "files appeared next to the wallet: \(appeared.sorted())")
        if !appeared.isEmpty { print("damaged wallet, \(damage.name): SQLite created \(appeared.sorted()) while reading it") }
        #expect(Set(filesBefore).isSubset(of: Set(filesAfter)), "files went: \(Set(filesBefore).subtracting(filesAfter))")
        #expect(try site.payments().isEmpty, "the site was paid")
    }

    static func patch(_ path: String, at offset: Int, _ bytes: [UInt8]) throws {
        var data = try #require(fileBytes(path))
        for (index, byte) in bytes.enumerated() where offset + index < data.count {
            data[offset + index] = byte
        }
        try Data(data).write(to: URL(fileURLWithPath: path))
    }
}
