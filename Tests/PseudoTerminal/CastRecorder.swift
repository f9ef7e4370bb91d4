import JSONWriting
import Foundation

/// Writes a session as an asciicast v2 file: a JSON header line, then one JSON array per
/// chunk of output ("o"), input ("i") or resize ("r"), timed from the start.
final class CastRecorder {
    enum Stream: String {
        case output = "o"
        case input = "i"
    }

    let url: URL
    private let handle: FileHandle
    private let start = ContinuousClock.now
    /// The start of a UTF-8 character split across chunks, held until the rest arrives.
    private var carried: [Stream: [UInt8]] = [:]

    /// The folder casts go to: `PENNY_CAST_DIR`, else `.build/casts` in the package.
    static var folder: URL {
        if let custom = ProcessInfo.processInfo.environment["PENNY_CAST_DIR"], !custom.isEmpty {
            return URL(fileURLWithPath: custom, isDirectory: true)
        }
        // Tests/PseudoTerminal/CastRecorder.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/casts", isDirectory: true)
    }

    init(name: String, width: Int, height: Int, environment: [String: String]) throws {
        let folder = Self.folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        url = folder.appendingPathComponent("\(name).cast")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw PseudoTerminalError.cannotStart("cannot write the cast \(url.path)")
        }
        handle = try FileHandle(forWritingTo: url)
        let env = ["TERM", "SHELL"].map { key in
            "\(JSONWriter.string(key, escapingTerminalControls: true)): \(JSONWriter.string(environment[key] ?? "/bin/sh", escapingTerminalControls: true))"
        }
        let timestamp = Int(Date().timeIntervalSince1970)
        writeLine("{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp), "
            + "\"title\": \(JSONWriter.string(name, escapingTerminalControls: true)), \"env\": {\(env.joined(separator: ", "))}}")
    }

    /// Records bytes that went one way; raw bytes that are not UTF-8 become U+FFFD, so every
    /// line stays valid JSON.
    func record(_ stream: Stream, _ bytes: some Collection<UInt8>) {
        var pending = (carried[stream] ?? []) + bytes
        let incomplete = Escaping.incompleteSuffixLength(pending)
        carried[stream] = Array(pending.suffix(incomplete))
        pending.removeLast(incomplete)
        guard !pending.isEmpty else { return }
        event(stream.rawValue, String(decoding: pending, as: UTF8.self))
    }

    func recordResize(width: Int, height: Int) {
        event("r", "\(width)x\(height)")
    }

    /// Writes what is still held back and closes the file.
    func close() {
        for (stream, bytes) in carried where !bytes.isEmpty {
            event(stream.rawValue, String(decoding: bytes, as: UTF8.self))
        }
        carried.removeAll()
        try? handle.close()
    }

    private func event(_ code: String, _ data: String) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        writeLine("[\(String(format: "%.6f", seconds)), \"\(code)\", \(JSONWriter.string(data, escapingTerminalControls: true))]")
    }

    private func writeLine(_ line: String) {
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }
}
