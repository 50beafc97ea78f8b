import Testing
@testable import ArchSpec

/// One test group per sink, with the per-scalar cases a per-`Character` escaper gets wrong: a combining mark
/// after `<` or `,`, U+0600 (a prepended concatenation mark) before `<`, CR alone, NEL, LS/PS, bidi controls,
/// C1 controls and `::` at the start of a line.
struct TerminalEscapingTests {
    @Test func controlsLineBreaksAndBidiAreShownEscaped() {
        #expect(Escaping.terminal("a\nb\rc\td") == "a\\nb\\rc\\td")
        #expect(Escaping.terminal("red\u{1b}[31m\u{7}") == "red\\u{1b}[31m\\u{7}")
        #expect(Escaping.terminal("x\u{7f}\u{85}\u{9b}y") == "x\\u{7f}\\u{85}\\u{9b}y")
        #expect(Escaping.terminal("a\u{2028}b\u{2029}c") == "a\\u{2028}b\\u{2029}c")
        #expect(Escaping.terminal("\u{202e}evil\u{202c} \u{2066}x\u{2069}") == "\\u{202e}evil\\u{202c} \\u{2066}x\\u{2069}")
        #expect(Escaping.terminal("\u{600}<") == "\\u{600}<")
        #expect(Escaping.terminal("zero\u{200b}width\u{feff}") == "zero\\u{200b}width\\u{feff}")
        #expect(Escaping.terminal("non\u{fffe}char\u{ffff}") == "non\\u{fffe}char\\u{ffff}")
        #expect(Escaping.terminal("tag\u{e0041}") == "tag\\u{e0041}")
    }

    @Test func plainAndInternationalTextIsUnchanged() {
        for text in ["Llama-3-8B", "模型-ß-🚀", "café", "e\u{301}", "a::b", "#1 model", "[draft] x", "C:\\models\\x"] {
            #expect(Escaping.terminal(text) == text)
            #expect(Escaping.lineStart(text) == text)
        }
    }

    @Test func aLeadingCombiningMarkCannotJoinTheTextBeforeIt() {
        #expect(Escaping.terminal("\u{301}x") == "\\u{301}x")
        #expect(Escaping.terminal(">\u{301}") == ">\u{301}")
    }

    @Test func legacyCommandPrefixIsBroken() {
        #expect(Escaping.terminal("a ##[error]b") == "a ##\\u{5b}error]b")
        #expect(Escaping.terminal("#[x] ##") == "#[x] ##")
    }

    @Test func lineStartEscapesACommandAndLeadingWhiteSpace() {
        #expect(Escaping.lineStart("::error file=a::x") == "\\u{3a}:error file=a::x")
        #expect(Escaping.lineStart(" ::error::x") == "\\u{20}::error::x")
        #expect(Escaping.lineStart("\u{3000}::error::x") == "\\u{3000}::error::x")
        #expect(Escaping.lineStart(":one") == ":one")
        #expect(Escaping.terminal("::error::x") == "::error::x")
    }

    @Test func escapingIsIdempotentAndTruncates() {
        let hostile = "::a\n\u{1b}\u{202e}##[b"
        let once = Escaping.lineStart(hostile)
        #expect(Escaping.lineStart(once) == once)
        #expect(Escaping.block(once) == once)
        #expect(Escaping.short(String(repeating: "x", count: 100), limit: 10) == String(repeating: "x", count: 10) + "...")
    }

    @Test func blockKeepsLineFeedsAndGuardsEveryLine() {
        #expect(Escaping.block("Error: bad '\n::error::x'\n  ::warning::y\r::z") == "Error: bad '\n\\u{3a}:error::x'\n  \\u{3a}:warning::y\\r::z")
        #expect(Escaping.block("usage:\n  archcalc lint [<paths> ...]\n") == "usage:\n  archcalc lint [<paths> ...]\n")
    }
}

struct SinkEscapingTests {
    @Test func xmlEscapesPerScalar() {
        #expect(XMLEscaping.text("\u{600}<script>") == "\u{600}&lt;script&gt;")
        #expect(XMLEscaping.text("<a>\u{301}") == "&lt;a&gt;\u{301}")
        #expect(XMLEscaping.attribute("\"'&") == "&quot;&apos;&amp;")
        #expect(XMLEscaping.text("a\nb\rc\td\u{85}e\u{2028}") == "a&#xA;b&#xD;c&#x9;d&#x85;e&#x2028;")
        #expect(XMLEscaping.text("x\u{1b}y\u{0}z\u{fffe}\u{ffff}") == "x\u{fffd}y\u{fffd}z\u{fffd}\u{fffd}")
        #expect(XMLEscaping.text("模型 🚀") == "模型 🚀")
    }

    @Test func csvQuotesPerScalar() {
        #expect(CSVEscaping.field("plain") == "plain")
        #expect(CSVEscaping.field(",\u{301}") == "\",\u{301}\"")
        #expect(CSVEscaping.field("a\"b") == "\"a\"\"b\"")
        #expect(CSVEscaping.field("a\rb") == "\"a\rb\"")
        #expect(CSVEscaping.field("::error::x") == "\"::error::x\"")
        #expect(CSVEscaping.field(" x") == "\" x\"")
        #expect(CSVEscaping.text("a\nb,\u{1b}") == "\"a\\nb,\\u{1b}\"")
        #expect(CSVEscaping.text("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVEscaping.text("-1") == "'-1")
        #expect(CSVEscaping.text("Llama-3-8B") == "Llama-3-8B")
    }

    @Test func markdownNeutralisesTableAndHTMLSyntax() {
        #expect(MarkdownEscaping.cell("a|b") == "a\\|b")
        #expect(MarkdownEscaping.cell("|\u{301}") == "\\|\u{301}")
        #expect(MarkdownEscaping.cell("`x` \\ <img src=x>") == "\\`x\\` \\\\ &lt;img src=x&gt;")
        #expect(MarkdownEscaping.cell("[a](http://x) &lt;") == "\\[a\\](http://x) &amp;lt;")
        #expect(MarkdownEscaping.cell("a\nb\u{2028}") == "a\\\\nb\\\\u{2028}")
        #expect(MarkdownEscaping.inline("# title", atLineStart: true) == "\\# title")
        #expect(MarkdownEscaping.inline("::error::x", atLineStart: true) == "\\::error::x")
        #expect(MarkdownEscaping.inline("# title") == "# title")
        #expect(MarkdownEscaping.cell("Llama-3-8B") == "Llama-3-8B")
    }

    @Test func workflowCommandsEscapeAsActionsCoreDoes() {
        #expect(WorkflowCommandEscaping.data("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(WorkflowCommandEscaping.property("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        #expect(WorkflowCommandEscaping.data("\r\u{301}") == "%0D\u{301}")
    }

    @Test func jsonEscapesUnsafeScalarsLosslessly() {
        let text = "a\u{85}b\u{2028}c\u{202e}d\u{7f}e##[f\u{e0041}模型"
        let rendered = JSONValue.string(text).rendered()
        #expect(rendered == "\"a\\u0085b\\u2028c\\u202ed\\u007fe##\\u005bf\\udb40\\udc41模型\"")
    }
}

extension SinkEscapingTests {
    @Test func annotationTextKeepsLineBreaksForTheRunnerAndShowsOtherControls() {
        #expect(WorkflowCommandEscaping.visible("a\nb\u{1b}\u{202e}##[c") == "a\nb\\u{1b}\\u{202e}##\\u{5b}c")
        #expect(WorkflowCommandEscaping.data(WorkflowCommandEscaping.visible("x\r\ny")) == "x%0D%0Ay")
    }
}
