import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the wallet gets the time: when entries are made, and which day the daily caps count.
///
/// Injected so that tests run on a fixed clock and days roll over when a test says so.
public protocol WalletClock: Sendable {
    /// The current time.
    var now: Date { get }
    /// The time zone whose midnight starts a new day for daily caps and allowances.
    var timeZone: TimeZone { get }
    /// The start of the day `date` falls in, and the start of the next, in `timeZone`.
    func day(containing date: Date) -> (start: Date, end: Date)
}

extension WalletClock {
    public func day(containing date: Date) -> (start: Date, end: Date) {
        DayWindow.calendarDay(containing: date, in: timeZone)
    }
}

/// The system's clock, with days in the user's time zone.
public struct SystemClock: WalletClock {
    public init() {}

    public var now: Date { Date() }
    public var timeZone: TimeZone { .current }

    /// Midnights from the C library's local time, the zone `TimeZone.current` names too (`TZ`,
    /// else /etc/localtime): a Foundation time zone and calendar would load ICU's data first,
    /// close to a millisecond in every process that pays. A midnight that a clock change
    /// skips becomes the day's first existing time, as `Calendar.startOfDay` gives.
    public func day(containing date: Date) -> (start: Date, end: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var today = tm()
        guard localtime_r(&seconds, &today) != nil else { return DayWindow.calendarDay(containing: date, in: timeZone) }
        var tomorrow = today
        tomorrow.tm_mday += 1
        tomorrow.tm_hour = 12
        tomorrow.tm_isdst = -1
        // mktime may place a midnight that a clock change skips on the day before: each
        // answer is checked to be the first second of its day, else Foundation decides.
        guard mktime(&tomorrow) != -1, let start = Self.midnight(of: today), let end = Self.midnight(of: tomorrow)
        else { return DayWindow.calendarDay(containing: date, in: timeZone) }
        return (Date(timeIntervalSince1970: Double(start)), Date(timeIntervalSince1970: Double(end)))
    }

    /// The first second of the local day `day` names, when mktime finds it.
    private static func midnight(of day: tm) -> time_t? {
        var fields = day
        fields.tm_hour = 0
        fields.tm_min = 0
        fields.tm_sec = 0
        fields.tm_isdst = -1
        var time = mktime(&fields)
        guard time != -1 else { return nil }
        // A skipped midnight: the day starts when the clock lands (an hour later, or half an hour).
        for _ in 0..<4 where !isOnDay(time, day) { time += 1800 }
        var before = time - 1
        var previous = tm()
        guard isOnDay(time, day), localtime_r(&before, &previous) != nil, !sameDay(previous, day) else { return nil }
        return time
    }

    private static func isOnDay(_ time: time_t, _ day: tm) -> Bool {
        var copy = time
        var local = tm()
        return localtime_r(&copy, &local) != nil && sameDay(local, day)
    }

    private static func sameDay(_ a: tm, _ b: tm) -> Bool {
        a.tm_year == b.tm_year && a.tm_mon == b.tm_mon && a.tm_mday == b.tm_mday
    }
}

/// A clock that shows a set time until told otherwise, for tests. Days are UTC by default.
public final class FixedClock: WalletClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    public let timeZone: TimeZone

    public init(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        current = date
        self.timeZone = timeZone
    }

    /// A clock at `secondsSince1970` (whole seconds keep stored times exact).
    public convenience init(secondsSince1970: Int) {
        self.init(Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
    }

    public var now: Date {
        lock.withLock { current }
    }

    /// Moves the clock to `date`.
    public func set(_ date: Date) {
        lock.withLock { current = date }
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

/// The start and end of the clock's current day.
struct DayWindow {
    var start: Date
    var end: Date

    init(clock: any WalletClock) {
        (start, end) = clock.day(containing: clock.now)
    }

    /// The day of `date` in `zone` by Foundation's calendar. It ends where the next day starts
    /// (a day later than the start in wall-clock time only when neither midnight was skipped).
    static func calendarDay(containing date: Date, in zone: TimeZone) -> (start: Date, end: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.startOfDay(for: date)
        guard let tomorrow = calendar.date(byAdding: .day, value: 1, to: date) else {
            return (start, start.addingTimeInterval(86_400))
        }
        return (start, calendar.startOfDay(for: tomorrow))
    }
}
