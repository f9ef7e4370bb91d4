import Foundation

extension PseudoTerminalSession {
    /// The path of an executable built with the tests: SwiftPM puts products next to the test
    /// bundle, which is `CommandLine.arguments[0]` on Linux (inside the bundle on macOS).
    public static func executable(named name: String) throws -> String {
        var folders: [URL] = []
        let launched = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        folders.append(launched.deletingLastPathComponent())
        let bundle = Bundle.main.bundleURL
        folders.append(bundle)
        folders.append(bundle.deletingLastPathComponent())
        if let executable = Bundle.main.executableURL {
            folders.append(executable.deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        throw PseudoTerminalError.executableNotFound(name: name, searched: folders.map(\.path))
    }
}
