import Foundation

/// Where the wallet gets the time: when entries are made, and which day the daily caps count.
///
/// Injected so that tests run on a fixed clock and days roll over when a test says so.
public protocol WalletClock: Sendable {
    /// The current time.
    var now: Date { get }
    /// The time zone whose midnight starts a new day for daily caps and allowances.
    var timeZone: TimeZone { get }
}

/// The system's clock, with days in the user's time zone.
public struct SystemClock: WalletClock {
    public init() {}

    public var now: Date { Date() }
    public var timeZone: TimeZone { .current }
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
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = clock.timeZone
        let now = clock.now
        start = calendar.startOfDay(for: now)
        end = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    }
}
