import Foundation
import GazetteMustache
import Testing

@Suite struct TemplateValueTests {
    @Test func truthiness() {
        let falsey: [TemplateValue] = [nil, false, "", []]
        let truthy: [TemplateValue] = [true, 0, 0.0, "0", " ", [nil], [:], .custom(Person(first: "", last: ""))]
        #expect(falsey.allSatisfy { !$0.isTruthy })
        #expect(truthy.allSatisfy { $0.isTruthy })
    }

    @Test func fromJSONSerialization() throws {
        let json = #"{"t": true, "f": false, "i": 42, "d": 1.5, "whole": 2.0, "s": "x", "n": null, "l": [1, "a"], "o": {"k": "v"}}"#
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let value = TemplateValue(any: object)
        let template = "{{t}} {{f}} {{i}} {{d}} {{whole}} {{s}} [{{n}}] {{#l}}<{{.}}>{{/l}} {{o.k}} {{#f}}F{{/f}}{{#i}}I{{/i}}"
        #expect(try render(template, value) == "true false 42 1.5 2 x [] <1><a> v I")
        guard case .object(let fields) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(fields["t"].map { if case .bool(true) = $0 { true } else { false } } == true)
        #expect(fields["i"].map { if case .int(42) = $0 { true } else { false } } == true)
        #expect(fields["d"].map { if case .double(1.5) = $0 { true } else { false } } == true)
        #expect(fields["n"].map { if case .null = $0 { true } else { false } } == true)
    }

    @Test func fromSwiftValues() throws {
        let optional: String? = nil
        let dictionary: [String: Any] = [
            "b": true, "i": 7, "u": UInt8(9), "d": 0.25, "s": "str", "sub": "abc".prefix(2), "none": optional as Any,
            "some": Optional("here") as Any, "list": [1, 2] as [Any], "null": NSNull(), "person": Person(first: "A", last: "B"),
        ]
        let value = TemplateValue(any: dictionary)
        let template = "{{b}} {{i}} {{u}} {{d}} {{s}} {{sub}} [{{none}}] {{some}} {{#list}}{{.}}{{/list}} [{{null}}] {{person.full}}"
        #expect(try render(template, value) == "true 7 9 0.25 str ab [] here 12 [] A B")
    }

    @Test func literals() throws {
        let value: TemplateValue = ["s": "text", "i": 1, "d": 2.5, "b": true, "n": nil, "l": ["x", 3], "o": ["k": "v"], "interpolated": "n=\(5)"]
        #expect(try render("{{s}} {{i}} {{d}} {{b}} [{{n}}] {{#l}}{{.}}{{/l}} {{o.k}} {{interpolated}}", value) == "text 1 2.5 true [] x3 v n=5")
    }

    @Test func valueForKey() {
        let value: TemplateValue = ["a": 1]
        #expect(value.value(forKey: "a") != nil)
        #expect(value.value(forKey: "b") == nil)
        #expect(TemplateValue.string("a").value(forKey: "a") == nil)
    }
}
