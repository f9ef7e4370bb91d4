import BigInt
import FoundationEssentials
import PaymentOffers
import ScreenGrid
import TerminalText
import Themes
import WebAddress

/// The standardized payment prompt, drawn by Penny over the dimmed 402 page: never from
/// page content, so a page cannot imitate or hide any part of it.
enum PaymentPromptView {
    static func draw(_ grid: inout Grid, _ state: BrowserState, _ session: PaymentSession, _ theme: Theme, _ area: Rect) {
        grid.restyle(area) { $0.merged(with: theme.promptDim) }
        let lines = content(state, session)
        let width = min(max(lines.map { DisplayWidth.of($0.text) }.max() ?? 40, 52) + 4, area.width)
        let height = min(lines.count + 2, area.height)
        let box = area.centered(width: width, height: height)
        grid.fill(box, style: theme.promptText)
        BrowserView.drawFrame(&grid, box, style: theme.promptFrame)
        grid.put(" Payment required ", x: box.x + 2, y: box.y, style: theme.promptTitle, clip: box)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        for (row, line) in lines.prefix(inner.height).enumerated() {
            let style: Style
            switch line.role {
            case .text: style = theme.promptText
            case .price: style = theme.promptPrice
            case .payee: style = theme.promptPayee
            case .warning: style = theme.promptWarning
            case .buttons: style = theme.promptButton
            }
            grid.put(line.text, x: inner.x, y: inner.y + row, style: style, clip: inner)
        }
    }

    struct Line {
        enum Role { case text, price, payee, warning, buttons }
        var text: String
        var role: Role
    }

    /// The prompt's lines: who asks, what for, the price, payee, protocol, expiry, balance, choices.
    static func content(_ state: BrowserState, _ session: PaymentSession) -> [Line] {
        var lines: [Line] = []
        let origin = session.origin
        let asker = origin?.description ?? "this page"
        lines.append(Line(text: "\(asker) asks for a payment", role: .text))
        if let origin, origin.scheme == "http", !origin.isLoopback {
            lines.append(Line(text: "⚠ Plain http: anyone on the network can see and change this offer.", role: .warning))
        }
        guard let offer = session.offer else {
            lines.append(Line(text: "No offer to show.", role: .warning))
            return lines
        }
        let about = [offer.description, offer.resource ?? session.resource].compactMap { $0 }.filter { !$0.isEmpty }
        lines.append(Line(text: "For:      " + String(about.joined(separator: " — ").prefix(120)), role: .text))
        let network = offer.network.map { id in Networks.displayName(of: id).map { "\($0), \(id)" } ?? id } ?? "network not stated"
        let price = offer.formattedAmount ?? (offer.amount.map { "\($0) base units (decimals unknown)" } ?? "price not stated")
        lines.append(Line(text: "Price:    \(price)  (\(network))", role: .price))
        if offer.decimals == nil && offer.amount != nil {
            lines.append(Line(text: "⚠ Penny does not know this asset's decimals, so it cannot say what this costs.", role: .warning))
        }
        lines.append(Line(text: "Payee:    " + (offer.payee ?? "not stated"), role: .payee))
        lines.append(Line(text: "Protocol: " + protocolName(offer), role: .text))
        if let expires = offer.expires {
            let left = Int(expires.timeIntervalSince(state.now))
            lines.append(Line(text: left > 0 ? "Expires:  in \(duration(left))" : "Expires:  expired", role: left > 0 ? .text : .warning))
        } else if let timeout = offer.maxTimeoutSeconds {
            lines.append(Line(text: "Valid:    \(duration(timeout)) once signed", role: .text))
        }
        if let assessment = session.assessment, let balance = assessment.balance, let decimals = offer.decimals {
            var text = "Balance:  " + AmountFormatter.format(balance, decimals: decimals, unit: offer.unitName)
            if let amount = offer.amount {
                text += balance >= amount
                    ? " → " + AmountFormatter.format(balance - amount, decimals: decimals, unit: offer.unitName) + " after"
                    : " (not enough)"
            }
            lines.append(Line(text: text, role: .text))
        }
        if let reason = Browser.refusal(session, offer, now: state.now) {
            lines.append(Line(text: "⚠ " + reason, role: .warning))
        }
        if let server = session.serverReason {
            lines.append(Line(text: "⚠ The server refused the last attempt: " + server, role: .warning))
        }
        if session.phase == .details {
            lines.append(Line(text: "", role: .text))
            lines += details(offer).map { Line(text: $0, role: .text) }
        }
        lines.append(Line(text: "", role: .text))
        switch session.phase {
        case .allowance(let editor):
            lines.append(Line(text: "Allow \(asker) up to this much a day (\(offer.unitName)), Enter to pay:", role: .text))
            lines.append(Line(text: "> " + editor.string, role: .price))
        case .assessing, .preparing, .sending:
            lines.append(Line(text: "Working…", role: .text))
        case .choosing, .details:
            var buttons = "[y] Pay  [n] Decline  [a] Pay and allow site"
            if session.order.count > 1 { buttons += "  [o] Other offers (\(session.selected + 1)/\(session.order.count))" }
            buttons += "  [i] Details"
            lines.append(Line(text: buttons, role: .buttons))
        }
        return lines.map { Line(text: TerminalSafe.sanitize($0.text), role: $0.role) }
    }

    static func protocolName(_ offer: PaymentOffer) -> String {
        let name: String
        switch offer.paymentProtocol {
        case .x402v2: name = "x402 v2"
        case .x402v1: name = "x402 v1"
        case .paymentScheme: name = "HTTP Payment scheme"
        case .l402: name = "L402 (Lightning)"
        case .cashu: name = "Cashu"
        case .cloudflareCrawl: name = "Cloudflare pay-per-crawl"
        case .informal: name = "informal"
        }
        return [name, offer.method, offer.scheme].filter { !$0.isEmpty }.joined(separator: " · ")
    }

    static func details(_ offer: PaymentOffer) -> [String] {
        var lines = ["Offer details:"]
        lines.append("  network " + (offer.network ?? "?") + ", asset " + (offer.asset ?? "?"))
        lines.append("  amount " + (offer.amount.map { "\($0)" } ?? "?") + " base units, decimals " + (offer.decimals.map(String.init) ?? "unknown"))
        if let domain = offer.tokenDomain {
            lines.append("  signs as \"\(domain.name)\" version \(domain.version)")
        }
        for note in offer.notes { lines.append("  " + note) }
        return lines
    }

    static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return "\(seconds / 60) min \(seconds % 60) s" }
        return "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }
}
