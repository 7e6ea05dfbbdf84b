import KochbuchModel
import KochbuchXML

/// Builds a `Law` from a `<law>` element: its versions, oldest first, each section of a version
/// either with its text or, as `<same number="…"/>`, carried over unchanged from the previous one.
struct LawReader {
    let content: ContentReader

    func read(_ root: XMLNodeView) -> Law {
        var versions: [LawVersion] = []
        for element in root.elements(named: "version") {
            versions.append(version(element, previous: versions.last))
        }
        return Law(
            id: root.attribute("id") ?? "",
            abbreviation: root.attribute("abbreviation") ?? "",
            title: content.text(root.firstElement(named: "title")),
            status: Law.Status(rawValue: root.attribute("status") ?? "") ?? .inForce,
            enacted: root.attribute("enacted").flatMap(CalendarDate.init),
            supersedes: root.attribute("supersedes"),
            jurisdiction: root.attribute("jurisdiction"),
            address: root.attribute("href"),
            municipalities: root.attribute("municipalities").flatMap(MunicipalApplicability.init(rawValue:)),
            source: root.firstElement(named: "source").map { content.text($0) } ?? "",
            versions: versions,
            location: content.location(of: root))
    }

    private func version(_ element: XMLNodeView, previous: LawVersion?) -> LawVersion {
        var sections: [LawSection] = []
        var unchanged: Set<String> = []
        func add(_ child: XMLNodeView, division: String?) {
            switch child.name {
            case "section":
                sections.append(section(child, division: division))
            case "same":
                let number = child.attribute("number") ?? ""
                if var carried = previous?.section(number) {
                    carried.division = division
                    sections.append(carried)
                    unchanged.insert(number)
                }
            default:
                break
            }
        }
        for child in element.elements {
            if child.name == "division" {
                let title = child.attribute("title")
                for inner in child.elements { add(inner, division: title) }
            } else {
                add(child, division: nil)
            }
        }
        return LawVersion(
            date: element.attribute("date").flatMap(CalendarDate.init) ?? CalendarDate(year: 1, month: 1, day: 1),
            note: content.text(element.firstElement(named: "note")),
            source: content.text(element.firstElement(named: "source")),
            preamble: element.firstElement(named: "preamble").map(text) ?? [],
            sections: sections,
            annexes: element.elements(named: "annex").map { LawAnnex(title: $0.attribute("title") ?? "", text: text($0)) },
            moves: element.elements(named: "moved").map {
                LawMove(from: $0.attribute("from") ?? "", to: $0.attribute("to") ?? "",
                        similarity: $0.attribute("similarity").flatMap(Double.init))
            },
            unchanged: unchanged,
            location: content.location(of: element))
    }

    private func section(_ element: XMLNodeView, division: String?) -> LawSection {
        LawSection(number: element.attribute("number") ?? "", title: element.attribute("title") ?? "",
                   status: LawSection.Status(rawValue: element.attribute("status") ?? "") ?? .inForce,
                   division: division, text: text(element))
    }

    private func text(_ element: XMLNodeView) -> [LawText] {
        element.elements.compactMap { child in
            switch child.name {
            case "heading": .heading(content.text(child))
            case "paragraph": .paragraph(LawParagraph(number: child.attribute("number"), parts: parts(child)))
            default: nil
            }
        }
    }

    private func parts(_ element: XMLNodeView) -> [LawTextPart] {
        element.elements.compactMap { child in
            switch child.name {
            case "text": .text(content.text(child))
            case "item": .item(label: child.attribute("label") ?? "", parts: parts(child))
            default: nil
            }
        }
    }
}

/// Builds the topic catalogs from `<topics>`, `<ozg-leistungen>` and `<leika>`.
struct TopicReader {
    let content: ContentReader

    func topics(_ root: XMLNodeView) -> TopicCatalog {
        TopicCatalog(
            themenfelder: root.elements(named: "themenfeld").map { field in
                let id = field.attribute("id") ?? ""
                return Themenfeld(
                    id: id, number: Int(field.attribute("number") ?? "") ?? 0, name: field.attribute("name") ?? "",
                    lebenslagen: field.elements(named: "lebenslage").map {
                        Lebenslage(id: $0.attribute("id") ?? "", number: Int($0.attribute("number") ?? "") ?? 0,
                                   name: $0.attribute("name") ?? "", themenfeld: id)
                    })
            },
            source: content.text(root.firstElement(named: "source")))
    }

    func ozgLeistungen(_ root: XMLNodeView) -> [OZGLeistung] {
        root.elements(named: "leistung").map {
            OZGLeistung(id: $0.attribute("id") ?? "", name: $0.attribute("name") ?? "",
                        lebenslage: $0.attribute("lebenslage") ?? "")
        }
    }

    func leika(_ root: XMLNodeView) -> [LeiKaLeistung] {
        root.elements(named: "leistung").map {
            LeiKaLeistung(key: $0.attribute("key") ?? "", name: $0.attribute("name") ?? "", ozgID: $0.attribute("ozg"))
        }
    }
}

/// Builds glossary entries from `<glossary>`.
struct GlossaryReader {
    let content: ContentReader

    func read(_ root: XMLNodeView) -> [GlossaryEntry] {
        root.elements(named: "entry").map { entry in
            GlossaryEntry(
                id: entry.attribute("id") ?? "",
                term: content.text(entry.firstElement(named: "term")),
                expansion: entry.firstElement(named: "expansion").map { content.text($0) },
                definition: entry.firstElement(named: "definition").map(content.inlines) ?? [],
                seeAlso: entry.elements(named: "see").map {
                    CatalogReference(id: $0.attribute("ref") ?? "", location: content.attributeLocation("ref", of: $0))
                },
                location: content.attributeLocation("id", of: entry))
        }
    }
}

/// Builds the `BookManifest` from `<book>`.
struct ManifestReader {
    let content: ContentReader

    func read(_ root: XMLNodeView) -> BookManifest {
        let edition = root.firstElement(named: "edition")
        let licence = root.firstElement(named: "licence")
        return BookManifest(
            id: root.attribute("id") ?? "",
            language: root.attribute("lang", namespace: XMLNamespace.xml) ?? "de",
            title: content.text(root.firstElement(named: "title")),
            subtitle: root.firstElement(named: "subtitle").map { content.text($0) },
            edition: content.text(edition),
            editionDate: edition?.attribute("date").flatMap(CalendarDate.init),
            editors: root.firstElement(named: "editors")?.elements(named: "editor").map { content.text($0) } ?? [],
            publisher: content.text(root.firstElement(named: "publisher")),
            licence: content.text(licence),
            licenceURL: licence?.attribute("href"),
            introduction: root.firstElement(named: "introduction").map(content.blocks) ?? [],
            chapters: root.firstElement(named: "chapters")?.elements(named: "chapter").map { chapter in
                Chapter(id: chapter.attribute("id") ?? "",
                        title: content.text(chapter.firstElement(named: "title")),
                        recipes: chapter.elements(named: "recipe").map {
                            CatalogReference(id: $0.attribute("ref") ?? "",
                                             location: content.attributeLocation("ref", of: $0))
                        })
            } ?? [],
            imprint: root.firstElement(named: "imprint").map(imprint),
            location: content.location(of: root))
    }

    private func imprint(_ element: XMLNodeView) -> Imprint {
        func text(_ name: String) -> String { content.text(element.firstElement(named: name)) }
        func optional(_ name: String) -> String? { element.firstElement(named: name).map { content.text($0) } }
        return Imprint(provider: text("provider"), address: text("address"), representedBy: text("represented-by"), email: text("email"),
                       phone: optional("phone"), responsible: optional("responsible"),
                       dataProtectionOfficer: text("data-protection-officer"), serverLogs: text("server-logs"),
                       supervisoryAuthority: text("supervisory-authority"))
    }
}
