import BrowserConfig
import FoundationEssentials
import Glibc
import BrowserCore
import CurlTransport
import HTTPModel
import PageLayout
import PageLoading
import PaymentOffers
import ScreenGrid
import TerminalText
import TerminalUI
import Themes
import PennyDump

/// The interactive browser: one loop that sleeps on the terminal and libcurl's sockets
/// together, feeds what happens to `Browser.reduce`, runs the effects it returns and paints
/// the difference on screen. All behaviour lives in the reducer; this only does I/O.
final class BrowserRuntime {
    private let terminal: NcursesTerminal
    private let fetcher: CurlMultiFetcher
    private let loader = PageLoader()
    private let payments: PaymentRuntime
    private let paths: PennyPaths?
    private let themeLoader: ThemeLoader
    private let colorSupport: Themes.ColorSupport
    private var state: BrowserState
    private var theme: Theme
    private var themeName: String
    /// Shown on the status line once the first page is on screen (the demo's play money).
    private var notice: String?

    init(terminal: NcursesTerminal, settings: Settings, notice: String? = nil) {
        self.terminal = terminal
        paths = settings.paths
        payments = PaymentRuntime(paths: settings.paths, limits: settings.config.payments)
        fetcher = CurlMultiFetcher(configuration: .init(connectTimeout: settings.config.timeouts.connect,
                                                        timeout: settings.config.timeouts.page,
                                                        cookieJar: settings.paths?.cookieJar))
        themeLoader = ThemeLoader(userThemesFolder: settings.paths?.themesFolder)
        switch terminal.colorSupport {
        case .none: colorSupport = .none
        case .colors8: colorSupport = .colors8
        case .colors256: colorSupport = .colors256
        }
        let size = terminal.size
        var keys = KeyBindings.defaults
        for (name, action) in settings.config.keys { keys[name] = action }
        state = BrowserState(width: size.width, height: size.height, keyMap: KeyMap(names: keys),
                             themeNames: themeLoader.availableThemeNames(), themeName: settings.themeName,
                             bookmarksURL: "about:bookmarks")
        let loaded = themeLoader.loadTheme(named: settings.themeName)
        theme = loaded.theme.adapted(to: colorSupport)
        themeName = settings.themeName
        // Shown once the first page is on screen (a status set now would be replaced by the load).
        if let warning = settings.warnings.first ?? loaded.warnings.first.map(\.description) {
            self.notice = TerminalSafe.sanitize(warning) + (notice.map { " · " + $0 } ?? "")
        } else {
            self.notice = notice
        }
    }

    /// Runs until the user quits.
    func run(startURL: String?) {
        dispatch(.start(url: startURL))
        while !state.quitting {
            if state.themeName != themeName {
                themeName = state.themeName
                let loaded = themeLoader.loadTheme(named: themeName)
                theme = loaded.theme.adapted(to: colorSupport)
                if let warning = loaded.warnings.first {
                    state.status = .error(TerminalSafe.sanitize(warning.description))
                }
            }
            dispatch(.tick(now: Date()))
            if let text = notice, state.loading == nil, state.current != nil, state.payment == nil {
                state.status = .info(text)
                notice = nil
            }
            terminal.paint(BrowserView.render(state, theme: theme))
            // Wake at least every second, and often while loading, to show progress.
            _ = fetcher.wait(alsoOn: terminal.inputFileDescriptor, milliseconds: fetcher.isBusy ? 100 : 1000)
            for event in terminal.readEvents() {
                dispatch(.input(event))
            }
            for event in fetcher.advance() {
                switch event {
                case .progress(let id, let received, let expected):
                    dispatch(.progress(id: id, received: received, expected: expected))
                case .finished(let id, .success(let response)):
                    let width = state.width
                    dispatch(.loaded(id: id, response: response, content: layout(response, width: width), width: width))
                case .finished(let id, .failure(let error)):
                    dispatch(.loadFailed(id: id, error: error))
                }
            }
        }
        terminal.stop()
    }

    private func dispatch(_ message: BrowserMessage) {
        for effect in Browser.reduce(&state, message) {
            perform(effect)
        }
    }

    private func perform(_ effect: BrowserEffect) {
        switch effect {
        case .fetch(let id, let request, let width):
            if request.url.hasPrefix("about:") {
                let response = aboutPage(request.url)
                dispatch(.loaded(id: id, response: response, content: layout(response, width: width), width: width))
            } else {
                var request = request
                request.headers.set(AcceptPayment.headerName, AcceptPayment.headerValue)
                fetcher.start(id: id, request: request)
            }
        case .cancel(let id):
            fetcher.cancel(id: id)
        case .relayout(let url, let response, let width):
            dispatch(.relaidOut(url: url, content: layout(response, width: width), width: width))
        case .addBookmark(let url, let title):
            dispatch(.bookmarkSaved(error: addBookmark(url: url, title: title)))
        case .assessPayment(let session, let origin, let resource, let offers):
            payments.assess(session: session, origin: origin, resource: resource, offers: offers, dispatch: dispatch)
        case .preparePayment(let order):
            payments.prepare(order, dispatch: dispatch)
        case .settlePayment(let reservation, let settlement):
            payments.settle(reservation: reservation, settlement, dispatch: dispatch)
        case .quit:
            break
        }
    }

    private func layout(_ response: HTTPResponse, width: Int) -> PageContent {
        loader.content(of: response, options: LayoutOptions(width: width))
    }

    /// Penny's own pages: the start page and the bookmarks.
    private func aboutPage(_ url: String) -> HTTPResponse {
        let html: String
        switch url {
        case "about:start", "about:blank":
            html = StartPage.html(bookmarks: bookmarks(), keyMap: state.keyMap, wallet: payments.summary())
        case "about:bookmarks":
            html = "<title>Bookmarks</title>" + bookmarks().fileText
        default:
            html = "<title>Not found</title><p>Penny has no page called \(BookmarkList.escape(url)).</p>"
        }
        return HTTPResponse(requestedURL: url, finalURL: url, status: 200, reason: "OK", httpVersion: "",
                            headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(html.utf8))
    }

    private func bookmarks() -> BookmarkList {
        guard let file = paths?.bookmarksFile, let bytes = LocalFiles.read(file) else { return BookmarkList() }
        return BookmarkList(parsing: String(decoding: bytes, as: UTF8.self))
    }

    /// Adds a bookmark to the file; the error's text, or nil when saved.
    private func addBookmark(url: String, title: String) -> String? {
        guard let paths else { return "no data folder (set HOME or PENNY_HOME)" }
        var list = bookmarks()
        list.add(.init(title: title, url: url, added: Int(time(nil))))
        LocalFiles.makeFolder(paths.dataFolder)
        return LocalFiles.write(Array(list.fileText.utf8), to: paths.bookmarksFile) ? nil : "could not write \(paths.bookmarksFile)"
    }
}

/// Settings read before the browser starts: where files live, the config and the theme.
struct Settings {
    var paths: PennyPaths?
    var config: Config
    var themeName: String
    /// Problems with the config file, for the status line.
    var warnings: [String]

    static func load(themeOverride: String?) -> Settings {
        let paths = PennyPaths(environment: ProcessEnvironment.current)
        var config = Config()
        var warnings: [String] = []
        if let paths {
            let loaded = ConfigLoader.load(path: paths.configFile)
            config = loaded.config
            warnings = loaded.warnings.map(\.description)
            LocalFiles.makeFolder(paths.dataFolder)
        }
        return Settings(paths: paths, config: config, themeName: themeOverride ?? config.theme, warnings: warnings)
    }
}
