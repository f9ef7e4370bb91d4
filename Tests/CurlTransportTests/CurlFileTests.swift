import CurlTransport
import Foundation
import HTTPModel
import Testing

@Suite("file: URLs")
struct CurlFileTests {
    /// A fresh directory holding the given files, removed by the caller.
    private func directory(with files: [String: [UInt8]]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("penny-curl-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }

    @Test(arguments: [
        ("page.html", "text/html"), ("old.HTM", "text/html"), ("strict.xhtml", "text/html"),
        ("notes.txt", "text/plain"), ("data.json", "application/json"), ("feed.xml", "application/xml"),
        ("style.css", "text/css"), ("app.js", "text/javascript"), ("photo.JPG", "image/jpeg"),
        ("logo.png", "image/png"), ("blob.bin", "application/octet-stream"), ("README", "application/octet-stream"),
    ])
    func fileIsReadWithATypeFromItsExtension(name: String, contentType: String) throws {
        let bytes = Array("<p>local \(name)</p>".utf8)
        let folder = try directory(with: [name: bytes])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "file://" + folder.appendingPathComponent(name).path

        let response = try quickTransport().perform(HTTPRequest(url: url))
        #expect(response.status == 200)
        #expect(response.body == bytes)
        #expect(response.headers["Content-Type"] == contentType)
        #expect(response.finalURL == url)
        #expect(response.httpVersion == "")
    }

    @Test func missingFileIsFileNotFound() throws {
        let folder = try directory(with: [:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "file://" + folder.appendingPathComponent("nothing-here.html").path

        let error = transportError { try quickTransport().perform(HTTPRequest(url: url)) }
        #expect(error?.kind == .fileNotFound)
        #expect(error?.message.contains("nothing-here.html") == true)
    }

    @Test func largeFileIsRefusedToo() throws {
        let folder = try directory(with: ["big.txt": [UInt8](repeating: 0x61, count: 300_000)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "file://" + folder.appendingPathComponent("big.txt").path

        let error = transportError { try quickTransport(maximumBodyBytes: 100_000).perform(HTTPRequest(url: url)) }
        #expect(error?.kind == .tooLarge)
    }

    @Test func percentEncodedNamesAndTheLocalhostFormReadTheSameFile() throws {
        let bytes = Array("<p>café</p>".utf8)
        let folder = try directory(with: ["my café.html": bytes])
        defer { try? FileManager.default.removeItem(at: folder) }
        let encoded = folder.path + "/my%20caf%C3%A9.html"
        for url in ["file://" + encoded, "file://localhost" + encoded, "FILE://" + encoded + "?query#fragment"] {
            let response = try quickTransport().perform(HTTPRequest(url: url))
            #expect(response.body == bytes, "\(url)")
            #expect(response.headers["Content-Type"] == "text/html")
        }
    }

    @Test func aFolderIsNotAFile() throws {
        let folder = try directory(with: [:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = transportError { try quickTransport().perform(HTTPRequest(url: "file://" + folder.path)) }
        #expect(error?.kind == .fileNotFound)
    }

    @Test func aFileOnAnotherHostIsLeftToLibcurlWhichRefusesIt() throws {
        let error = transportError { try quickTransport().perform(HTTPRequest(url: "file://example.com/etc/hostname")) }
        #expect(error != nil)
    }
}
