// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Penny",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "penny", targets: ["PennyCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // C libraries from Debian's -dev packages, and the shim for what Swift cannot call.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CGumbo", path: "Sources/CGumbo"),
        .systemLibrary(name: "CSecp256k1", path: "Sources/CSecp256k1"),
        .systemLibrary(name: "CVterm", path: "Sources/CVterm"),
        .target(name: "CPennyShim", dependencies: ["CCurl", "CNcursesw"]),

        // Pure core: no terminal, socket or disk.
        .target(name: "TerminalText"),
        .target(name: "WebAddress"),
        .target(name: "HTMLDocument"),
        .target(name: "HTTPModel", dependencies: ["WebAddress"]),
        .target(name: "TextDecoding"),
        .target(name: "PageLayout", dependencies: ["HTMLDocument", "TerminalText", "WebAddress"]),
        .target(name: "ScreenGrid", dependencies: ["TerminalText"]),
        .target(name: "Themes", dependencies: [
            "ScreenGrid", "PageLayout", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "BrowserConfig", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "PaymentOffers", dependencies: [
            "HTTPModel", "TerminalText", "WebAddress", .product(name: "BigInt", package: "BigInt"),
        ]),

        // Adapters.
        .target(name: "GumboHTML", dependencies: ["CGumbo", "HTMLDocument"]),
        .target(name: "CurlTransport", dependencies: ["CCurl", "CPennyShim", "HTTPModel", "WebAddress"]),
        .target(name: "PageLoading", dependencies: [
            "HTTPModel", "TextDecoding", "HTMLDocument", "GumboHTML", "PageLayout", "TerminalText", "WebAddress",
        ]),
        .executableTarget(name: "PennyCLI", dependencies: [
            "CurlTransport", "PageLoading", "PageLayout", "HTTPModel", "TerminalText", "WebAddress",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Test support: a loopback HTTP server.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "WebAddressTests", dependencies: ["WebAddress"]),
        .testTarget(name: "ScreenGridTests", dependencies: ["ScreenGrid"]),
        .testTarget(name: "ThemesTests", dependencies: ["Themes", "ScreenGrid", "PageLayout"]),
        .testTarget(name: "BrowserConfigTests", dependencies: ["BrowserConfig"]),
        .testTarget(name: "HTMLDocumentTests", dependencies: ["HTMLDocument", "GumboHTML"]),
        .testTarget(name: "PageLayoutTests", dependencies: [
            "PageLayout", "HTMLDocument", "GumboHTML", "PageLoading", "HTTPModel", "TerminalText", "WebAddress",
        ], exclude: ["Golden"]),
        .testTarget(name: "TextDecodingTests", dependencies: ["TextDecoding"]),
        .testTarget(name: "PaymentOffersTests", dependencies: [
            "PaymentOffers", "HTTPModel", .product(name: "BigInt", package: "BigInt"),
        ]),
        .testTarget(name: "CurlTransportTests", dependencies: ["CurlTransport", "HTTPModel", "TestSupport", "TextDecoding"]),
        .testTarget(name: "PennyCLITests", dependencies: ["TestSupport"]),
    ]
)
