import FoundationEssentials

/// The two time formats 402 responses use, read without locale-dependent formatters.
enum Timestamps {
    /// An RFC 3339 `date-time` such as "2026-11-21T23:25:04Z" or "2026-11-21T23:25:04.5+01:00".
    static func rfc3339(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20, b.count <= 40 else { return nil }
        guard let year = number(b, 0, 4), b[4] == UInt8(ascii: "-"), let month = number(b, 5, 2),
              b[7] == UInt8(ascii: "-"), let day = number(b, 8, 2),
              [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]),
              let hour = number(b, 11, 2), b[13] == UInt8(ascii: ":"), let minute = number(b, 14, 2),
              b[16] == UInt8(ascii: ":"), let second = number(b, 17, 2) else { return nil }
        var index = 19
        var fraction = 0.0
        if b[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, (0x30...0x39).contains(b[index]) {
                fraction += Double(b[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start, index < b.count else { return nil }
        }
        var offset = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == b.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == b.count, let hours = number(b, index + 1, 2), b[index + 3] == UInt8(ascii: ":"),
                  let minutes = number(b, index + 4, 2), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 60 + minutes) * 60 * (b[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return nil
        }
        guard let seconds = epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute,
                                         second: second) else { return nil }
        return Date(timeIntervalSince1970: Double(seconds - offset) + fraction)
    }

    /// An HTTP IMF-fixdate such as "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 section 5.6.7).
    static func httpDate(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 29, b[3] == UInt8(ascii: ","), b[4] == UInt8(ascii: " "), b[7] == UInt8(ascii: " "),
              b[11] == UInt8(ascii: " "), b[16] == UInt8(ascii: " "), b[19] == UInt8(ascii: ":"),
              b[22] == UInt8(ascii: ":"), b[25] == UInt8(ascii: " "),
              String(decoding: b[26...], as: UTF8.self) == "GMT",
              let day = number(b, 5, 2), let year = number(b, 12, 4), let hour = number(b, 17, 2),
              let minute = number(b, 20, 2), let second = number(b, 23, 2) else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let monthIndex = months.firstIndex(of: String(decoding: b[8..<11], as: UTF8.self)),
              let seconds = epochSeconds(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute,
                                         second: second) else { return nil }
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Seconds since 1970 for a UTC civil time, or nil when a field is out of range.
    /// A leap second (:60) counts as the last second of its minute.
    private static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int? {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...lengths[month - 1]).contains(day), hour < 24, minute < 60,
              second <= 60 else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146097 + dayOfEra - 719468
        return days * 86400 + hour * 3600 + minute * 60 + min(second, 59)
    }
}
