// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Kochbuch",
    products: [
        .executable(name: "kochbuch", targets: ["kochbuch"]),
        .library(name: "Kochbuch", targets: ["Kochbuch"]),
        .executable(name: "kochbuch-bench", targets: ["kochbuch-bench"]),
        .executable(name: "kochbuch-mcp", targets: ["kochbuch-mcp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
    ],
    targets: [
        // The C boundary: libxml2, the Snowball stemmer, SQLite, libcurl and two Linux calls.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "KochbuchXML", dependencies: ["CLibXML2"]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // libcurl, opened at run time by `check-links --external` only.
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Linux calls Swift's Glibc does not declare (renameat2 for switching editions in).
        .systemLibrary(name: "CFileSystem"),

        // The document model: recipes, laws, topics, glossary, diagnostics.
        .target(name: "KochbuchModel"),

        // Reading a book from disk: safe parsing, schema validation, model building.
        .target(
            name: "KochbuchLoading",
            dependencies: ["KochbuchModel", "KochbuchXML"],
            resources: [.copy("Schemas")]
        ),

        // The link graph: who cites, links to and relates to whom.
        .target(name: "KochbuchLinking", dependencies: ["KochbuchModel"]),
        // The build cache: pieces of the editions kept between builds under their inputs' digests.
        .target(name: "KochbuchCache", dependencies: ["KochbuchModel", "KochbuchLinking"]),

        // The checks no schema can express.
        .target(name: "KochbuchChecking", dependencies: ["KochbuchModel", "KochbuchLinking"]),

        // German-aware search: folding, stemming, compounds, the index.
        .target(name: "KochbuchSearch", dependencies: ["KochbuchModel", "KochbuchLinking", "CStemmer", "CSQLite"]),

        // The HTML edition: a static site from templates.
        .target(
            name: "KochbuchHTML",
            dependencies: [
                "KochbuchModel", "KochbuchLinking", "KochbuchSearch", "KochbuchMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The readable script and style sheet; Resources/assets holds them minified (make assets).
            exclude: ["AssetSources"],
            resources: [.copy("Resources")]
        ),

        // Markdown from the model: the copies beside the website's pages, llms.txt, the assistant's answers.
        .target(name: "KochbuchMarkdown", dependencies: ["KochbuchModel", "KochbuchLinking"]),

        // The plain-text edition, also used by `kochbuch show`.
        .target(name: "KochbuchText", dependencies: ["KochbuchModel", "KochbuchLinking"]),

        // The EPUB 3 edition.
        .target(
            name: "KochbuchEPUB",
            dependencies: [
                "KochbuchModel", "KochbuchLinking", "KochbuchHTML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),

        // Authoring tools: recipe skeletons, canonical formatting, the element reference.
        .target(name: "KochbuchAuthoring", dependencies: ["KochbuchXML", "KochbuchModel", "KochbuchLoading"]),

        // Importers for law texts and the OZG catalog.
        .target(
            name: "KochbuchImport",
            dependencies: ["KochbuchModel", .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),

        // The engine facade the CLI calls.
        .target(
            name: "Kochbuch",
            dependencies: [
                "KochbuchModel", "KochbuchLoading", "KochbuchLinking", "KochbuchChecking", "KochbuchImport",
                "KochbuchSearch", "KochbuchHTML", "KochbuchText", "KochbuchEPUB", "KochbuchAuthoring", "KochbuchCache", "CCurl", "CFileSystem",
            ]
        ),

        // `kochbuch serve`: the HTML edition on 127.0.0.1 with live reload.
        .target(
            name: "KochbuchPreview",
            dependencies: ["Kochbuch", "KochbuchModel", "CFileSystem"]
        ),

        // The assistant server: the book over the Model Context Protocol (official Swift SDK), in a
        // program of its own (`kochbuch-mcp`, started by `kochbuch mcp`), so no other command loads it.
        .target(
            name: "KochbuchAssistant",
            dependencies: ["Kochbuch", "KochbuchModel", "KochbuchLoading", "KochbuchLinking", "KochbuchChecking", "KochbuchMarkdown",
                           "KochbuchSearch", .product(name: "MCP", package: "swift-sdk")]
        ),
        .executableTarget(name: "kochbuch-mcp", dependencies: ["KochbuchAssistant", "Kochbuch"],
                          linkerSettings: [.linkedLibrary("mimalloc")]),

        // The command line: parses arguments, calls the engine.
        // Linked with mimalloc (Debian libmimalloc-dev), which replaces malloc for the whole process:
        // reading a book is mostly small allocations on all cores (see README, Performance).
        .executableTarget(
            name: "kochbuch",
            dependencies: ["Kochbuch", "KochbuchImport", "KochbuchEPUB", "KochbuchSearch", "KochbuchPreview", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),

        // The benchmark: a deterministic corpus generator and the measurements (`make bench`).
        .target(name: "KochbuchBench", dependencies: ["Kochbuch", "KochbuchModel"]),
        .executableTarget(
            name: "kochbuch-bench",
            dependencies: ["KochbuchBench", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "KochbuchBenchTests", dependencies: ["KochbuchBench", "Kochbuch"]),
        .testTarget(name: "KochbuchXMLTests", dependencies: ["KochbuchXML"]),
        .testTarget(name: "KochbuchModelTests", dependencies: ["KochbuchModel"]),
        .testTarget(
            name: "KochbuchLoadingTests",
            dependencies: ["KochbuchLoading", "KochbuchModel", "KochbuchXML"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KochbuchCheckingTests",
            dependencies: ["Kochbuch", "KochbuchChecking", "KochbuchLoading", "KochbuchModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "KochbuchImportTests", dependencies: ["KochbuchImport", "KochbuchModel", "Kochbuch"]),
        .testTarget(
            name: "KochbuchHTMLTests",
            dependencies: ["KochbuchHTML", "Kochbuch", "KochbuchModel", "KochbuchSearch"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KochbuchTextTests",
            dependencies: ["KochbuchText", "Kochbuch", "KochbuchModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KochbuchEPUBTests",
            dependencies: [
                "KochbuchEPUB", "Kochbuch", "KochbuchModel", "KochbuchHTML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "KochbuchSearchTests", dependencies: ["KochbuchSearch", "Kochbuch", "KochbuchModel"]),
        .testTarget(
            name: "KochbuchAuthoringTests",
            dependencies: ["KochbuchAuthoring", "Kochbuch", "KochbuchXML", "KochbuchModel", "KochbuchLoading"]
        ),
        .testTarget(name: "KochbuchTests", dependencies: ["Kochbuch", "KochbuchModel", "KochbuchBench", "KochbuchCache"]),
        .testTarget(name: "KochbuchCacheTests", dependencies: ["KochbuchCache", "KochbuchModel"]),
        .testTarget(name: "KochbuchLinkingTests", dependencies: ["KochbuchLinking", "Kochbuch"]),
        .testTarget(
            name: "CookbookContentTests",
            dependencies: ["Kochbuch", "KochbuchLinking", "KochbuchModel"]
        ),
        // Its fixtures are read from the repository by path, as a user's files would be.
        .testTarget(name: "KochbuchCLITests", dependencies: ["kochbuch", "kochbuch-mcp", "Kochbuch"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
