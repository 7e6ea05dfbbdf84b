import CLibXML2
import Foundation

/// A compiled W3C XML Schema. Compile once, validate many documents.
public final class XMLSchema: @unchecked Sendable {
    /// The schema could not be compiled.
    public struct CompileError: Error, Sendable {
        public let path: String
        public let problems: [XMLProblem]
    }

    private let schema: xmlSchemaPtr

    /// Compiles the schema at `path`. Its includes and imports may only reach files in the
    /// same directory: the external resource policy refuses everything else.
    public init(contentsOf path: String) throws(CompileError) {
        ExternalResourcePolicy.allow(directory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        let collector = XMLProblemCollector()
        let compiled: xmlSchemaPtr? = collector.collecting {
            guard let context = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, collector.handler, collector.context)
            return xmlSchemaParse(context)
        }
        guard let compiled else { throw CompileError(path: path, problems: collector.problems) }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates a parsed document and returns every validity problem. Safe to call from several
    /// threads at once: each call has its own validation context; the compiled schema is only read.
    public func validate(_ document: XMLDocument) -> [XMLProblem] {
        let collector = XMLProblemCollector()
        collector.collecting {
            guard let context = xmlSchemaNewValidCtxt(schema) else { return }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, collector.handler, collector.context)
            _ = xmlSchemaValidateDoc(context, document.pointer)
        }
        return collector.problems
    }
}
