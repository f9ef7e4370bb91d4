import Foundation
import Glibc

/// Standard output and error, written without buffering surprises.
enum Console {
    /// Writes text to standard output.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// Writes `penny: message` and a newline to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("penny: " + message + "\n").utf8))
    }
}

extension Locale {
    /// Selects the environment's locale, falling back to C.UTF-8 when it is not UTF-8,
    /// so that ncurses counts wide characters right under `env -i` and in CI.
    static func setUTF8() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
