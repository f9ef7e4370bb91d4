// swift-tools-version: 6.1
import PackageDescription

/// Release builds skip the run-time exclusivity checks (the compiler's static checks stay):
/// they cost the layout engine's hot loops several percent.
let fastRelease: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

/// The small `penny`'s release link (see link/): the Swift runtime's C++ from libstdc++.a, and
/// the code a plain dump runs placed together, so that start-up maps few pages of the binary.
/// `--section-ordering-file` is gold's, the linker swiftc uses on Linux.
let smallPennyLink: [LinkerSetting] = [.unsafeFlags([
    "-L\(Context.packageDirectory)/link",
    "-Xlinker", "--section-ordering-file=\(Context.packageDirectory)/link/penny-hot-sections.txt",
], .when(configuration: .release))]

let package = Package(
    name: "Penny",
    platforms: [.macOS(.v14)],
    products: [
        // `penny` is the small executable for a plain `--dump`; it runs `penny-full`, next to
        // it, for everything else (see Sources/PennyDump/FullPenny.swift).
        .executable(name: "penny", targets: ["Penny"]),
        .executable(name: "penny-full", targets: ["PennyCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // C libraries from Debian's -dev packages, and the shim for what Swift cannot call.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CGumbo", path: "Sources/CGumbo"),
        .systemLibrary(name: "CSecp256k1", path: "Sources/CSecp256k1"),
        .systemLibrary(name: "CVterm", path: "Sources/CVterm"),
        .target(name: "CPennyShim", dependencies: ["CCurl", "CNcursesw"], linkerSettings: [.linkedLibrary("dl")]),

        // Pure core: no terminal, socket or disk.
        .target(name: "TerminalText", swiftSettings: fastRelease),
        .target(name: "WebAddress", swiftSettings: fastRelease),
        .target(name: "HTMLDocument", swiftSettings: fastRelease),
        .target(name: "NativeHTML", dependencies: ["HTMLDocument"], swiftSettings: fastRelease),
        .target(name: "HTTPModel", dependencies: ["WebAddress"]),
        .target(name: "TextDecoding"),
        .target(name: "PageLayout", dependencies: ["HTMLDocument", "TerminalText", "WebAddress"], swiftSettings: fastRelease),
        .target(name: "ScreenGrid", dependencies: ["TerminalText"]),
        .target(name: "EVMSigning", dependencies: ["CSecp256k1", .product(name: "BigInt", package: "BigInt")]),
        .target(name: "PaymentCredentials", dependencies: [
            "EVMSigning", "JSONWriting", "HTTPModel", "PaymentOffers", .product(name: "BigInt", package: "BigInt"),
        ]),
        .target(name: "DemoSite", dependencies: [
            "EVMSigning", "JSONWriting", "HTTPModel", "PaymentOffers", .product(name: "BigInt", package: "BigInt"),
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .target(name: "Wallet", dependencies: [
            "PaymentOffers", .product(name: "BigInt", package: "BigInt"), .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "TOMLLines"),
        .target(name: "JSONWriting"),
        .target(name: "Themes", dependencies: [
            "ScreenGrid", "PageLayout", "TOMLLines", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "BrowserConfig", dependencies: ["TOMLLines", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "BrowserCore", dependencies: [
            "BrowserConfig", "HTTPModel", "PageLayout", "PaymentOffers", "ScreenGrid", "TerminalText", "TextDecoding", "Themes",
            "WebAddress", .product(name: "BigInt", package: "BigInt"),
        ]),
        .target(name: "PaymentOffers", dependencies: [
            "HTTPModel", "TerminalText", "WebAddress", .product(name: "BigInt", package: "BigInt"),
        ]),

        // Adapters.
        .target(name: "GumboHTML", dependencies: ["CGumbo", "HTMLDocument"], swiftSettings: fastRelease),
        .target(name: "CurlTransport", dependencies: ["CCurl", "CPennyShim", "HTTPModel", "WebAddress"]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "CPennyShim", "ScreenGrid", "TerminalText"]),
        .target(name: "PageLoading", dependencies: [
            "HTTPModel", "TextDecoding", "HTMLDocument", "GumboHTML", "NativeHTML", "PageLayout", "TerminalText", "WebAddress",
        ]),
        // What both executables run for `--dump`: no Foundation, no BigInt, no TOMLKit.
        .target(name: "PennyDump", dependencies: [
            "CPennyShim", "CurlTransport", "HTTPModel", "PageLayout", "PageLoading", "TerminalText", "WebAddress",
        ]),
        .executableTarget(name: "Penny", dependencies: ["PennyDump"], linkerSettings: smallPennyLink),
        .executableTarget(name: "PennyCLI", dependencies: [
            "BrowserConfig", "BrowserCore", "CurlTransport", "DemoSite", "EVMSigning", "JSONWriting", "PageLoading", "PageLayout", "HTTPModel",
            "PaymentCredentials", "PaymentOffers", "PennyDump", "ScreenGrid", "TerminalText", "TerminalUI", "Themes", "Wallet", "WebAddress",
            .product(name: "BigInt", package: "BigInt"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Test support: a loopback HTTP server, and a pseudo-terminal read back through libvterm.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "PseudoTerminal", dependencies: ["CVterm", "JSONWriting"], path: "Tests/PseudoTerminal"),
        .executableTarget(name: "DemoSiteLoad", dependencies: ["DemoSite", "CurlTransport", "EVMSigning", "HTTPModel"],
                          path: "bench/DemoSiteLoad"),
        .executableTarget(name: "TerminalProbe", dependencies: ["TerminalUI", "ScreenGrid"], path: "Tests/TerminalProbe"),

        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "WebAddressTests", dependencies: ["WebAddress"]),
        .testTarget(name: "ScreenGridTests", dependencies: ["ScreenGrid"]),
        .testTarget(name: "EVMSigningTests", dependencies: ["EVMSigning", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "PaymentCredentialsTests", dependencies: [
            "PaymentCredentials", "EVMSigning", "HTTPModel", "PaymentOffers", .product(name: "BigInt", package: "BigInt"),
        ]),
        .testTarget(name: "DemoSiteTests", dependencies: [
            "DemoSite", "EVMSigning", "JSONWriting", "PaymentOffers", "PaymentCredentials", "HTTPModel", "CurlTransport",
            .product(name: "BigInt", package: "BigInt"),
        ]),
        .testTarget(name: "WalletTests", dependencies: [
            "Wallet", "PaymentOffers", .product(name: "BigInt", package: "BigInt"), .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "BrowserCoreTests", dependencies: [
            "BrowserCore", "BrowserConfig", "GumboHTML", "HTTPModel", "PageLayout", "PaymentOffers", "ScreenGrid", "TextDecoding",
            "Themes", "WebAddress", .product(name: "BigInt", package: "BigInt"),
        ], exclude: ["Snapshots"]),
        .testTarget(name: "ThemesTests", dependencies: ["Themes", "ScreenGrid", "PageLayout"]),
        .testTarget(name: "BrowserConfigTests", dependencies: ["BrowserConfig"]),
        .testTarget(name: "PennyDumpTests", dependencies: ["PennyDump", "HTTPModel"]),
        .testTarget(name: "HTMLDocumentTests", dependencies: ["HTMLDocument", "GumboHTML", "NativeHTML"]),
        .testTarget(name: "NativeHTMLTests", dependencies: ["NativeHTML", "HTMLDocument"]),
        .testTarget(name: "PageLayoutTests", dependencies: [
            "PageLayout", "HTMLDocument", "GumboHTML", "PageLoading", "HTTPModel", "TerminalText", "WebAddress",
        ], exclude: ["Golden"]),
        .testTarget(name: "TextDecodingTests", dependencies: ["TextDecoding"]),
        .testTarget(name: "PaymentOffersTests", dependencies: [
            "PaymentOffers", "HTTPModel", .product(name: "BigInt", package: "BigInt"),
        ]),
        .testTarget(name: "CurlTransportTests", dependencies: ["CurlTransport", "HTTPModel", "TestSupport", "TextDecoding"]),
        .testTarget(name: "PennyCLITests", dependencies: ["TestSupport", "DemoSite", "PaymentOffers"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "PseudoTerminal", "ScreenGrid", "JSONWriting"]),
        .testTarget(name: "PennyScenarioTests", dependencies: ["PseudoTerminal", "TestSupport"], exclude: ["Screens"]),
        // Issue 8's safety checks (safety/README.md): the tests, and one libFuzzer target per parser.
        .testTarget(name: "SafetyTests", dependencies: [
            "TestSupport", "PseudoTerminal", "Wallet", "HTTPModel",
            .product(name: "BigInt", package: "BigInt"), .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "FuzzSupport", dependencies: ["TerminalText"], path: "safety/fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzOfferParser", dependencies: [
            "FuzzSupport", "PaymentOffers", "HTTPModel", "TerminalText", .product(name: "BigInt", package: "BigInt"),
        ], path: "safety/fuzz/FuzzOfferParser", swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "FuzzPageLayout", dependencies: ["FuzzSupport", "HTTPModel", "PageLayout", "PageLoading", "TerminalText"],
                          path: "safety/fuzz/FuzzPageLayout", swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "FuzzTheme", dependencies: ["FuzzSupport", "Themes"],
                          path: "safety/fuzz/FuzzTheme", swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "FuzzConfig", dependencies: ["FuzzSupport", "BrowserConfig"],
                          path: "safety/fuzz/FuzzConfig", swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "FuzzDemoVerifier", dependencies: ["FuzzSupport", "DemoSite", "EVMSigning", .product(name: "BigInt", package: "BigInt")],
                          path: "safety/fuzz/FuzzDemoVerifier", swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
