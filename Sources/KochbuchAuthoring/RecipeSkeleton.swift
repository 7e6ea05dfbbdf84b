import KochbuchModel

/// A new recipe to start from: valid as a draft, with a commented outline of every section.
public enum RecipeSkeleton {
    /// The skeleton's XML.
    /// - Parameters:
    ///   - themenfelder/lebenslagen: catalog ids for the classification.
    ///   - laws: citations for the legal basis.
    ///   - schemaPath: the schema's path relative to the new file (`schema/recipe.xsd`, or `../schema/…` in sub-folders).
    public static func xml(id: String, title: String, themenfelder: [String], lebenslagen: [String],
                           laws: [LawReference], schemaPath: String, today: CalendarDate) -> String {
        let classification = (themenfelder.isEmpty ? ["querschnitt"] : themenfelder).map { "    <themenfeld ref=\"\(escape($0))\"/>" }
            + lebenslagen.map { "    <lebenslage ref=\"\(escape($0))\"/>" }
        let basis = laws.map { reference in
            var attributes = "law=\"\(escape(reference.law))\""
            if let section = reference.section { attributes += " section=\"\(escape(section))\"" }
            if let paragraph = reference.paragraph { attributes += " paragraph=\"\(escape(paragraph))\"" }
            return "    <basis \(attributes)>Was die Vorschrift für das Vorhaben bedeutet.</basis>"
        }
        let legalBasis = basis.isEmpty
            ? "  <!-- Rechtsgrundlagen: <legal-basis><basis law=\"egovg\" section=\"6\">…</basis></legal-basis>\n       Gesetze: egovg, ozg, bitv-2.0, de-mail-g. Veröffentlichte Rezepte brauchen mindestens eine. -->"
            : "  <legal-basis>\n\(basis.joined(separator: "\n"))\n  </legal-basis>"
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Ein neues Rezept. Anleitung: docs/authoring.md, alle Elemente: docs/reference.md.
             Prüfen mit: kochbuch validate; formatieren mit: kochbuch fmt; Vorschau mit: kochbuch serve.
             Status: draft (Entwurf) → review (in Prüfung) → published (veröffentlicht, mit reviewed-Datum). -->
        <recipe xmlns="urn:kochbuch:1.0"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="urn:kochbuch:1.0 \(escape(schemaPath))"
                id="\(escape(id))"
                xml:lang="de"
                status="draft">
          <title>\(escape(title))</title>

          <!-- Anreißer: ein Absatz – worum es geht und was am Ende erreicht ist. -->
          <summary>Worum es geht und was am Ende erreicht ist.</summary>

          <authors>
            <author>Redaktion</author>
          </authors>

          <!-- Eckdaten: difficulty easy|medium|hard; Dauer als ISO 8601 (P3M = drei Monate, Wochen als Tage: P42D);
               cost low|medium|high mit Kostentreibern; scope gemeinde stadt landkreis; audience buerger unternehmen intern;
               maturity: OZG-Reifegrad 0–4, den die Leistung mit dem Rezept erreicht. -->
          <facts>
            <difficulty>medium</difficulty>
            <duration min="P3M" max="P6M"/>
            <cost level="medium">Die Kostentreiber benennen.</cost>
            <scope>gemeinde stadt landkreis</scope>
            <audience>buerger</audience>
            <maturity>0</maturity>
          </facts>

          <!-- Einordnung: Themenfeld und Lebenslage aus Recipes/catalogs/topics.xml,
               OZG-Leistungen (<ozg-leistung ref="10519"/>) aus catalogs/ozg-leistungen.xml, LeiKa-Schlüssel (<leika ref="…"/>). -->
          <classification>
        \(classification.joined(separator: "\n"))
          </classification>

        \(legalBasis)

          <!-- Zutaten: kind technical|organisational|legal|human. -->
          <ingredients>
            <ingredient kind="organisational">Eine Projektleitung mit Zeit und Auftrag.</ingredient>
          </ingredients>

          <!-- Zubereitung: mindestens fünf Schritte für ein veröffentlichtes Rezept. Jeder Schritt hat eine id
               (Ziel von <xref recipe="…" step="…"/>), einen Titel und Text; role und duration sind freiwillig. -->
          <steps>
            <step id="ausgangslage-klaeren" role="Projektleitung" duration="P14D">
              <title>Die Ausgangslage klären</title>
              <p>Beschreiben, was in diesem Schritt zu tun ist, mit wem und woran man merkt, dass er erledigt ist.</p>
            </step>
          </steps>

          <!-- Weitere Abschnitte, in dieser Reihenfolge:
               <tips><tip><p>…</p></tip></tips>
               <pitfalls><pitfall><p>…</p></pitfall></pitfalls>   (veröffentlichte Rezepte brauchen einen Stolperstein)
               <examples><example municipality="…" year="2016"><p>…</p></example></examples>
               <related><relation recipe="e-akte" kind="requires|builds-on|alternative-to|see-also"/></related>
               <sources><source href="https://…">…</source></sources>
               Im Text: <em>, <strong>, <code>, <link href="https://…">, <xref recipe="…"/>, <cite law="egovg" section="6"/>,
               <term ref="e-akte">E-Akte</term>, <abbr title="…">…</abbr>; Blöcke: <p>, <ul>/<ol> mit <li>, <note type="warning">,
               <table> mit <caption>, <head>, <row>, <cell>; <figure src="images/….svg" alt="…"> mit <caption>.
               Neue Rezepte in Recipes/book.xml einem Kapitel zuordnen: <recipe ref="\(escape(id))"/>. -->
        </recipe>

        """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
