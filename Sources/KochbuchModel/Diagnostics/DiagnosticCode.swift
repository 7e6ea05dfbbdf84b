/// The stable identifier of a kind of diagnostic. Tools and authors may rely on these names;
/// `docs/diagnostics.md` explains each one and what to do about it.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    // Reading files
    public static let fileUnreadable = DiagnosticCode(rawValue: "file.unreadable")
    public static let fileTooLarge = DiagnosticCode(rawValue: "file.too-large")
    public static let fileEmpty = DiagnosticCode(rawValue: "file.empty")
    public static let fileEncoding = DiagnosticCode(rawValue: "file.encoding")
    public static let fileOutsideBook = DiagnosticCode(rawValue: "file.outside-book")

    // XML well-formedness and safety
    public static let xmlMalformed = DiagnosticCode(rawValue: "xml.malformed")
    public static let xmlDoctype = DiagnosticCode(rawValue: "xml.doctype")
    public static let xmlTooDeep = DiagnosticCode(rawValue: "xml.too-deep")
    public static let xmlTooComplex = DiagnosticCode(rawValue: "xml.too-complex")
    public static let xmlUnknownRoot = DiagnosticCode(rawValue: "xml.unknown-root")

    // Schema validity
    public static let schemaInvalid = DiagnosticCode(rawValue: "schema.invalid")
    public static let linkScheme = DiagnosticCode(rawValue: "link.scheme")
    public static let dateInvalid = DiagnosticCode(rawValue: "date.invalid")

    // Identity
    public static let recipeIDMismatch = DiagnosticCode(rawValue: "recipe.id-mismatch")
    public static let recipeDuplicateID = DiagnosticCode(rawValue: "recipe.duplicate-id")
    public static let catalogDuplicate = DiagnosticCode(rawValue: "catalog.duplicate")
    public static let bookManifestMissing = DiagnosticCode(rawValue: "book.manifest-missing")
    public static let bookUnlisted = DiagnosticCode(rawValue: "book.unlisted")
    public static let bookDuplicateEntry = DiagnosticCode(rawValue: "book.duplicate-entry")

    // References
    public static let referenceRecipe = DiagnosticCode(rawValue: "reference.recipe")
    public static let referenceStep = DiagnosticCode(rawValue: "reference.step")
    public static let referenceLaw = DiagnosticCode(rawValue: "reference.law")
    public static let referenceLawSection = DiagnosticCode(rawValue: "reference.law-section")
    public static let referenceLawParagraph = DiagnosticCode(rawValue: "reference.law-paragraph")
    public static let referenceThemenfeld = DiagnosticCode(rawValue: "reference.themenfeld")
    public static let referenceLebenslage = DiagnosticCode(rawValue: "reference.lebenslage")
    public static let referenceOZGLeistung = DiagnosticCode(rawValue: "reference.ozg-leistung")
    public static let referenceLeiKa = DiagnosticCode(rawValue: "reference.leika")
    public static let referenceTerm = DiagnosticCode(rawValue: "reference.term")
    public static let referenceImage = DiagnosticCode(rawValue: "reference.image")
    public static let imageOutsideBook = DiagnosticCode(rawValue: "image.outside-book")
    public static let imageUnsafe = DiagnosticCode(rawValue: "image.unsafe")

    // Editorial warnings
    public static let recipeOrphan = DiagnosticCode(rawValue: "recipe.orphan")
    public static let recipeSelfLink = DiagnosticCode(rawValue: "recipe.self-link")
    public static let citationRepealed = DiagnosticCode(rawValue: "citation.repealed")
    public static let citationDraftLaw = DiagnosticCode(rawValue: "citation.draft-law")
    public static let linkDraft = DiagnosticCode(rawValue: "link.draft")
    public static let reviewMissing = DiagnosticCode(rawValue: "review.missing")
    public static let reviewFuture = DiagnosticCode(rawValue: "review.future")
    public static let classificationMismatch = DiagnosticCode(rawValue: "classification.mismatch")
    public static let textDoubledWord = DiagnosticCode(rawValue: "text.doubled-word")
    public static let textControlCharacter = DiagnosticCode(rawValue: "text.control-character")
    public static let factsDurationSteps = DiagnosticCode(rawValue: "facts.duration-steps")
    public static let factsDurationNegative = DiagnosticCode(rawValue: "facts.duration-negative")
    public static let factsDurationOrder = DiagnosticCode(rawValue: "facts.duration-order")

    // The Rechtsstand: citations against the law's versions
    public static let citationRemoved = DiagnosticCode(rawValue: "citation.removed")
    public static let citationMoved = DiagnosticCode(rawValue: "citation.moved")
    public static let citationChangedSinceReview = DiagnosticCode(rawValue: "citation.changed-since-review")
    public static let citationPinnedVersion = DiagnosticCode(rawValue: "citation.pinned-version")
    public static let citationOutdated = DiagnosticCode(rawValue: "citation.outdated")
    public static let basisApplicabilityMissing = DiagnosticCode(rawValue: "basis.applicability-missing")
    public static let basisApplicabilityExceeds = DiagnosticCode(rawValue: "basis.applicability-exceeds")
    public static let basisFederalOnly = DiagnosticCode(rawValue: "basis.federal-only")
    public static let lawVersionOrder = DiagnosticCode(rawValue: "law.version-order")
    public static let lawVersionFuture = DiagnosticCode(rawValue: "law.version-future")
    public static let lawMoveCycle = DiagnosticCode(rawValue: "law.move-cycle")
    public static let lawMoveUnknown = DiagnosticCode(rawValue: "law.move-unknown")

    /// Every code the tool can report.
    // Search words
    public static let synonymUnknownWord = DiagnosticCode(rawValue: "synonym.unknown-word")
    public static let synonymDuplicate = DiagnosticCode(rawValue: "synonym.duplicate")

    public static let all: [DiagnosticCode] = [
        .fileUnreadable,
        .fileTooLarge,
        .fileEmpty,
        .fileEncoding,
        .fileOutsideBook,
        .xmlMalformed,
        .xmlDoctype,
        .xmlTooComplex,
        .synonymUnknownWord,
        .synonymDuplicate,
        .xmlTooDeep,
        .xmlUnknownRoot,
        .schemaInvalid,
        .linkScheme,
        .dateInvalid,
        .recipeIDMismatch,
        .recipeDuplicateID,
        .catalogDuplicate,
        .bookManifestMissing,
        .bookUnlisted,
        .bookDuplicateEntry,
        .referenceRecipe,
        .referenceStep,
        .referenceLaw,
        .referenceLawSection,
        .referenceLawParagraph,
        .referenceThemenfeld,
        .referenceLebenslage,
        .referenceOZGLeistung,
        .referenceLeiKa,
        .referenceTerm,
        .referenceImage,
        .imageOutsideBook,
        .imageUnsafe,
        .recipeOrphan,
        .recipeSelfLink,
        .citationRepealed,
        .citationDraftLaw,
        .linkDraft,
        .reviewMissing,
        .reviewFuture,
        .classificationMismatch,
        .textDoubledWord,
        .textControlCharacter,
        .factsDurationSteps,
        .factsDurationNegative,
        .factsDurationOrder,
        .citationRemoved,
        .citationMoved,
        .citationChangedSinceReview,
        .citationPinnedVersion,
        .citationOutdated,
        .basisApplicabilityMissing,
        .basisApplicabilityExceeds,
        .basisFederalOnly,
        .lawVersionOrder,
        .lawVersionFuture,
        .lawMoveCycle,
        .lawMoveUnknown,
    ]
}
