import Foundation
import KochbuchXML

/// The element reference of the recipe format, generated from the German documentation in the
/// schemas, and the check that every element and attribute has such documentation.
///
/// `docs/reference.md` is this generator's output; a test compares the two, so the reference
/// cannot drift from the schemas.
public enum SchemaReference {
    /// The element reference as Markdown, generated from the schemas' annotations: for every element
    /// of the recipe format (recipe.xsd with common.xsd, then book.xsd, glossary.xsd), its documentation,
    /// where it may appear (parents), what it contains (children in order, with how often), and its
    /// attributes (name, required or optional, allowed values or type, documentation).
    ///
    /// The same schemas always give the same bytes. Throws ``SchemaReferenceError`` when a schema
    /// cannot be read or names a type, group or declaration that does not exist.
    public static func markdown(schemaDirectory: URL) throws -> String {
        let library = SchemaLibrary(directory: schemaDirectory)
        let catalog = try ElementCatalog(library: library, roots: documentKinds)
        return try ReferenceRenderer(catalog: catalog, library: library).render()
    }

    /// Elements or attributes declared without documentation (must be empty).
    ///
    /// Looks at every `*.xsd` file in the folder, not only those of the reference. Each entry names
    /// the file, the line and the declaration, e.g. `common.xsd:88: element 'em'`.
    public static func undocumented(schemaDirectory: URL) throws -> [String] {
        let library = SchemaLibrary(directory: schemaDirectory)
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: schemaDirectory.path)
                .filter { $0.hasSuffix(".xsd") }.sorted()
        } catch {
            throw SchemaReferenceError.unreadable(file: schemaDirectory.path)
        }
        var result: [String] = []
        for file in files {
            func walk(_ node: SchemaNode) {
                if node.kind == "element" || node.kind == "attribute", let name = node.attribute("name"), node.documentation == nil {
                    result.append("\(file):\(node.line): \(node.kind) '\(name)'")
                }
                node.children.forEach(walk)
            }
            walk(try library.root(of: file))
        }
        return result
    }

    /// The kinds of document the reference covers, in its order.
    static let documentKinds: [DocumentKindSpec] = [
        DocumentKindSpec(schema: "recipe.xsd", title: "Rezept",
                         location: "einer Rezeptdatei `Recipes/<id>.xml` (auch in Unterordnern)"),
        DocumentKindSpec(schema: "book.xsd", title: "Buch", location: "der Datei `Recipes/book.xml`"),
        DocumentKindSpec(schema: "glossary.xsd", title: "Glossar", location: "der Datei `Recipes/catalogs/glossary.xml`"),
        DocumentKindSpec(schema: "synonyms.xsd", title: "Suchwörter", location: "der Datei `Recipes/catalogs/synonyms.xml`"),
    ]
}

/// A schema whose global elements are the roots of one kind of document.
struct DocumentKindSpec {
    /// The schema file, e.g. "recipe.xsd".
    var schema: String
    /// The German name of the kind of document, used as part heading and to tell apart elements of the same name.
    var title: String
    /// Which file the root element stands in, after „Wurzelelement …“.
    var location: String
}
