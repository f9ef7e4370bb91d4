import HTTPModel
import Testing

@Suite("TransportError")
struct TransportErrorTests {
    @Test func messagesNameTheServerOrURL() {
        #expect(TransportError.timedOut(url: "http://127.0.0.1:8080/x", after: 10).description
            == "127.0.0.1:8080 did not answer within 10 s")
        #expect(TransportError.timedOut(url: "https://a.example/", after: 1.5, receivedResponse: true).message
            == "a.example did not finish sending the page within 1.5 s")
        #expect(TransportError.tooLarge(url: "http://a/big", limit: 64 << 20).description
            == "response larger than 64 MiB refused (http://a/big)")
        #expect(TransportError.couldNotResolveHost(url: "http://user:secret@nowhere.example:81/").message
            == "could not find the server nowhere.example")
        #expect(TransportError.couldNotConnect(url: "http://[::1]:9/", detail: "refused").description
            == "could not connect to [::1]:9 (refused)")
    }

    @Test func credentialsNeverAppear() {
        let error = TransportError.couldNotConnect(url: "http://user:secret@host:1/")
        #expect(error.message == "could not connect to host:1")
    }

    @Test func kindIsWhatCodeSwitchesOn() {
        let error = TransportError.tooManyRedirects(url: "http://a/", limit: 10)
        #expect(error.kind == .tooManyRedirects)
        #expect(error.url == "http://a/")
        #expect(error.detail == nil)
    }
}
