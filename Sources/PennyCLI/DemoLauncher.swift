import ArgumentParser
import BigInt
import DemoSite
import PaymentOffers
import PennyDump
import Wallet

/// `penny --demo`: the embedded demo site on loopback, and play money in the wallet.
enum DemoLauncher {
    /// The play money a new wallet gets for the demo: 5.00 demo USDC.
    static let playMoney: BigUInt = 5_000_000

    static func start(settings: Settings) throws -> (site: RunningDemoSite, notice: String?) {
        guard let paths = settings.paths else {
            Console.error("the demo needs a data folder: set HOME or PENNY_HOME.")
            throw ExitCode(ExitStatus.walletFailed)
        }
        LocalFiles.makeFolder(paths.dataFolder)
        let site: RunningDemoSite
        do {
            site = try DemoSite.startBlocking(port: 0, databasePath: paths.dataFolder + "/demo-site.sqlite")
        } catch {
            Console.error("the demo site could not start: \(error)")
            throw ExitCode(ExitStatus.loadFailed)
        }
        return (site, fundWallet(paths.walletDatabase))
    }

    /// Tops up a wallet that has no demo account yet; says so, since it is play money.
    static func fundWallet(_ path: String) -> String? {
        let asset = KnownAsset.demoUSDC
        do {
            let store = try WalletStore(path: path)
            guard try store.account(network: asset.network, asset: asset.address) == nil else { return nil }
            _ = try store.topUp(network: asset.network, asset: asset.address, symbol: asset.symbol,
                                decimals: asset.decimals, amount: playMoney)
            return "Your wallet got 5.00 demo USDC of play money for this demo site (not real money)."
        } catch {
            return "The wallet could not be topped up: \(error)"
        }
    }
}

