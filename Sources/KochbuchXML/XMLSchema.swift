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
        collectProblems(of: document).problems
    }

    /// Validates like `validate(_:)`, but looks past unexpected elements. After an element it did
    /// not expect, libxml2 checks nothing more of its parent's content; so the element is renamed
    /// to the name `repair` gives for it (its closest expected name) or taken out of the document,
    /// and the document validated again, at most `rounds` times. Every problem is reported once;
    /// a missing child that only the removal caused is not reported.
    ///
    /// The document is changed: read it afterwards only to report further problems.
    public func validateEverything(_ document: XMLDocument, rounds: Int = 16,
                                   repair: (_ name: String, _ expected: [String]) -> String?) -> [XMLProblem] {
        var reported: [XMLProblem] = []
        var seen: Set<String> = []
        var emptied: Set<xmlNodePtr> = []
        for round in 0..<max(1, rounds) {
            let collector = collectProblems(of: document)
            var unexpected: [(xmlNodePtr, XMLProblem)] = []
            for (problem, node) in zip(collector.problems, collector.nodes) {
                if let node, emptied.contains(node), problem.message.contains("Missing child element") { continue }
                guard seen.insert("\(problem.line)|\(problem.message)").inserted else { continue }
                reported.append(problem)
                if let node, problem.message.contains("This element is not expected"), node.pointee.type == XML_ELEMENT_NODE,
                   node.pointee.parent != nil, node.pointee.parent.pointee.type == XML_ELEMENT_NODE {
                    unexpected.append((node, problem))
                }
            }
            guard !unexpected.isEmpty, round < rounds - 1 else { break }
            for (node, problem) in unexpected {
                let expected = Self.expectedNames(in: problem.message)
                if let name = problem.nodeName, let replacement = repair(name, expected), replacement != name {
                    xmlNodeSetName(node, replacement)
                } else {
                    emptied.insert(node.pointee.parent)
                    xmlUnlinkNode(node)
                    xmlFreeNode(node)
                }
            }
        }
        return reported
    }

    /// The local names in libxml2's "Expected is ( {ns}a, {ns}b )." or "Expected is one of ( … )".
    public static func expectedNames(in message: String) -> [String] {
        guard let start = message.range(of: "Expected is"), let open = message[start.upperBound...].firstIndex(of: "("),
              let close = message[open...].firstIndex(of: ")") else { return [] }
        return message[message.index(after: open)..<close].split(separator: ",").compactMap { item in
            let name = item.trimmingCharacters(in: .whitespaces)
            let local = name.split(separator: "}").last.map(String.init) ?? name
            return local.isEmpty || local.contains("*") || local.hasPrefix("#") ? nil : local
        }
    }

    private func collectProblems(of document: XMLDocument) -> XMLProblemCollector {
        let collector = XMLProblemCollector()
        collector.collecting {
            guard let context = xmlSchemaNewValidCtxt(schema) else { return }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, collector.handler, collector.context)
            _ = xmlSchemaValidateDoc(context, document.pointer)
        }
        return collector
    }
}
