import DemoSite
import EVMSigning
import Foundation
import HTTPModel
import Testing

/// Starting and stopping from synchronous code, running until stopped, and the benchmark hook.
struct LifecycleTests {
    @Test func theBlockingAPIWorksFromAPlainThread() async throws {
        let result = try await onThread { () -> (Int, Int, Bool) in
            let site = try DemoSite.startBlocking(databasePath: nil, payeeKey: Keys.payee)
            let front = try transport.perform(HTTPRequest(url: site.url))
            let port = site.port
            site.stopBlocking()
            site.stopBlocking()  // idempotent
            let refused = (try? transport.perform(HTTPRequest(url: "http://127.0.0.1:\(port)/"))) == nil
            return (front.status, port, refused)
        }
        #expect(result.0 == 200)
        #expect(result.1 > 0)
        #expect(result.2, "nothing listens after stopBlocking")
    }

    @Test func theSiteBindsToLoopbackOnTheRequestedPort() async throws {
        // Find a free port, then ask for it; other tests running meanwhile may take the port
        // between the two, so a few fresh ports are tried.
        var started: (port: Int, site: RunningDemoSite)?
        for _ in 0..<5 where started == nil {
            let probe = try await startSite()
            let port = probe.port
            await probe.stop()
            if let site = try? await DemoSite.start(port: port, databasePath: nil, payeeKey: Keys.payee) {
                started = (port, site)
            }
        }
        let (port, site) = try #require(started)
        #expect(site.port == port)
        #expect(site.url == "http://127.0.0.1:\(port)/")
        // The port is taken now: a second site there fails to start, with a reason.
        await #expect(throws: DemoSiteError.self) { try await DemoSite.start(port: port, databasePath: nil) }
        await site.stop()
        await #expect(throws: DemoSiteError.self) { try await DemoSite.start(port: 70_000, databasePath: nil) }
    }

    @Test func runUntilSignalledReturnsOnceTheSiteStops() async throws {
        let seen = TestBox<RunningDemoSiteBox?>(nil)
        try await DemoSite.runUntilSignalled(DemoSite.Options(payeeKey: Keys.payee)) { site in
            seen.set(RunningDemoSiteBox(site: site))
            Task { await site.stop() }
        }
        #expect(seen.get() != nil)
    }

    @Test(arguments: [DemoPaymentProtocol.x402v2, .paymentScheme])
    func presignedCredentialsEachPayOnce(paymentProtocol: DemoPaymentProtocol) async throws {
        try await withSite { site in
            let credentials = try site.presignCredentials(for: Paths.both, count: 10, payer: Keys.stranger,
                                                          using: paymentProtocol)
            #expect(credentials.count == 10)
            #expect(Set(credentials.map(\.nonce)).count == 10)
            for credential in credentials {
                let response = try await fetch(site, Paths.both, headers: [(credential.headerName, credential.headerValue)])
                #expect(response.status == 200)
            }
            let again = try await fetch(site, Paths.both, headers: [(credentials[0].headerName, credentials[0].headerValue)])
            #expect(again.status == 402)
            #expect(try site.totalReceived() == 100_000)
            #expect(try site.payments().allSatisfy { $0.payer == Keys.stranger.address.checksummed })
        }
    }

    @Test func presigningRefusesWhatCannotBePaid() async throws {
        try await withSite { site in
            #expect(throws: DemoSiteError.self) { try site.presignCredentials(for: Paths.subscription, count: 1, payer: Keys.payer) }
            #expect(throws: DemoSiteError.self) { try site.presignCredentials(for: Paths.unknownToken, count: 1, payer: Keys.payer) }
            #expect(throws: DemoSiteError.self) {
                try site.presignCredentials(for: Paths.x402v2, count: 1, payer: Keys.payer, using: .paymentScheme)
            }
            let v1 = try site.presignCredentials(for: Paths.x402v1, count: 1, payer: Keys.payer)
            #expect(v1.first?.headerName == "X-PAYMENT")
            #expect(try await fetch(site, Paths.x402v1, headers: [(v1[0].headerName, v1[0].headerValue)]).status == 200)
        }
    }

    /// Sends SIGTERM to this very process, so it runs only when asked for:
    /// `DEMO_SITE_SIGNAL_TEST=1 swift test --filter DemoSiteTests.LifecycleTests/sigterm`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DEMO_SITE_SIGNAL_TEST"] != nil))
    func sigtermStopsTheSiteCleanly() async throws {
        let listening = TestBox<Int?>(nil)
        let runner = Task {
            try await DemoSite.runUntilSignalled(DemoSite.Options(payeeKey: Keys.payee)) { site in
                listening.set(site.port)
            }
        }
        while listening.get() == nil { try await Task.sleep(for: .milliseconds(20)) }
        kill(getpid(), SIGTERM)
        try await runner.value
        let port = try #require(listening.get())
        let refused = try await onThread { (try? transport.perform(HTTPRequest(url: "http://127.0.0.1:\(port)/"))) == nil }
        #expect(refused)
    }
}

struct RunningDemoSiteBox: Sendable {
    let site: RunningDemoSite
}

final class TestBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
