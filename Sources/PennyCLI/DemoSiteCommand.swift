import ArgumentParser
import DemoSite
import Glibc
import PennyDump

/// `penny demo-site`: the demo site alone, for other clients (curl, the x402 and MPP SDKs).
struct DemoSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-site",
        abstract: "Run the monetized demo site on 127.0.0.1 until interrupted.")

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 0

    @Option(name: .long, help: "The site's ledger (SQLite); by default in Penny's data folder.")
    var database: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let settings = Settings.load(themeOverride: nil)
        let path = database ?? settings.paths.map { $0.dataFolder + "/demo-site.sqlite" }
        if let folder = settings.paths?.dataFolder, database == nil { LocalFiles.makeFolder(folder) }
        var options = DemoSite.Options(port: port, databasePath: path)
        options.requestLog = nil
        do {
            try DemoSite.runUntilSignalledBlocking(options) { site in
                Console.write("Penny demo site: \(site.url)\nStop it with Ctrl-C.\n")
            }
        } catch {
            Console.error("the demo site stopped: \(error)")
            throw ExitCode(ExitStatus.loadFailed)
        }
    }
}
