import Foundation

/// The few things the preview adds to the site: the reload script and the error page.
enum PreviewPages {
    /// Asks the server to answer when the build is no longer the page's (named in the script
    /// element, so that a build finished while the page loaded is not missed); reloads then.
    /// Only the preview serves it.
    static let reloadScript = """
    (function () {
      "use strict";
      var script = document.currentScript;
      var known = script && script.dataset.generation !== undefined ? Number(script.dataset.generation) : null;
      function check() {
        var url = known === null ? "/__kochbuch/status" : "/__kochbuch/wait/" + known;
        fetch(url, { cache: "no-store" }).then(function (response) { return response.json(); })
          .then(function (status) {
            if (known === null) { known = status.generation; }
            else if (status.generation !== known) { window.location.reload(); return; }
            setTimeout(check, 20);
          }).catch(function () { setTimeout(check, 2000); });
      }
      check();
    })();

    """

    static func injectReload(into data: Data, generation: Int? = nil) -> Data {
        let html = String(decoding: data, as: UTF8.self)
        let tag = "<script src=\"/__kochbuch/reload.js\"\(generation.map { " data-generation=\"\($0)\"" } ?? "")></script>\n</body>"
        guard let range = html.range(of: "</body>", options: .backwards) else { return data }
        return Data(html.replacingCharacters(in: range, with: tag).utf8)
    }

    static func errorPage(_ diagnostics: String) -> String {
        let escaped = diagnostics.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return """
        <!DOCTYPE html>
        <html lang="de">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Fehler im Kochbuch – Vorschau</title>
        <style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5;color:#1a1d21;background:#fff}
        h1{color:#9b1c1c}pre{background:#fbe9e9;color:#1a1d21;padding:1rem;overflow:auto;white-space:pre-wrap}</style>
        </head>
        <body>
        <main>
        <h1>Das Kochbuch hat Fehler</h1>
        <p>Die Vorschau zeigt die Seiten wieder, sobald die Fehler behoben sind. Sie lädt sich dann von selbst neu.</p>
        <pre>\(escaped)</pre>
        </main>
        <script src="/__kochbuch/reload.js"></script>
        </body>
        </html>
        """
    }

    static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "xml": "application/xml"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }
}
