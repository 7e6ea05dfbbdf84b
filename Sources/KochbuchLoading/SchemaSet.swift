import Foundation
import KochbuchModel
import KochbuchXML

/// The kinds of document a book holds, told apart by their root element.
public enum DocumentKind: String, Sendable, CaseIterable {
    case recipe
    case book
    case law
    case topics
    case ozgLeistungen = "ozg-leistungen"
    case leika
    case glossary
    case synonyms

    /// The namespace of every Kochbuch document (format version 1.0).
    public static let namespace = "urn:kochbuch:1.0"

    /// The schema file that describes this kind.
    public var schemaFileName: String {
        switch self {
        case .recipe: "recipe.xsd"
        case .book: "book.xsd"
        case .law: "law.xsd"
        case .topics, .ozgLeistungen, .leika: "topics.xsd"
        case .glossary: "glossary.xsd"
        case .synonyms: "synonyms.xsd"
        }
    }
}

/// The schemas that ship with the tool, each compiled at most once per process.
public final class SchemaSet: @unchecked Sendable {
    /// The folder holding the built-in schemas (the same files as `Recipes/schema/`).
    public static var builtInDirectory: URL {
        Bundle.module.bundleURL.appendingPathComponent("Schemas")
    }

    private let directory: URL
    private let lock = NSLock()
    private var compiled: [String: Result<XMLSchema, XMLSchema.CompileError>] = [:]
    private var vocabularies: [String: SchemaVocabulary] = [:]

    public init(directory: URL = SchemaSet.builtInDirectory) {
        self.directory = directory
    }

    /// The compiled schema for a kind of document.
    public func schema(for kind: DocumentKind) -> Result<XMLSchema, XMLSchema.CompileError> {
        lock.lock()
        defer { lock.unlock() }
        if let result = compiled[kind.schemaFileName] { return result }
        let path = directory.appendingPathComponent(kind.schemaFileName).path
        let result: Result<XMLSchema, XMLSchema.CompileError>
        do {
            result = .success(try XMLSchema(contentsOf: path))
        } catch {
            result = .failure(error)
        }
        compiled[kind.schemaFileName] = result
        return result
    }

    /// The element and attribute names a kind's schema and the files it includes declare.
    public func vocabulary(for kind: DocumentKind) -> SchemaVocabulary {
        lock.lock()
        defer { lock.unlock() }
        if let known = vocabularies[kind.schemaFileName] { return known }
        var texts: [String] = []
        var pending = [kind.schemaFileName]
        var read: Set<String> = []
        while let name = pending.popLast() {
            guard read.insert(name).inserted, !name.contains("/"),
                  let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            texts.append(text)
            var rest = Substring(text)
            while let range = rest.range(of: "<xs:include schemaLocation=\"") {
                pending.append(String(rest[range.upperBound...].prefix { $0 != "\"" }))
                rest = rest[range.upperBound...]
            }
        }
        let vocabulary = SchemaVocabulary.declared(in: texts)
        vocabularies[kind.schemaFileName] = vocabulary
        return vocabulary
    }
}
