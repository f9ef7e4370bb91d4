import TOMLKit

extension TOMLTable {
    /// The table's keys with their values, in TOMLKit's order. TOMLKit's own iterator
    /// traps on a key with a NUL character (its C strings cut the key short, so the lookup
    /// fails); here such a key comes with a nil value instead.
    var entries: [(key: String, value: TOMLValueConvertible?)] {
        keys.map { ($0, self[$0]) }
    }
}
