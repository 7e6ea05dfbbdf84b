/// The book's style sheet: plain, readable, and overridable by the reader's settings.
enum EPUBStyle {
    static let css = """
    body { font-family: serif; line-height: 1.5; margin: 0 5%; }
    h1, h2, h3 { font-family: sans-serif; line-height: 1.25; page-break-after: avoid; break-after: avoid; }
    h1 { font-size: 1.6em; margin: 1em 0 0.5em; }
    h2 { font-size: 1.25em; margin: 1.5em 0 0.4em; border-bottom: 1px solid #888; }
    h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
    .summary { font-size: 1.1em; font-style: italic; }
    dl.facts dt { font-weight: bold; float: left; clear: left; width: 11em; }
    dl.facts dd { margin: 0 0 0.3em 11.5em; }
    ol.steps { list-style: none; padding-left: 0; }
    ol.steps > li { margin-bottom: 1em; }
    .meta, .colophon, .cited-by { font-size: 0.9em; color: #444; }
    aside.note { border-left: 4px solid #0b3a5b; padding: 0.2em 0.8em; margin: 1em 0; background: #eef3f8; }
    aside.note-warning { border-left-color: #a4320b; background: #fbeee8; }
    .note-label { font-weight: bold; margin: 0.3em 0; }
    table { border-collapse: collapse; margin: 1em 0; width: 100%; }
    caption { font-weight: bold; text-align: left; margin-bottom: 0.3em; }
    th, td { border: 1px solid #888; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
    figure { margin: 1em 0; text-align: center; }
    figure img { max-width: 100%; }
    figcaption { font-size: 0.9em; }
    code { font-family: monospace; }
    .not-included { font-size: 0.9em; color: #444; }
    .para-number { font-weight: bold; }
    ul.law-items { list-style: none; padding-left: 1.5em; }
    .item-label { font-weight: bold; }
    .cover { text-align: center; margin: 0; padding: 0; }
    .cover img { max-width: 100%; max-height: 100%; }
    .titlepage { text-align: center; margin-top: 3em; }
    .subtitle { font-size: 1.2em; }
    .part { margin-top: 3em; }
    .part h1 { font-size: 2em; }
    .part-count { font-style: italic; }
    ol.part-recipes li { margin-bottom: 0.4em; }

    """
}
