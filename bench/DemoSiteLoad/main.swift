// Paid-request throughput of the demo site: verify + durable settle per request.
// Starts the site in this process with an on-disk ledger, pre-signs distinct credentials,
// and sends them from several threads over loopback with libcurl. Prints requests per
// second and latency percentiles. Usage: DemoSiteLoad [REQUESTS] [THREADS]
import CurlTransport
import DemoSite
import EVMSigning
import Foundation
import HTTPModel

let requests = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 600 : 600
let threads = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 4 : 4
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("penny-site-load-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let site = try DemoSite.startBlocking(port: 0, databasePath: folder.appendingPathComponent("site.sqlite").path)
let path = "/articles/reserved-for-future-use"
let credentials = try site.presignCredentials(for: path, count: requests, payer: PrivateKey.generate())
let url = site.url + String(path.dropFirst())
let transport = CurlEasyTransport(configuration: .init(connectTimeout: .seconds(5), timeout: .seconds(30)))

final class Results: @unchecked Sendable {
    let lock = NSLock()
    var latencies: [Double] = []
    var failures = 0
}
let results = Results()
let started = Date()
DispatchQueue.concurrentPerform(iterations: threads) { worker in
    for index in stride(from: worker, to: requests, by: threads) {
        var request = HTTPRequest(url: url)
        request.headers.add(credentials[index].headerName, credentials[index].headerValue)
        let begin = Date()
        let ok = (try? transport.perform(request))?.status == 200
        let elapsed = Date().timeIntervalSince(begin) * 1000
        results.lock.lock()
        if ok { results.latencies.append(elapsed) } else { results.failures += 1 }
        results.lock.unlock()
    }
}
let seconds = Date().timeIntervalSince(started)
site.stopBlocking()
let sorted = results.latencies.sorted()
func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(Int(Double(sorted.count) * p), sorted.count - 1)] }
print(String(format: "demo site: %d paid requests (%d failed) on %d threads in %.2f s: %.0f requests/s, latency median %.2f ms, p90 %.2f ms, p99 %.2f ms",
             requests, results.failures, threads, seconds, Double(sorted.count) / seconds, percentile(0.5), percentile(0.9), percentile(0.99)))
