import Foundation

/// Every element declaration reachable from the roots, grouped into one section per element.
struct ElementCatalog {
    /// One element declaration and what the walk found out about it.
    struct Declaration {
        let node: SchemaNode
        let name: String
        let content: ElementContent
        /// The declarations this one is a child of, in the order found.
        var parents: [String]
        /// Whether every parent has mixed content (text with markup): an inline element.
        var onlyInMixedContent: Bool
        /// The document kind this declaration is the root element of.
        var rootOf: DocumentKindSpec?
        /// The documentation of identity constraints (xs:unique, xs:key, xs:keyref).
        var rules: [String]
    }

    /// Where a section belongs in the reference.
    enum Part: Hashable {
        /// Elements of one kind of document (index into the roots).
        case document(Int)
        /// Shared elements from included schemas that sit between blocks of text.
        case blocks
        /// Shared elements from included schemas that sit inside text.
        case inlines
    }

    /// One `###` section: all declarations of one element name in one schema file.
    struct Section {
        let name: String
        let file: String
        var declarations: [String]
        var part: Part = .blocks
        var heading = ""
        var anchor = ""
    }

    let roots: [DocumentKindSpec]
    private(set) var declarations: [String: Declaration] = [:]
    /// The sections in the reference's order.
    private(set) var sections: [Section] = []
    private var sectionOfDeclaration: [String: Int] = [:]

    init(library: SchemaLibrary, roots: [DocumentKindSpec]) throws {
        self.roots = roots
        var order: [String] = []
        for spec in roots {
            let components = try library.components(of: spec.schema)
            let schema = try library.root(of: spec.schema)
            for root in schema.children("element") where root.attribute("name") != nil {
                try visit(root, parent: nil, parentMixed: false, rootOf: spec, components: components, order: &order)
            }
        }

        // Group declarations by (file, name), in the order found.
        var grouped: [Section] = []
        var index: [String: Int] = [:]
        for id in order {
            let declaration = declarations[id]!
            let key = "\(declaration.node.file)|\(declaration.name)"
            if let existing = index[key] {
                grouped[existing].declarations.append(id)
            } else {
                index[key] = grouped.count
                grouped.append(Section(name: declaration.name, file: declaration.node.file, declarations: [id]))
            }
        }
        for position in grouped.indices {
            if let rootIndex = roots.firstIndex(where: { $0.schema == grouped[position].file }) {
                grouped[position].part = .document(rootIndex)
            } else {
                let inline = grouped[position].declarations.allSatisfy { declarations[$0]!.onlyInMixedContent }
                grouped[position].part = inline ? .inlines : .blocks
            }
        }

        // The reader's order: the first document's own elements, the shared blocks and inlines, then the other documents.
        var partOrder: [Part] = []
        for rootIndex in roots.indices {
            partOrder.append(.document(rootIndex))
            if rootIndex == 0 { partOrder += [.blocks, .inlines] }
        }
        var used = Set<String>()
        var anchors = Set<String>()
        for part in partOrder {
            for var section in grouped where section.part == part {
                section.heading = used.contains(section.name)
                    ? "`\(section.name)` (\(Self.qualifier(part, roots: roots)))" : "`\(section.name)`"
                used.insert(section.name)
                var anchor = Markdown.anchor(section.heading)
                var suffix = 1
                while anchors.contains(anchor) {
                    anchor = Markdown.anchor(section.heading) + "-\(suffix)"
                    suffix += 1
                }
                anchors.insert(anchor)
                section.anchor = anchor
                for id in section.declarations { sectionOfDeclaration[id] = sections.count }
                sections.append(section)
            }
        }
    }

    static func qualifier(_ part: Part, roots: [DocumentKindSpec]) -> String {
        switch part {
        case .document(let index): roots[index].title
        case .blocks: "Block"
        case .inlines: "Inline"
        }
    }

    /// Depth first, in document order, each declaration once. The children of text with markup are
    /// alternatives, not a sequence: they are all registered before any of them is descended into,
    /// so that inline elements keep the order of their declaration.
    private mutating func visit(_ node: SchemaNode, parent: String?, parentMixed: Bool, rootOf: DocumentKindSpec?,
                                components: SchemaComponents, order: inout [String]) throws {
        if try register(node, parent: parent, parentMixed: parentMixed, rootOf: rootOf, components: components, order: &order) {
            try descend(node.id, components: components, order: &order)
        }
    }

    /// Records a declaration, or one more parent of a known one; true when it is new.
    private mutating func register(_ node: SchemaNode, parent: String?, parentMixed: Bool, rootOf: DocumentKindSpec?,
                                   components: SchemaComponents, order: inout [String]) throws -> Bool {
        if var existing = declarations[node.id] {
            if let parent, !existing.parents.contains(parent) { existing.parents.append(parent) }
            existing.onlyInMixedContent = existing.onlyInMixedContent && parentMixed
            declarations[node.id] = existing
            return false
        }
        let content = try components.content(ofElement: node)
        let rules = node.children.filter { ["unique", "key", "keyref"].contains($0.kind) }.compactMap(\.documentation)
        declarations[node.id] = Declaration(
            node: node, name: node.attribute("name") ?? "", content: content,
            parents: parent.map { [$0] } ?? [], onlyInMixedContent: parent != nil && parentMixed,
            rootOf: rootOf, rules: rules
        )
        order.append(node.id)
        return true
    }

    private mutating func descend(_ id: String, components: SchemaComponents, order: inout [String]) throws {
        let content = declarations[id]!.content
        let children = content.particle?.elementDeclarations ?? []
        if content.mixed {
            var fresh: [SchemaNode] = []
            for child in children
            where try register(child, parent: id, parentMixed: true, rootOf: nil, components: components, order: &order) {
                fresh.append(child)
            }
            for child in fresh { try descend(child.id, components: components, order: &order) }
        } else {
            for child in children {
                try visit(child, parent: id, parentMixed: false, rootOf: nil, components: components, order: &order)
            }
        }
    }

    func section(of declarationID: String) -> Section {
        sections[sectionOfDeclaration[declarationID]!]
    }

    /// The position of a section in the reference.
    func position(_ section: Section) -> Int {
        sectionOfDeclaration[section.declarations[0]]!
    }

    /// The sections of the parents of some declarations, each once, in the reference's order.
    func parentSections(of declarationIDs: [String]) -> [Section] {
        var positions = Set<Int>()
        for id in declarationIDs {
            for parent in declarations[id]!.parents { positions.insert(sectionOfDeclaration[parent]!) }
        }
        return positions.sorted().map { sections[$0] }
    }
}
