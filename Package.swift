// swift-tools-version: 6.2
import PackageDescription

/// Upcoming features follow Hummingbird's manifest: explicit `any`, imports that only expose what a file
/// actually imports, and internal imports unless a module re-exports a type on purpose.
let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "switchboard", targets: ["Switchboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    ],
    targets: [
        // Pure protocol code: IRC grammar, casemapping, splitting, flood control. No NIO.
        .target(name: "IRC", swiftSettings: upcoming),
        // The TLS IRC connection and its session state machine.
        .target(
            name: "IRCClient",
            dependencies: [
                "IRC",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: upcoming
        ),
        // Twilio and Meta webhook decoding, signatures, contact ids and the 24-hour window. No IO.
        .target(
            name: "WhatsApp",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcoming
        ),
        // RFC 5322/MIME parsing: charsets, encodings, HTML to text, quote stripping, auto-reply detection.
        .target(name: "Mail", swiftSettings: upcoming),
        // SMTP submission over NIO + NIOSSL (STARTTLS, implicit TLS, AUTH), and outgoing-message composition.
        .target(
            name: "SMTPClient",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        // RFC 4180 CSV reading, shared by the customers import (Desk) and the training sets (Triage). Pure.
        .target(name: "CSV", swiftSettings: upcoming),
        // Triage: language identification, hashed n-gram features, multinomial logistic regression, urgency
        // and rules. The shipped model is a resource, found without flags.
        .target(name: "Triage", dependencies: ["CSV"], resources: [.copy("Resources/triage.model")], swiftSettings: upcoming),
        // The domain: tickets, customers, the lifecycle state machine, intake values. Pure: from WhatsApp it
        // takes only values (the phone-number normaliser, the 24-hour window), never IO.
        .target(name: "Desk", dependencies: ["IRC", "WhatsApp", "CSV"], swiftSettings: upcoming),
        // GRDB on system SQLite (WAL): migrations, intake, the outbox, the event log, export.
        .target(
            name: "Store",
            dependencies: ["Desk", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "Switchboard",
            dependencies: [
                "IRC",
                "IRCClient",
                "WhatsApp",
                "Desk",
                "Store",
                "Mail",
                "SMTPClient",
                "Triage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: upcoming
        ),
        // `make bench`: throughput and latency figures, each against a baseline measured in the same run.
        .executableTarget(
            name: "SwitchboardBench",
            dependencies: [
                "IRC", "IRCClient", "Mail", "WhatsApp", "Desk", "Store", "Triage", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Benchmarks/SwitchboardBench",
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "IRCTests", dependencies: ["IRC", .product(name: "Yams", package: "Yams")], resources: [.copy("Fixtures")],
            swiftSettings: upcoming),
        // Starts the project's own IRC networks (scripts/testnet) for the tests that need a real server.
        .target(
            name: "TestSupport",
            dependencies: ["IRCClient", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport",
            resources: [.copy("Fixtures")],
            swiftSettings: upcoming),
        .testTarget(
            name: "IRCClientTests",
            dependencies: ["IRCClient", "IRC", "TestSupport"],
            swiftSettings: upcoming),
        .testTarget(
            name: "SwitchboardTests",
            dependencies: [
                "Switchboard", "IRCClient", "IRC", "TestSupport", "WhatsApp", "Desk", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // Twilio's Python library signs the HTTP tests' requests (run as a process, not a resource).
            exclude: ["HTTP/Fixtures"],
            swiftSettings: upcoming),
        .testTarget(name: "MailTests", dependencies: ["Mail"], resources: [.copy("Fixtures")], swiftSettings: upcoming),
        .testTarget(
            name: "SMTPClientTests",
            dependencies: [
                "SMTPClient", "TestSupport", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming),
        .executableTarget(
            name: "TriageBenchmark", dependencies: ["Triage"], path: "Benchmarks/Triage/TriageBenchmark", swiftSettings: upcoming),
        .testTarget(name: "CSVTests", dependencies: ["CSV"], swiftSettings: upcoming),
        .testTarget(name: "TriageTests", dependencies: ["Triage"], swiftSettings: upcoming),
        .testTarget(name: "DeskTests", dependencies: ["Desk", "IRC"], resources: [.copy("Fixtures")], swiftSettings: upcoming),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Desk", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: upcoming),
        .testTarget(name: "WhatsAppTests", dependencies: ["WhatsApp"], resources: [.copy("Fixtures")], swiftSettings: upcoming),
    ]
)
