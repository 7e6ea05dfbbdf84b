import CLibXML2

/// Parses untrusted XML with libxml2's safe options.
///
/// The option set never loads a DTD, never substitutes entities and never touches the network:
/// `XML_PARSE_NONET | XML_PARSE_BIG_LINES`. Entity loops are refused by libxml2 itself; external
/// entities stay unexpanded. Nesting deeper than libxml2's limit of 256 levels is a fatal error.
public enum XMLParser {
    /// The result of parsing: a document when the input was well-formed, and every problem seen.
    public struct Outcome: Sendable {
        public let document: XMLDocument?
        public let problems: [XMLProblem]
    }

    /// The options used for every parse.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Parses UTF-8 bytes. `name` is used in libxml2's messages only.
    public static func parse(_ bytes: [UInt8], name: String) -> Outcome {
        ExternalResourcePolicy.installIfNeeded()
        let collector = XMLProblemCollector()
        let document: XMLDocument? = collector.collecting {
            guard let context = xmlNewParserCtxt() else { return nil }
            defer { xmlFreeParserCtxt(context) }
            let pointer = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    xmlCtxtReadMemory(context, base, Int32(buffer.count), name, "UTF-8", options)
                }
            }
            guard let pointer else { return nil }
            guard context.pointee.wellFormed != 0, let rootNode = xmlDocGetRootElement(pointer) else {
                xmlFreeDoc(pointer)
                return nil
            }
            return XMLDocument(pointer: pointer, rootNode: rootNode)
        }
        return Outcome(document: document, problems: collector.problems)
    }
}
