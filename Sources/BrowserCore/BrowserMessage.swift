import HTTPModel
import PageLayout
import ScreenGrid

/// Everything that can happen to the browser: input from the user and answers to effects.
public enum BrowserMessage: Sendable {
    /// Open this URL (or the start page when nil) as the first page.
    case start(url: String?)
    case input(InputEvent)
    /// Bytes of a load arrived.
    case progress(id: Int, received: Int, expected: Int?)
    /// A load finished and its content was laid out at `width`.
    case loaded(id: Int, response: HTTPResponse, content: PageContent, width: Int)
    case loadFailed(id: Int, error: TransportError)
    /// The current entry laid out again at a new width.
    case relaidOut(url: String, content: PageContent, width: Int)
    /// A bookmark was written (or could not be).
    case bookmarkSaved(error: String?)
}

/// What the browser asks the runtime to do; the runtime answers with messages.
public enum BrowserEffect: Equatable, Sendable {
    /// Fetch and lay out at `width`; answer `.progress`, then `.loaded` or `.loadFailed`.
    case fetch(id: Int, request: HTTPRequest, width: Int)
    /// Abandon a fetch; no answer.
    case cancel(id: Int)
    /// Lay a response out again; answer `.relaidOut`.
    case relayout(url: String, response: HTTPResponse, width: Int)
    case addBookmark(url: String, title: String)
    case quit
}
