// libFuzzer target: the demo site's credential verifier, through the site's own request
// handling (`SiteCore.handle`) and each of `Verifier`'s three entry points.
//
// `Verifier` and `SiteCore` are internal to DemoSite: this target reaches them with
// `@testable import`, which works in debug builds (SwiftPM compiles them with
// -enable-testing). See safety/README.md for the `@_spi` that would make it independent
// of the build configuration.
//
// Input: the first line is "METHOD /path", each further line a "Name: value" header.
// Seeds (safety/corpus/FuzzDemoVerifier) hold valid credentials signed for this target's
// fixed payee key and clock: `FuzzDemoVerifier --make-seeds DIR` writes them again.
//
// Properties: no crash, hang or runaway memory; a response header never holds CR, LF or
// NUL (no header injection from what the client sent); the ledger grows by exactly one
// payment of exactly the article's price to the site's payee when, and only when, a
// priced article answers 200; a credential is never accepted twice.
// Release builds compile without -enable-testing, so the internal types are out of reach:
// there the target only says so.
#if DEBUG
import BigInt
@testable import DemoSite
import EVMSigning
import FoundationEssentials
import FuzzSupport
import Glibc

enum Target {
    /// Fixed, so that signed seeds stay valid: 2026-01-01T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_767_225_600)
    static let host = "127.0.0.1:4021"
    static let payeeKey = try! PrivateKey(rawBytes: [UInt8](repeating: 0x22, count: 32))
    static let payerKey = try! PrivateKey(rawBytes: [UInt8](repeating: 0x11, count: 32))

    nonisolated(unsafe) static var core: SiteCore = makeCore()
    nonisolated(unsafe) static var runs = 0

    static func makeCore() -> SiteCore {
        let core = SiteCore(payeeKey: payeeKey, ledger: try! Ledger(path: nil), clock: { now },
                            databasePath: nil, payeeKeyPath: nil)
        core.setBoundHost(host)
        return core
    }
}

func check(_ bytes: [UInt8]) {
    // A fresh ledger now and then keeps memory flat over millions of runs.
    Target.runs += 1
    if Target.runs % 5000 == 0 {
        Target.core.ledger.close()
        Target.core = Target.makeCore()
    }
    let core = Target.core
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
        String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
    }
    guard let first = lines.first else { return }
    let requestLine = first.split(separator: " ", maxSplits: 1)
    let method = requestLine.first.map(String.init) ?? "GET"
    let path = requestLine.count > 1 ? String(requestLine[1]) : "/"
    var headers: [(name: String, value: String)] = []
    for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers.append((String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " })))
    }
    let request = SiteRequest(method: method, path: path, headers: headers)

    let before = (try? core.ledger.payments()) ?? []
    let response = core.handle(request)
    let after = (try? core.ledger.payments()) ?? []

    if fuzzVerbose { printError("\(method) \(path.prefix(80)) → \(response.status), ledger \(before.count) → \(after.count)") }
    require((100...599).contains(response.status), "status \(response.status)")
    for header in response.headers {
        require(!header.name.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 }, "a header name holds CR, LF or NUL")
        require(!header.value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 },
                "the header \(header.name) holds CR, LF or NUL: \(header.value.debugDescription.prefix(200))")
    }
    let article = path.hasPrefix("/articles/") ? Catalog.article(slug: String(path.dropFirst("/articles/".count))) : nil
    if let article, let price = article.paywall.price, method == "GET", response.status == 200 {
        require(after.count == before.count + 1, "a paid article was served, but the ledger has \(after.count - before.count) new payments")
        let payment = after.last!
        require(payment.amount == price.amount, "the site recorded \(payment.amount) for a price of \(price.amount)")
        require(payment.path == article.path, "the payment was recorded for \(payment.path), not \(article.path)")
        require(!before.contains { $0.nonce == payment.nonce }, "a nonce was accepted twice")
    } else {
        require(after.count == before.count, "the ledger changed, but the answer was \(response.status) for \(path.prefix(80))")
    }

    // Each entry point of the verifier, whatever the article offers.
    let price = article?.paywall.price ?? Catalog.article(slug: "reserved-for-future-use")!.paywall.price!
    let verifier = Verifier(site: core, article: article ?? Catalog.articles[0], price: price, realm: Target.host,
                            now: Int64(Target.now.timeIntervalSince1970))
    for header in request.headers {
        switch header.name {
        case "payment-signature": _ = try? verifier.x402V2(header.value)
        case "x-payment": _ = try? verifier.x402V1(header.value)
        case "authorization", "payment-authorization": _ = try? verifier.paymentScheme(header.value)
        default: continue
        }
    }
}

/// `--make-seeds DIR`: valid credentials for every protocol, signed for the fixed key and clock.
func makeSeeds(into folder: String) throws {
    let options = DemoSite.Options(port: 4021, databasePath: nil, payeeKey: Target.payeeKey, clock: { Target.now })
    let site = try DemoSite.startBlocking(options)
    defer { site.stopBlocking() }
    var count = 0
    for (path, paymentProtocol) in [
        ("/articles/reserved-for-future-use", DemoPaymentProtocol.x402v2),
        ("/articles/flattr-brave-and-the-tip-jar", .x402v1),
        ("/articles/scrip-and-blind-signatures", .paymentScheme),
        ("/articles/two-ways-to-say-402", .x402v2),
        ("/articles/two-ways-to-say-402", .paymentScheme),
        ("/articles/what-a-cent-could-change", .paymentScheme),
    ] {
        for credential in try site.presignCredentials(for: path, count: 1, payer: Target.payerKey, using: paymentProtocol) {
            let text = "GET \(path)\n\(credential.headerName): \(credential.headerValue)\n"
            count += 1
            let name = "\(folder)/signed-\(count)-\(paymentProtocol.rawValue.replacingOccurrences(of: " ", with: "-"))"
            guard FileManager.default.createFile(atPath: name, contents: Data(text.utf8)) else {
                throw DemoSiteError("cannot write \(name)")
            }
        }
    }
    print("wrote \(count) seeds to \(folder)")
}

// MARK: - Entry points

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    check(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

/// With -DFUZZING, libFuzzer's driver; without, a replay of the files and folders given.
@main
enum Main {
    static func main() {
        if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--make-seeds" {
            do {
                try makeSeeds(into: CommandLine.arguments[2])
                exit(0)
            } catch {
                printError("\(error)")
                exit(1)
            }
        }
        fuzzMain({ data, count in
            fuzz(UnsafeRawPointer(data ?? UnsafePointer(bitPattern: 1)!), count)
        }, check: check)
    }
}
#else
import FuzzSupport

@main
enum Main {
    static func main() {
        printError("FuzzDemoVerifier reaches DemoSite's internal verifier with @testable import: build it in debug.")
    }
}
#endif
