import GazetteMustache
import Testing

@Suite struct InheritanceTests {
    @Test func blockRendersItsDefaultOutsideAParent() throws {
        #expect(try render("{{$title}}Default {{name}}{{/title}}\n", ["name": "title"]) == "Default title\n")
    }

    @Test func parentWithoutOverridesRendersDefaults() throws {
        #expect(try render("{{<include}}{{/include}}\n", partials: ["include": "{{$foo}}default content{{/foo}}"]) == "default content")
        #expect(try render("{{>parent}}|{{<parent}}{{/parent}}", partials: ["parent": "{{$foo}}default{{/foo}}"]) == "default|default")
    }

    @Test func overridesReplaceBlocks() throws {
        let partials = ["super": "...{{$title}}Default title{{/title}}..."]
        #expect(try render("{{<super}}{{$title}}sub template title{{/title}}{{/super}}", partials: partials) == "...sub template title...")
    }

    @Test func onlyOverriddenBlocksChange() throws {
        let partials = ["parent": "{{$a}}default a{{/a}}, {{$b}}default b{{/b}}"]
        #expect(try render("{{<parent}}{{$b}}new b{{/b}}{{/parent}}", partials: partials) == "default a, new b")
    }

    @Test func dataDoesNotOverrideBlocks() throws {
        let partials = ["include": "{{$var}}var in include{{/var}}"]
        #expect(try render("{{<include}}{{$var}}var in template{{/var}}{{/include}}", ["var": "data"], partials: partials) == "var in template")
        #expect(try render("{{<include}}{{/include}}", ["var": "data"], partials: partials) == "var in include")
    }

    @Test func textInsideAParentOutsideBlocksIsIgnored() throws {
        let partials = ["parent": "{{$foo}}default{{/foo}}"]
        #expect(try render("{{<parent}} ignored {{$foo}}hmm{{/foo}} {{ignored}} {{/parent}}", ["ignored": "X"], partials: partials) == "hmm")
    }

    @Test func overrideIsRenderedInTheContextOfTheBlock() throws {
        let partials = ["parent": "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"]
        let value: TemplateValue = ["fruit": "apples", "nested": ["fruit": "bananas"]]
        #expect(try render("{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}", value, partials: partials) == "I say bananas.")
    }

    @Test func topmostOverrideWinsAcrossLevels() throws {
        let partials = [
            "parent": "{{<older}}{{$a}}p{{/a}}{{/older}}",
            "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
            "grandParent": "{{$a}}g{{/a}}",
        ]
        #expect(try render("{{<parent}}{{$a}}c{{/a}}{{/parent}}", partials: partials) == "c")
        #expect(try render("{{<parent}}{{/parent}}", partials: partials) == "p")
    }

    @Test func sameParentTwiceWithDifferentOverrides() throws {
        let partials = ["parent": "|{{$stuff}}...{{/stuff}}{{$default}} default{{/default}}|"]
        let template = "{{<parent}}{{$stuff}}one{{/stuff}}{{/parent}} {{<parent}}{{$stuff}}two{{/stuff}}{{/parent}}"
        #expect(try render(template, partials: partials) == "|one default| |two default|")
    }

    @Test func parentsMayIncludeEachOther() throws {
        let partials = [
            "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
            "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}",
        ]
        #expect(try render("{{<parent}}{{$foo}}override{{/foo}}{{/parent}}", partials: partials) == "override override override don't recurse")
    }

    @Test func layoutWithPartialsAndOverrides() throws {
        let partials = [
            "layout": "<html>\n<head>\n  <title>{{$title}}Site{{/title}}</title>\n</head>\n<body>\n  {{$body}}\n  <p>empty</p>\n  {{/body}}\n</body>\n</html>\n",
        ]
        let template = "{{<layout}}\n{{$title}}{{headline}}{{/title}}\n{{$body}}\n<h1>{{headline}}</h1>\n<p>text</p>\n{{/body}}\n{{/layout}}\n"
        let expected = "<html>\n<head>\n  <title>News &amp; more</title>\n</head>\n<body>\n  <h1>News &amp; more</h1>\n  <p>text</p>\n</body>\n</html>\n"
        #expect(try render(template, ["headline": "News & more"], partials: partials) == expected)
        #expect(try render("{{<layout}}{{/layout}}", partials: partials).contains("<body>\n  <p>empty</p>\n</body>"))
    }

    @Test func standaloneParentIsIndented() throws {
        #expect(try render("Hi,\n  {{<parent}}{{/parent}}\n", partials: ["parent": "one\ntwo\n"]) == "Hi,\n  one\n  two\n")
    }

    @Test func overrideTakesTheIndentationOfTheBlock() throws {
        let template = "{{<parent}}{{$block}}\n    one\n    two\n{{/block}}{{/parent}}\n"
        #expect(try render(template, partials: ["parent": "Hi,\n  {{$block}}\n  {{/block}}\n"]) == "Hi,\n  one\n  two\n")
        let intrinsic = "{{<parent}}{{$block}}\none\ntwo\n{{/block}}{{/parent}}\n"
        #expect(try render(intrinsic, partials: ["parent": "Hi,\n{{$block}}\n  default\n{{/block}}\n"]) == "Hi,\n  one\n  two\n")
        let inline = "{{<parent}}{{$block}}\none\ntwo{{/block}}\n{{/parent}}\n"
        #expect(try render(inline, partials: ["parent": "Hi,\n  {{$block}}{{/block}}\n"]) == "Hi,\n  one\n  two\n")
    }

    @Test func nestedBlocksAreReindentedRelativeToTheirBlock() throws {
        let partials = [
            "parent": "{{<grandparent}}{{$block}}\n  one\n  {{$nested}}\n    two\n  {{/nested}}\n{{/block}}{{/grandparent}}\n",
            "grandparent": "{{$block}}default{{/block}}",
        ]
        #expect(try render("{{<parent}}{{$nested}}\nthree\n{{/nested}}{{/parent}}\n", partials: partials) == "one\n  three\n")
        #expect(try render("{{<parent}}{{/parent}}", partials: partials) == "one\n  two\n")
    }

    @Test func overridesReachBlocksInsidePartialsOfTheParent() throws {
        let partials = ["layout": "[{{>header}}]", "header": "{{$title}}default{{/title}}"]
        #expect(try render("{{<layout}}{{$title}}custom{{/title}}{{/layout}}", partials: partials) == "[custom]")
    }
}
