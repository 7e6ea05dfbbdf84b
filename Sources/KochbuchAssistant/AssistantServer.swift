import Foundation
import Kochbuch
import KochbuchModel
import KochbuchSearch
import MCP

/// `kochbuch mcp`: the book as a Model Context Protocol server over stdio, built on the official
/// Swift SDK. Tools: `search`, `get_recipe`, `get_law_section`, `list_recipes`, `topics`,
/// `coverage`; resources: every recipe and law section under `kochbuch://…`. Read-only.
public struct AssistantServer: Sendable {
    public let knowledge: KnowledgeBase

    public init(book: BookLocation) {
        knowledge = KnowledgeBase(location: book)
    }

    /// Serves on standard input and output until the client closes the connection.
    public func run() async throws {
        let server = Server(
            name: "kochbuch",
            version: KochbuchVersion.current,
            title: "Kochbuch E-Government",
            instructions: """
            Ein Kochbuch für die Digitalisierung kommunaler Verwaltungsleistungen. Suche mit `search` \
            (Fragen in normalem Deutsch, auch `§ 3 EGovG`), lies Rezepte mit `get_recipe` und den \
            Gesetzestext in der geltenden Fassung mit `get_law_section`. Zitiere Paragraf und Fassung \
            so, wie die Antworten sie nennen.
            """,
            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false))
        )
        let knowledge = knowledge
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: Self.tools) }
        await server.withMethodHandler(CallTool.self) { params in
            try Self.call(params.name, params.arguments, knowledge: knowledge)
        }
        await server.withMethodHandler(ListResources.self) { _ in
            .init(resources: knowledge.resources().map {
                MCP.Resource(name: $0.name, uri: $0.uri, title: $0.title, description: $0.description, mimeType: "text/markdown")
            })
        }
        await server.withMethodHandler(ReadResource.self) { params in
            guard params.uri.count <= ToolArguments.maximumLength else { throw MCPError.invalidParams("the address is too long") }
            do {
                return .init(contents: [.text(try knowledge.read(params.uri), uri: params.uri, mimeType: "text/markdown")])
            } catch let refusal as KnowledgeBase.Refusal {
                throw MCPError.invalidParams(refusal.description)
            }
        }
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }

    static let filterProperties: [String: Value] = [
        "law": .object(["type": "string", "description": "Nur Rezepte, die dieses Gesetz oder diesen Paragrafen zitieren: `EGovG`, `EGovG § 6a`, `ozg:3`."]),
        "topic": .object(["type": "string", "description": "Nur Rezepte eines Themenfelds oder einer Lebenslage, als Kennung oder Name (siehe `topics`)."]),
        "ozg": .object(["type": "string", "description": "Nur Rezepte zu dieser OZG-Leistung (Kennung, z. B. `10519`)."]),
        "status": .object(["type": "string", "enum": ["published", "review", "draft"], "description": "Nur Rezepte in diesem Stand."]),
    ]

    static var tools: [Tool] {
        let readOnly = Tool.Annotations(readOnlyHint: true, openWorldHint: false)
        return [
            Tool(name: "search", title: "Im Kochbuch suchen",
                 description: "Sucht Rezepte zu einer Frage oder zu Stichwörtern (deutsch: Wortformen, Umlaute, Komposita; `\"Phrase\"`, `präfix*`, `-ausschluss`, `§ 6 EGovG`). Liefert je Treffer Kennung, Titel, Themenfeld, zitierte Paragrafen und einen Ausschnitt. Lies danach das passende Rezept mit `get_recipe`.",
                 inputSchema: .object([
                    "type": "object",
                    "properties": .object(filterProperties.merging([
                        "query": .object(["type": "string", "description": "Die Frage oder die Suchwörter."]),
                        "limit": .object(["type": "integer", "minimum": 1, "maximum": 50, "default": 10, "description": "Höchstens so viele Treffer."]),
                    ]) { first, _ in first }),
                    "required": ["query"],
                    "additionalProperties": false,
                 ]), annotations: readOnly),
            Tool(name: "get_recipe", title: "Rezept lesen",
                 description: "Das ganze Rezept als Markdown: Eckdaten, Rechtsgrundlagen mit Fassung und Geltung für Kommunen, Zutaten, Schritte, Tipps, Stolpersteine, Praxisbeispiele, verwandte Rezepte (mit Kennung) und Quellen.",
                 inputSchema: .object([
                    "type": "object",
                    "properties": ["id": .object(["type": "string", "description": "Die Kennung des Rezepts, z. B. `e-akte`."])],
                    "required": ["id"],
                    "additionalProperties": false,
                 ]), annotations: readOnly),
            Tool(name: "get_law_section", title: "Gesetzestext lesen",
                 description: "Der Text eines Paragrafen in der heute geltenden Fassung (oder in der an `date` geltenden), seine Geschichte und die Rezepte, die ihn zitieren.",
                 inputSchema: .object([
                    "type": "object",
                    "properties": .object([
                        "law": .object(["type": "string", "description": "Das Gesetz: Kennung oder Abkürzung, z. B. `egovg`, `OZG`, `BITV 2.0`."]),
                        "section": .object(["type": "string", "description": "Die Nummer des Paragrafen, z. B. `6a`."]),
                        "date": .object(["type": "string", "description": "Optional: der Tag (JJJJ-MM-TT), dessen Fassung gezeigt wird."]),
                    ]),
                    "required": ["law", "section"],
                    "additionalProperties": false,
                 ]), annotations: readOnly),
            Tool(name: "list_recipes", title: "Rezepte auflisten",
                 description: "Alle Rezepte, die die Filter zulassen, nach Titel; ohne Filter das ganze Buch.",
                 inputSchema: .object(["type": "object", "properties": .object(filterProperties), "additionalProperties": false]),
                 annotations: readOnly),
            Tool(name: "topics", title: "Themen",
                 description: "Die Themenfelder und Lebenslagen des OZG-Umsetzungskatalogs mit der Zahl der Rezepte in jedem.",
                 inputSchema: .object(["type": "object", "properties": .object([:]), "additionalProperties": false]), annotations: readOnly),
            Tool(name: "coverage", title: "Abdeckung",
                 description: "Wo das Buch Lücken hat: Paragrafen, Themen und OZG-Leistungen ohne Rezept, Rezepte ohne Verweise, Entwürfe und lange nicht geprüfte Rezepte.",
                 inputSchema: .object(["type": "object", "properties": .object([:]), "additionalProperties": false]), annotations: readOnly),
        ]
    }

    static func call(_ name: String, _ values: [String: Value]?, knowledge: KnowledgeBase) throws -> CallTool.Result {
        do {
            switch name {
            case "search":
                let arguments = try ToolArguments(tool: name, values, allowed: ["query", "limit", "law", "topic", "ozg", "status"])
                let answer = try knowledge.search(try arguments.requiredString("query"), filters: try filters(arguments),
                                                  limit: try arguments.integer("limit", default: 10, in: 1...50))
                return try structured(answer)
            case "get_recipe":
                let arguments = try ToolArguments(tool: name, values, allowed: ["id"])
                return .init(content: [.text(try knowledge.recipe(try arguments.requiredString("id")))])
            case "get_law_section":
                let arguments = try ToolArguments(tool: name, values, allowed: ["law", "section", "date"])
                var date: CalendarDate?
                if let text = try arguments.string("date") {
                    guard let parsed = CalendarDate(text) else { throw MCPError.invalidParams("get_law_section: 'date' must be a day as JJJJ-MM-TT, e.g. 2023-01-01") }
                    date = parsed
                }
                return .init(content: [.text(try knowledge.lawSection(law: try arguments.requiredString("law"),
                                                                      section: try arguments.requiredString("section"), on: date))])
            case "list_recipes":
                let arguments = try ToolArguments(tool: name, values, allowed: ["law", "topic", "ozg", "status"])
                return try structured(try knowledge.list(filters: try filters(arguments)))
            case "topics":
                _ = try ToolArguments(tool: name, values, allowed: [])
                return try structured(knowledge.topics())
            case "coverage":
                _ = try ToolArguments(tool: name, values, allowed: [])
                return try structured(knowledge.coverage())
            default:
                throw MCPError.invalidParams("unknown tool '\(name)'; the tools are " + tools.map(\.name).joined(separator: ", "))
            }
        } catch let refusal as KnowledgeBase.Refusal {
            throw MCPError.invalidParams("\(name): \(refusal.description)")
        }
    }

    private static func filters(_ arguments: ToolArguments) throws -> SearchFilters {
        SearchFilters(laws: try arguments.string("law").map { [$0] } ?? [], topics: try arguments.string("topic").map { [$0] } ?? [],
                      ozg: try arguments.string("ozg").map { [$0] } ?? [], statuses: try arguments.string("status").map { [$0] } ?? [])
    }

    /// An answer as structured content, and the same JSON as text for clients that read only text.
    private static func structured<Answer: Codable>(_ answer: Answer) throws -> CallTool.Result {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(answer), as: UTF8.self)
        return try .init(content: [.text(text)], structuredContent: answer)
    }
}
