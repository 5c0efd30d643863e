/// A value kept in one object, for a struct whose copies should share its fields: a copy of the struct is
/// then one retain, not one for each string and list in it. Never changed: a change makes another.
final class Shared<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
