import Foundation
import HTTPModel
import Testing

/// Several Pennys starting on a new wallet at once: one key is made, every one of them reads
/// it whole (none sees a half-written key file and calls it damaged).
@Suite struct WalletKeyRaceTests {
    @Test func pennysStartingTogetherShareOneNewKey() throws {
        for round in 0..<3 {
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("penny-keyrace-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: home) }
            let outcomes = Locked<[PennyProcess.Outcome]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                let outcome = try? PennyProcess.run(["wallet", "address"], environment: ["PENNY_HOME": home])
                if let outcome { outcomes.withLock { $0.append(outcome) } }
            }
            let all = outcomes.withLock { $0 }
            #expect(all.count == 8)
            for outcome in all {
                #expect(outcome.status == 0, "round \(round): \(outcome.standardError)")
            }
            #expect(Set(all.map(\.standardOutput)).count == 1, "round \(round): more than one key")
            let leftovers = try FileManager.default.subpathsOfDirectory(atPath: home).filter { $0.contains(".new-") }
            #expect(leftovers.isEmpty, "temporary key files left: \(leftovers)")
        }
    }
}
