// swift-tools-version: 6.1
// ChildLink: links children's records across the missing, CME, EHE and exclusions datasets
// and produces the Inclusion Scorecard. See README.md and docs/.

import PackageDescription

let package = Package(
    name: "ChildLink",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "childlink", targets: ["childlink"])
    ],
    traits: [
        .trait(
            name: "Desk",
            description: "The review desk in a browser, `childlink serve` (Hummingbird). On by default; "
                + "Scripts/bench-instructions.sh builds without it, as `link` does not use it."),
        .default(enabledTraits: ["Desk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // libxml2, reached only from ChildLinkImport's XML reader.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Value types shared by every module: records, identifiers, dates, codes, diagnostics.
        .target(name: "ChildLinkModel"),
        // The one private-file writer (0600, temporary file, fsync, rename) and its stale-file sweep.
        .target(name: "ChildLinkFiles", dependencies: ["ChildLinkModel"]),
        // CSV and XML readers, dataset importers, mapping profiles.
        .target(
            name: "ChildLinkImport",
            dependencies: ["ChildLinkModel", "CLibXML2", .product(name: "Yams", package: "Yams")]
        ),
        // Normalisation, blocking, comparisons, Fellegi–Sunter model, clustering. Pure: no I/O.
        // The built-in forename variants are compiled in (`embedInCode`), so the binary needs no file beside it.
        .target(
            name: "ChildLinkMatching", dependencies: ["ChildLinkModel"],
            resources: [.embedInCode("Resources/forename-variants.txt")]
        ),
        // The embedded SQLite history (the only GRDB user).
        .target(
            name: "ChildLinkStore",
            dependencies: [
                "ChildLinkModel", "ChildLinkFiles", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Indicators, cohort, overlap, footprint, and the HTML / XLSX / CSV / JSON writers.
        .target(
            name: "ChildLinkReports",
            dependencies: [
                "ChildLinkModel", "ChildLinkFiles", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The built-in bank holiday changes, compiled in like the forename variants.
            resources: [.embedInCode("Resources/bank-holiday-changes.txt")]
        ),
        // The deterministic synthetic borough used for the sample data, tests and benchmarks.
        .target(name: "ChildLinkSample", dependencies: ["ChildLinkModel", "ChildLinkFiles"]),
        // The pipeline: one public entry point per job.
        .target(
            name: "ChildLinkCore",
            dependencies: [
                "ChildLinkModel", "ChildLinkFiles", "ChildLinkImport", "ChildLinkMatching", "ChildLinkStore",
                "ChildLinkReports", "ChildLinkSample", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The review desk: a loopback-only web server over the store, calling the same Core jobs as the CLI.
        .target(
            name: "ChildLinkServer",
            dependencies: [
                "ChildLinkCore", "ChildLinkModel", "ChildLinkMatching", "ChildLinkReports", "ChildLinkStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command-line front end: argument parsing and exit codes only.
        .executableTarget(
            name: "childlink",
            dependencies: [
                "ChildLinkCore", .target(name: "ChildLinkServer", condition: .when(traits: ["Desk"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ChildLinkModelTests", dependencies: ["ChildLinkModel"]),
        .testTarget(
            name: "ChildLinkFilesTests", dependencies: ["ChildLinkFiles", "ChildLinkModel", "ChildLinkMatching"]),
        .testTarget(
            name: "ChildLinkImportTests",
            dependencies: ["ChildLinkImport", "ChildLinkModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ChildLinkMatchingTests", dependencies: ["ChildLinkMatching", "ChildLinkModel"]),
        .testTarget(name: "ChildLinkStoreTests", dependencies: ["ChildLinkStore", "ChildLinkModel"]),
        .testTarget(
            name: "ChildLinkReportsTests", dependencies: ["ChildLinkReports", "ChildLinkModel", "ChildLinkFiles"],
            // Golden files, read beside the test source (#filePath), not bundled.
            exclude: ["Expected"]),
        .testTarget(name: "ChildLinkSampleTests", dependencies: ["ChildLinkSample", "ChildLinkModel"]),
        .testTarget(
            name: "ChildLinkServerTests",
            dependencies: [
                "ChildLinkServer", "ChildLinkCore", "ChildLinkModel", "ChildLinkSample", "ChildLinkStore",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ChildLinkCoreTests",
            dependencies: ["ChildLinkCore", "ChildLinkModel", "childlink"]
        ),
    ]
)

// Stricter Swift for every target, as the house style asks.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("InternalImportsByDefault"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
