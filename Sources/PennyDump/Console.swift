import Glibc

/// Standard output and error, written without buffering surprises.
public enum Console {
    /// Writes text to standard output.
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = FileDescriptor.writeAll(STDOUT_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// Writes `penny: message` and a newline to standard error.
    public static func error(_ message: String) {
        var line = "penny: " + message + "\n"
        line.withUTF8 { _ = FileDescriptor.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }
}

/// The process locale.
public enum ProcessLocale {
    /// Selects the environment's locale, falling back to C.UTF-8 when it is not UTF-8,
    /// so that ncurses counts wide characters right under `env -i` and in CI.
    public static func setUTF8() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        if codeset != "UTF-8" && codeset != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
