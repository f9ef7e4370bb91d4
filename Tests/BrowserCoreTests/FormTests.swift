import BrowserCore
import HTTPModel
import ScreenGrid
import Testing
import TextDecoding

/// Forms through the reducer: editing, toggling, choosing, submitting.
struct FormTests {
    static let form = """
    <form action='/search' method=get>
      <input name=q value='old'> <input type=checkbox name=c value=yes>
      <input type=radio name=r value=1 checked> <input type=radio name=r value=2>
      <select name=s><option value=a>Apple<option value=b>Banana<option value=c>Cherry</select>
      <input type=hidden name=h value=secret> <input type=submit name=go value=Go>
    </form>
    <form action='/post' method=post><textarea name=t></textarea><input type=submit></form>
    """

    func started() -> FakeRuntime {
        var runtime = FakeRuntime(pages: [
            "https://f.test/": FormTests.form,
            "https://f.test/search?*": "<title>Results</title>",
            "https://f.test/post": "<title>Posted</title>",
        ])
        runtime.send(.start(url: "https://f.test/"))
        return runtime
    }

    /// Tabs to the nth focusable item (0-based; the hidden field is not one) and presses Enter.
    func activate(_ runtime: inout FakeRuntime, _ index: Int) {
        if runtime.state.current?.focus == nil { runtime.press(.tab) }
        while let focus = runtime.state.current?.focus, focus != index {
            runtime.press(focus < index ? .tab : .backTab)
        }
        runtime.press(.enter)
    }

    @Test func editingATextFieldAndPressingEnterSubmitsTheFormWithEveryField() {
        var runtime = started()
        activate(&runtime, 0)
        runtime.press(.control("u"))
        runtime.type("penny & co")
        runtime.press(.enter)
        #expect(runtime.requests.last?.url == "https://f.test/search?q=penny+%26+co&r=1&s=a&h=secret&go=Go")
        #expect(runtime.state.current?.title == "Results")
    }

    @Test func checkboxesToggleRadiosAreExclusiveAndSelectsChoose() {
        var runtime = started()
        activate(&runtime, 1)  // checkbox on
        activate(&runtime, 3)  // second radio
        activate(&runtime, 4)  // open the select
        #expect({ if case .choosing = runtime.state.mode { return true } else { return false } }())
        runtime.press(.down, .down, .enter)
        let entry = runtime.state.current!
        #expect(entry.value(of: 1) == .checked(true))
        #expect(entry.value(of: 2) == .checked(false))
        #expect(entry.value(of: 3) == .checked(true))
        #expect(entry.value(of: 4) == .selected([2]))
        activate(&runtime, 5)  // Go
        #expect(runtime.requests.last?.url == "https://f.test/search?q=old&c=yes&r=2&s=c&h=secret&go=Go")
    }

    @Test func aTextareaTakesSeveralLinesAndPostsThemWithCRLF() {
        var runtime = started()
        activate(&runtime, 6)
        runtime.type("one")
        runtime.press(.enter)
        runtime.type("two")
        runtime.press(.control("d"))
        #expect(runtime.state.mode == .browsing)
        #expect(runtime.state.current?.value(of: 7) == .text("one\ntwo"))
        activate(&runtime, 7)
        let request = runtime.requests.last
        #expect(request?.method == .post)
        #expect(request?.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(request.flatMap(\.body).map { String(decoding: $0, as: UTF8.self) } == "t=one%0D%0Atwo")
    }

    @Test func reloadingAPostResultAsksFirst() {
        var runtime = started()
        activate(&runtime, 7)
        let posts = runtime.requests.count
        runtime.press(.character("r"))
        #expect({ if case .confirm = runtime.state.mode { return true } else { return false } }())
        runtime.press(.character("n"))
        #expect(runtime.requests.count == posts)
        runtime.press(.character("r"), .character("y"))
        #expect(runtime.requests.count == posts + 1)
        #expect(runtime.requests.last?.method == .post)
    }

    @Test func quittingWithUnsentEditsAsks() {
        var runtime = started()
        activate(&runtime, 1)
        runtime.press(.character("q"))
        #expect(!runtime.state.quitting)
        runtime.press(.character("n"))
        #expect(!runtime.state.quitting)
        runtime.press(.character("q"), .character("y"))
        #expect(runtime.state.quitting)
    }

    @Test func editsSurviveBackAndForward() {
        var runtime = started()
        activate(&runtime, 1)
        activate(&runtime, 5)
        runtime.press(.character("H"))
        // The form was sent, so its edits are gone: the page shows its initial state again.
        #expect(runtime.state.current?.formValues.isEmpty == true)
    }
}

struct FormCharsetTests {
    @Test func formsSubmitInThePagesEncodingWithReferencesForMissingCharacters() {
        #expect(FormEncodingProbe.encode("café €", label: "windows-1252") == "caf%E9+%80")
        #expect(FormEncodingProbe.encode("日本", label: "Shift_JIS") == "%93%FA%96%7B")
        #expect(FormEncodingProbe.encode("日本", label: "windows-1252") == "%26%2326085%3B%26%2326412%3B", "&#26085;&#26412;")
        #expect(FormEncodingProbe.encode("a b&c", label: "UTF-8") == "a+b%26c")
        #expect(FormEncodingProbe.encode("é", label: "UTF-8") == "%C3%A9")
    }

    @Test func theAcceptCharsetOfTheFormWins() {
        var runtime = FakeRuntime(pages: ["https://c.test/": "<form action=/s accept-charset='windows-1252'><input name=q value='café'><input type=submit></form>",
                                          "https://c.test/s?*": "<p>ok</p>"])
        runtime.send(.start(url: "https://c.test/"))
        runtime.press(.tab, .tab, .enter)
        #expect(runtime.requests.last?.url == "https://c.test/s?q=caf%E9")
    }
}

enum FormEncodingProbe {
    static func encode(_ text: String, label: String) -> String {
        FormEncoding.component(text, TextEncoding(label: label)!)
    }
}
