/// HTML text for the site's pages.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Escaped text in which `backticked` spans become `<code>`.
    static func inline(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        // An unmatched backtick is just a character.
        guard parts.count % 2 == 1 else { return escape(text) }
        var result = ""
        for (index, part) in parts.enumerated() {
            result += index % 2 == 1 ? "<code>" + escape(String(part)) + "</code>" : escape(String(part))
        }
        return result
    }

    /// A whole page: the site's header and footer around `main`.
    static func page(title: String, main: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title)) · The Penny Post</title>
        </head>
        <body>
        <header>
        <p><strong><a href="/">The Penny Post</a></strong> · a small magazine about paying for the web · <a href="/about">About</a> · <a href="/earnings">Earnings</a></p>
        </header>
        <main>
        \(main)
        </main>
        <footer>
        <p>A demonstration site served by Penny on 127.0.0.1. Prices are in demo USDC on a local development chain (eip155:31337): no real money moves.</p>
        </footer>
        </body>
        </html>

        """
    }

    static func block(_ block: ArticleBlock) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>" + inline(text) + "</p>"
        case .heading(let text):
            return "<h2>" + inline(text) + "</h2>"
        case .bullets(let items):
            return "<ul>\n" + items.map { "<li>" + inline($0) + "</li>" }.joined(separator: "\n") + "\n</ul>"
        case .numbered(let items):
            return "<ol>\n" + items.map { "<li>" + inline($0) + "</li>" }.joined(separator: "\n") + "\n</ol>"
        case .table(let caption, let header, let rows):
            var html = "<table>\n<caption>" + inline(caption) + "</caption>\n<thead><tr>"
            html += header.map { "<th>" + inline($0) + "</th>" }.joined()
            html += "</tr></thead>\n<tbody>\n"
            for row in rows {
                html += "<tr>" + row.map { "<td>" + inline($0) + "</td>" }.joined() + "</tr>\n"
            }
            return html + "</tbody>\n</table>"
        case .quote(let text, let source):
            var html = "<blockquote>\n<p>" + inline(text) + "</p>"
            if let source { html += "\n<footer>— " + inline(source) + "</footer>" }
            return html + "\n</blockquote>"
        }
    }
}
