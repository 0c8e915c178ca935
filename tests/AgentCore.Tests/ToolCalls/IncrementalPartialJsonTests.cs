using System.Text;
using AgentCore.ToolCalls;

namespace AgentCore.Tests.ToolCalls;

/// <summary>
/// The incremental partial parser against the from-scratch algorithm (spec §9.4's generator idea): the same text fed
/// whole, one character at a time and at random splits gives, after every delta, the value a from-scratch
/// <c>parseJSON</c> of the same prefix gives. The from-scratch parser itself is pinned by the spec's §4.4 table.
/// </summary>
public sealed class IncrementalPartialJsonTests
{
    // §4.4, with JSON.stringify's rendering of the result (Infinity and NaN print as null); null = fails.
    [Theory]
    [InlineData("", null)]
    [InlineData("  \n", null)]
    [InlineData("{", "{}")]
    [InlineData("{\"", "{}")]
    [InlineData("{\"pa", "{}")]
    [InlineData("{\"path\"", "{}")]
    [InlineData("{\"path\":", "{}")]
    [InlineData("{\"path\": \"", "{\"path\":\"\"}")]
    [InlineData("{\"path\": \"a.t", "{\"path\":\"a.t\"}")]
    [InlineData("{\"path\": \"a.ts\",", "{\"path\":\"a.ts\"}")]
    [InlineData("{\"c\":\"x\\", "{\"c\":\"x\"}")]
    [InlineData("{\"c\":\"x\\n", "{\"c\":\"x\\n\"}")]
    [InlineData("{\"c\":\"x\\\\", "{\"c\":\"x\\\\\"}")]
    [InlineData("{\"c\":\"x\\\"", "{\"c\":\"x\\\"\"}")]
    [InlineData("{\"c\":\"caf\\u", "{\"c\":\"caf\"}")]
    [InlineData("{\"c\":\"caf\\u00e", "{\"c\":\"caf\"}")]
    [InlineData("{\"c\":\"caf\\u00e9", "{\"c\":\"café\"}")]
    [InlineData("{\"c\":\"\\ud83d", "{\"c\":\"\\ud83d\"}")]
    [InlineData("{\"c\":\"\\ud83d\\ude", "{\"c\":\"\\ud83d\"}")]
    [InlineData("{\"c\":\"\\ud83d\\ude00", "{\"c\":\"😀\"}")]
    [InlineData("{\"c\":\"a\\x", "{\"c\":\"a\"}")]
    [InlineData("{\"c\":\"a\\xb\", \"d\": 1}", "{}")]
    [InlineData("{\"n\": -", "{}")]
    [InlineData("{\"n\": -1", "{\"n\":-1}")]
    [InlineData("{\"n\": 1.", "{}")]
    [InlineData("{\"n\": 1.5e", "{\"n\":1.5}")]
    [InlineData("{\"n\": 1.5e+", "{\"n\":1.5}")]
    [InlineData("{\"n\": 1.5e+3", "{\"n\":1500}")]
    [InlineData("{\"n\": 1E", "{}")]
    [InlineData("{\"n\": 01}", "{}")]
    [InlineData("{\"n\": 1 2, \"m\": 3}", "{}")]
    [InlineData("{\"b\": t", "{\"b\":true}")]
    [InlineData("{\"b\": n", "{\"b\":null}")]
    [InlineData("{\"b\": tru}", "{}")]
    [InlineData("{\"b\": nullx, \"c\": 1}", "{\"b\":null}")]
    [InlineData("{\"b\": -I", "{\"b\":null}")]
    [InlineData("{\"a\": [1, 2,", "{\"a\":[1,2]}")]
    [InlineData("{\"a\": [ ], \"b\": 1}", "{\"a\":[]}")]
    [InlineData("{\"a\": [], \"b\": 1}", "{\"a\":[],\"b\":1}")]
    [InlineData("{\"a\": {\"b\": 1}, \"c\"", "{\"a\":{\"b\":1}}")]
    [InlineData("{\"a\":1,}", "{\"a\":1}")]
    [InlineData("{\"a\":\"x\" \"b\":\"y\"}", "{\"a\":\"x\",\"b\":\"y\"}")]
    [InlineData("{\"a\":1 \"b\":2}", "{}")]
    [InlineData("{a: 1}", "{}")]
    [InlineData("{\"a\":1}{\"b\":2}", "{\"a\":1}")]
    [InlineData("{\"a\": \"x\ny\", \"b\": 1}", "{}")]
    [InlineData("{\"a\": \"x\ny", "{}")]
    [InlineData("\"ab\\", "\"ab\"")]
    [InlineData("[1,2", "[1,2]")]
    [InlineData("nu", "null")]
    [InlineData("1.", null)]
    [InlineData("1e", "1")]
    [InlineData("-", null)]
    [InlineData("abc", null)]
    [InlineData("{\"__proto__\": {\"p\": 1}, \"q\": 2}", "{\"q\":2}")]
    [InlineData("{\"b\":1,\"10\":2,\"2\":3}", "{\"2\":3,\"10\":2,\"b\":1}")]
    [InlineData("{\"path\": \"ab  ", "{\"path\":\"ab\"}")]
    [InlineData("{\"path\": \"ab  \\u00", "{\"path\":\"ab  \"}")]
    public void Parse_SpecTable_MatchesPartialJson(string text, string? expected)
    {
        JsValue? fromScratch = PartialJson.Parse(text);
        Assert.Equal(expected, fromScratch is null ? null : ToolCallJson.Stringify(fromScratch));
        Assert.Equal(expected, Incremental(text, [text.Length]).Last());
        Assert.Equal(expected, Incremental(text, Enumerable.Repeat(1, text.Length).ToArray()).Last());
    }

    [Fact]
    public void Parse_RandomDocumentsAtEverySplit_EqualsFromScratchOnEveryPrefix()
    {
        var random = new Random(1234);
        int incrementalDeltas = 0;
        for (int doc = 0; doc < 600; doc++)
        {
            string text = RandomDocument(random, doc % 3 == 0);
            foreach (int[] sizes in Splits(random, text.Length))
            {
                var parser = new IncrementalPartialJson();
                int pos = 0;
                foreach (int size in sizes)
                {
                    parser.Append(text.AsSpan(pos, size));
                    pos += size;
                    JsValue? actual = parser.Parse();
                    JsValue? expected = PartialJson.Parse(text[..pos]);
                    Assert.True(Render(expected) == Render(actual), $"doc {doc} prefix {pos}: {text[..pos]}\nexpected {Render(expected)}\nactual   {Render(actual)}");
                    if (!parser.IsFallback)
                    {
                        incrementalDeltas++;
                    }
                }
            }
        }

        Assert.True(incrementalDeltas > 10_000, $"only {incrementalDeltas} deltas took the incremental path");
    }

    [Fact]
    public void Parse_CleanToolArguments_StayIncremental()
    {
        const string text = "{\"path\":\"a.ts\",\"content\":\"x\\n\\\"q\\\" \\u00e9 \\ud83d\\ude00 tab\\t\",\"n\":[1,-2.5e+3,true,null,{\"k\":\"v\"}],\"e\":{}}";
        var parser = new IncrementalPartialJson();
        foreach (char c in text)
        {
            parser.Append([c]);
            Assert.NotNull(parser.Parse());
            Assert.False(parser.IsFallback);
        }
    }

    private static string Render(JsValue? v) => v is null ? "FAIL" : ToolCallJson.Stringify(v);

    private static List<string?> Incremental(string text, int[] sizes)
    {
        var parser = new IncrementalPartialJson();
        var results = new List<string?>();
        int pos = 0;
        foreach (int size in sizes)
        {
            parser.Append(text.AsSpan(pos, size));
            pos += size;
            JsValue? v = parser.Parse();
            results.Add(v is null ? null : ToolCallJson.Stringify(v));
        }

        if (sizes.Length == 0)
        {
            JsValue? v = parser.Parse();
            results.Add(v is null ? null : ToolCallJson.Stringify(v));
        }

        return results;
    }

    private static IEnumerable<int[]> Splits(Random random, int length)
    {
        yield return [length];
        yield return Enumerable.Repeat(1, length).ToArray();
        for (int k = 0; k < 2; k++)
        {
            var sizes = new List<int>();
            for (int left = length; left > 0;)
            {
                int n = Math.Min(left, random.Next(1, 9));
                sizes.Add(n);
                left -= n;
            }

            yield return sizes.ToArray();
        }
    }

    private static readonly string[] s_pieces =
    [
        " ", "\n", "\t", "\u00a0", "\u2028", "\\", "\\n", "\\\"", "\\\\", "\\u00e9", "\\ud83d", "\\ude00", "\\u", "\\x", "é", "😀",
        "\ud83d", "\"", "e", "E", "a", "path", "1", "-", ".", ",", ":", "{", "}", "[", "]", "t", "nul",
    ];

    private static string RandomDocument(Random random, bool mutate)
    {
        var sb = new StringBuilder();
        Value(sb, random, 0, top: true);
        if (mutate)
        {
            for (int m = random.Next(1, 4); m > 0 && sb.Length > 0; m--)
            {
                int at = random.Next(sb.Length);
                switch (random.Next(3))
                {
                    case 0: sb.Insert(at, s_pieces[random.Next(s_pieces.Length)]); break;
                    case 1: sb.Remove(at, 1); break;
                    default: sb[at] = s_pieces[random.Next(s_pieces.Length)][0]; break;
                }
            }
        }

        return sb.ToString();
    }

    private static void Ws(StringBuilder sb, Random random)
    {
        if (random.Next(4) == 0)
        {
            sb.Append(random.Next(3) switch { 0 => " ", 1 => "\n  ", _ => "\t" });
        }
    }

    private static void Value(StringBuilder sb, Random random, int depth, bool top = false)
    {
        int kind = top ? (random.Next(12) == 0 ? random.Next(7) : 0) : random.Next(depth > 3 ? 5 : 7);
        switch (kind)
        {
            case 0 when depth < 6:
                sb.Append('{');
                Ws(sb, random);
                int members = random.Next(5);
                for (int i = 0; i < members; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                        Ws(sb, random);
                    }

                    Str(sb, random, key: true);
                    Ws(sb, random);
                    sb.Append(':');
                    Ws(sb, random);
                    Value(sb, random, depth + 1);
                    Ws(sb, random);
                }

                sb.Append('}');
                break;
            case 1 when depth < 6:
                sb.Append('[');
                if (random.Next(6) == 0)
                {
                    Ws(sb, random);
                }

                int items = random.Next(4);
                for (int i = 0; i < items; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Ws(sb, random);
                    Value(sb, random, depth + 1);
                }

                sb.Append(']');
                break;
            case 2:
                sb.Append(random.Next(4) switch { 0 => "true", 1 => "false", 2 => "null", _ => random.Next(8) == 0 ? "NaN" : "Infinity" });
                break;
            case 3:
            case 4:
                sb.Append(random.Next(8) switch
                {
                    0 => "-0", 1 => "1.5e3", 2 => "1E+5", 3 => "123456789012345678901", 4 => "-2.25", 5 => "0.001e-2", 6 => "1e400", _ => "42",
                });
                break;
            default:
                Str(sb, random, key: false);
                break;
        }
    }

    private static readonly string[] s_keys = ["path", "content", "__proto__", "10", "2", "a", "path", "mode", "k\\u0041y", ""];

    private static readonly string[] s_chars =
    [
        "a", "b", " ", "é", "😀", "\ud83d", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d", "\\ude00", "\\b", "\u00a0", "\u2028", "e", "E", "{", "}", "[", "]", ",", ":",
    ];

    private static void Str(StringBuilder sb, Random random, bool key)
    {
        sb.Append('"');
        if (key)
        {
            sb.Append(s_keys[random.Next(s_keys.Length)]);
        }
        else
        {
            for (int n = random.Next(8); n > 0; n--)
            {
                sb.Append(s_chars[random.Next(s_chars.Length)]);
            }
        }

        sb.Append('"');
    }
}
