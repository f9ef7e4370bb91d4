import JSONWriting
import ArgumentParser
import BigInt
import BrowserConfig
import EVMSigning
import FoundationEssentials
import PaymentOffers
import PennyDump
import TerminalText
import Wallet

/// `penny wallet …`: the local wallet from the command line, each with `--json` for scripts.
struct WalletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet",
        abstract: "Look after the local wallet: address, balances, play money, budgets, history.",
        subcommands: [Address.self, Balance.self, TopUp.self, Budget.self, History.self, Receipts.self,
                      Pending.self, Allowances.self])

    struct Options: ParsableArguments {
        @Flag(name: .long, help: "Print JSON for scripts.")
        var json = false
    }

    /// Where the wallet lives.
    static func paths() throws -> PennyPaths {
        guard let paths = PennyPaths(environment: ProcessEnvironment.current) else {
            Console.error("no data folder: set HOME or PENNY_HOME.")
            throw ExitCode(ExitStatus.walletFailed)
        }
        LocalFiles.makeFolder(paths.dataFolder)
        return paths
    }

    static func store() throws -> WalletStore {
        let paths = try paths()
        do {
            return try WalletStore(path: paths.walletDatabase)
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.walletFailed)
        }
    }

    /// Runs a wallet operation, turning its refusal into a message and exit code 6.
    static func attempt<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error(TerminalSafe.sanitize("\(error)"))
            throw ExitCode(ExitStatus.walletFailed)
        }
    }

    /// The asset a `--asset` names on a network: a known symbol (USDC) or a contract address.
    static func asset(_ name: String, network: String) throws -> KnownAsset {
        if let known = KnownAsset.all.first(where: { $0.network == network && ($0.symbol.lowercased() == name.lowercased() || $0.address.lowercased() == name.lowercased()) }) {
            return known
        }
        throw ValidationError("Penny does not know \(name) on \(network); known: " +
                              KnownAsset.all.map { "\($0.symbol) on \($0.network)" }.joined(separator: ", "))
    }

    struct Address: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "address", abstract: "Show the wallet's address (made on first use).")
        @OptionGroup var options: Options

        func run() throws {
            let paths = try WalletCommand.paths()
            let key = try WalletCommand.attempt { try WalletKeyFile.loadOrCreate(paths.walletKey) }
            Console.write(options.json ? JSONOutput.object([("address", .string(key.address.checksummed))]) + "\n"
                                       : key.address.checksummed + "\n")
        }
    }

    struct Balance: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "balance", abstract: "Show every account's balance.")
        @OptionGroup var options: Options

        func run() throws {
            let store = try WalletCommand.store()
            let accounts = try WalletCommand.attempt { try store.accounts() }
            if options.json {
                Console.write(JSONOutput.array(accounts.map { summary in
                    .object([("network", .string(summary.account.network)), ("asset", .string(summary.account.asset)),
                             ("symbol", .string(summary.account.symbol)), ("decimals", .number(String(summary.account.decimals))),
                             ("kind", .string(summary.account.kind.rawValue)),
                             ("balance", .string(String(summary.balance.baseUnits))),
                             ("balanceFormatted", .string(summary.balance.description)),
                             ("spent", .string(String(summary.spent.baseUnits))), ("held", .string(String(summary.held.baseUnits)))])
                }) + "\n")
                return
            }
            if accounts.isEmpty {
                Console.write("The wallet is empty. Play money for a test network: penny wallet topup 5 --network eip155:31337 --asset USDC\n")
            }
            for summary in accounts {
                Console.write("\(summary.balance) on \(summary.account.network) (\(summary.account.kind.rawValue)); spent \(summary.spent), held \(summary.held)\n")
            }
        }
    }

    struct TopUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topup", abstract: "Add play money on a test network (eip155:31337, eip155:84532, eip155:11155111).")
        @Argument(help: "The amount in the asset's units, e.g. 5 or 0.25.") var amount: String
        @Option(name: .long, help: "The network, e.g. eip155:84532.") var network: String
        @Option(name: .long, help: "The asset: USDC or a token address.") var asset: String
        @OptionGroup var options: Options

        func run() throws {
            let known = try WalletCommand.asset(asset, network: network)
            let units = try WalletCommand.attempt { try AmountFormatter.parse(amount, decimals: known.decimals) }
            let store = try WalletCommand.store()
            let added = try WalletCommand.attempt {
                try store.topUp(network: known.network, asset: known.address, symbol: known.symbol, decimals: known.decimals, amount: units)
            }
            let balance = try WalletCommand.attempt { try store.balance(network: known.network, asset: known.address) }
            let formatted = AmountFormatter.format(balance, decimals: known.decimals, unit: known.symbol)
            Console.write(options.json
                ? JSONOutput.object([("added", .string(String(added.baseUnits))), ("balance", .string(String(balance)))]) + "\n"
                : "Added \(added) of play money on \(known.network). Balance: \(formatted)\n")
        }
    }

    struct Budget: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "budget", abstract: "Set the spending budget on a main network.")
        @Argument(help: "The amount in the asset's units.") var amount: String
        @Option(name: .long, help: "The network, e.g. eip155:8453.") var network: String
        @Option(name: .long, help: "The asset: USDC or a token address.") var asset: String
        @OptionGroup var options: Options

        func run() throws {
            let known = try WalletCommand.asset(asset, network: network)
            let units = try WalletCommand.attempt { try AmountFormatter.parse(amount, decimals: known.decimals) }
            let store = try WalletCommand.store()
            let budget = try WalletCommand.attempt {
                try store.setBudget(network: known.network, asset: known.address, symbol: known.symbol, decimals: known.decimals, amount: units)
            }
            Console.write(options.json ? JSONOutput.object([("budget", .string(String(budget.baseUnits)))]) + "\n"
                                       : "Budget on \(known.network): \(budget)\n")
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: "List top-ups and payments, newest first.")
        @Option(name: .long, help: "How many entries.") var limit = 50
        @OptionGroup var options: Options

        func run() throws {
            let store = try WalletCommand.store()
            WalletCommand.print(try WalletCommand.attempt { try store.history(limit: limit) }, json: options.json)
        }
    }

    struct Receipts: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receipts", abstract: "List committed payments with their receipts.")
        @OptionGroup var options: Options

        func run() throws {
            let store = try WalletCommand.store()
            WalletCommand.print(try WalletCommand.attempt { try store.receipts() }, json: options.json)
        }
    }

    struct Pending: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pending", abstract: "List payments whose outcome is unknown (sent, no clear answer); reloading the page resends them.")
        @OptionGroup var options: Options

        func run() throws {
            let store = try WalletCommand.store()
            WalletCommand.print(try WalletCommand.attempt { try store.pendingPayments() }, json: options.json)
        }
    }

    struct Allowances: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allowances", abstract: "List, set or remove what sites may spend per day without asking.",
            subcommands: [List.self, Set.self, Remove.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list")
            @OptionGroup var options: Options

            func run() throws {
                let store = try WalletCommand.store()
                let allowances = try WalletCommand.attempt { try store.allowances() }
                if options.json {
                    Console.write(JSONOutput.array(allowances.map {
                        .object([("origin", .string($0.origin)), ("network", .string($0.network)), ("asset", .string($0.asset)),
                                 ("perDay", .string(String($0.perDay)))])
                    }) + "\n")
                } else if allowances.isEmpty {
                    Console.write("No allowances: every payment asks.\n")
                } else {
                    for allowance in allowances {
                        Console.write("\(allowance.origin): \(allowance.perDay) base units a day of \(allowance.asset) on \(allowance.network)\n")
                    }
                }
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "set")
            @Argument(help: "The site's origin, e.g. https://news.example.") var origin: String
            @Argument(help: "The amount per day in the asset's units.") var amount: String
            @Option(name: .long) var network: String
            @Option(name: .long) var asset: String

            func run() throws {
                let known = try WalletCommand.asset(asset, network: network)
                let units = try WalletCommand.attempt { try AmountFormatter.parse(amount, decimals: known.decimals) }
                let store = try WalletCommand.store()
                try WalletCommand.attempt {
                    try store.setAllowance(origin: origin, network: known.network, asset: known.address, perDay: units)
                }
                Console.write("\(origin) may spend \(AmountFormatter.format(units, decimals: known.decimals, unit: known.symbol)) a day.\n")
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "remove")
            @Argument var origin: String
            @Option(name: .long) var network: String
            @Option(name: .long) var asset: String

            func run() throws {
                let known = try WalletCommand.asset(asset, network: network)
                let store = try WalletCommand.store()
                let removed = try WalletCommand.attempt {
                    try store.removeAllowance(origin: origin, network: known.network, asset: known.address)
                }
                Console.write(removed ? "Removed.\n" : "There was no such allowance.\n")
            }
        }
    }

    /// Ledger entries as lines or JSON.
    static func print(_ entries: [LedgerEntry], json: Bool) {
        if json {
            Console.write(JSONOutput.array(entries.map { entry in
                var members: [(String, JSONOutput)] = [
                    ("id", .number(String(entry.id.rawValue))), ("kind", .string(entry.kind.rawValue)),
                    ("network", .string(entry.network)), ("asset", .string(entry.asset)),
                    ("amount", .string(String(entry.amount.baseUnits))), ("amountFormatted", .string(entry.amount.description)),
                    ("createdAt", .number(String(Int(entry.createdAt.timeIntervalSince1970)))),
                ]
                if let state = entry.state { members.append(("state", .string(state.rawValue))) }
                if let origin = entry.origin { members.append(("origin", .string(origin))) }
                if let url = entry.resourceURL { members.append(("resource", .string(url))) }
                if let payee = entry.payee { members.append(("payee", .string(payee))) }
                if let nonce = entry.nonce { members.append(("nonce", .string(nonce))) }
                if let receipt = entry.receipt { members.append(("receipt", .string(receipt))) }
                if let reason = entry.reason { members.append(("reason", .string(reason))) }
                return .object(members)
            }) + "\n")
            return
        }
        if entries.isEmpty {
            Console.write("Nothing yet.\n")
        }
        for entry in entries {
            var line = "#\(entry.id) \(entry.kind.rawValue)"
            if let state = entry.state { line += " \(state.rawValue)" }
            line += " \(entry.amount)"
            if let origin = entry.origin { line += " · \(origin)" }
            if let url = entry.resourceURL { line += " · \(url)" }
            if let receipt = entry.receipt { line += " · receipt \(receipt.prefix(32))" }
            if let reason = entry.reason { line += " · \(reason)" }
            Console.write(TerminalSafe.sanitize(line) + "\n")
        }
    }
}

/// JSON written by hand for `--json` output.
indirect enum JSONOutput {
    case string(String)
    case number(String)
    case object([(String, JSONOutput)])
    case array([JSONOutput])

    var text: String {
        switch self {
        case .string(let value): return JSONWriter.string(value, escapingTerminalControls: true)
        case .number(let value): return value
        case .object(let members): return "{" + members.map { JSONWriter.string($0.0, escapingTerminalControls: true) + ":" + $0.1.text }.joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        }
    }

    static func object(_ members: [(String, JSONOutput)]) -> String { JSONOutput.object(members).text }
    static func array(_ items: [JSONOutput]) -> String { JSONOutput.array(items).text }
}
