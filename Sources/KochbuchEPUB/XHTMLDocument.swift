import KochbuchHTML

/// An XHTML content document of the book.
enum XHTMLDocument {
    static func page(title: String, root: String, body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="de" xml:lang="de">
        <head>
        <meta charset="UTF-8" />
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" type="text/css" href="\(root)\(EPUBPaths.style)" />
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
