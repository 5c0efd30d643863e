extension Array {
    /// Room for `extra` more elements, growing geometrically: `reserveCapacity` alone allocates exactly
    /// what is asked, so asking before every small append copies the whole buffer each time.
    @inline(__always)
    mutating func makeRoom(for extra: Int) {
        let needed = count + extra
        if needed > capacity { reserveCapacity(Swift.max(needed, capacity * 2)) }
    }
}
