using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using AgentCore.Json;
using AgentCore.ToolCalls;

namespace AgentCore.Tests.ToolCalls;

/// <summary>The reference's native tool-call vectors (spec §9), and the actual results of replaying one, as JSON texts.</summary>
internal static class NativeToolVectors
{
    private static readonly Lazy<JsObject[]> s_all = new(() =>
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "ToolCalls", "native-tools-vectors.json"));
        Assert.True(StrictJson.TryParse(text, out JsValue root));
        return ((JsArray)((JsObject)root).GetOwn("vectors")!).Items.Cast<JsObject>().ToArray();
    });

    public static JsObject[] All => s_all.Value;

    public static IEnumerable<object[]> Ids => All.Select(v => new object[] { v.GetOwn("id")!.ToString()! });

    public static JsObject Get(string id) => All.Single(v => v.GetOwn("id")!.ToString() == id);

    public static string[] CustomTools(JsObject vector) =>
        vector.GetOwn("customTools") is JsArray a ? a.Items.Select(x => x.ToString()!).ToArray() : [];

    /// <summary>The expected entries of one list (<c>events</c>, <c>partials</c>, <c>final</c>, <c>blocks</c>) as JSON texts.</summary>
    public static List<string> Expected(JsObject vector, string list) =>
        ((JsArray)((JsObject)vector.GetOwn("expected")!).GetOwn(list)!).Items
            .Select(e => e is JsString s ? s.ToString() : ToolCallJson.Stringify(e)).ToList();

    /// <summary>The first 16 hex digits of the SHA-256 of <paramref name="json"/>'s UTF-8 bytes.</summary>
    public static string Sha16(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];

    /// <summary>Collects results as the vectors' JSON entries.</summary>
    internal sealed class Recorder : IToolCallSink
    {
        public List<string> Events { get; } = [];

        public List<string> Partials { get; } = [];

        public List<string> PartialToolUses { get; } = [];

        public List<string> Finals { get; } = [];

        public List<string> Blocks { get; } = [];

        public void OnEvent(int at, in ToolCallEvent e, bool duplicate)
        {
            var buffer = new ArrayBufferWriter<byte>();
            ToolCallJsonLineWriter.WriteEvent(new JsJsonWriter(buffer), at, e, duplicate);
            Events.Add(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        public void OnPartial(int at, string id, ToolUse? toolUse)
        {
            string tu = toolUse is null ? "null" : Json(w => ToolCallJson.WriteToolUse(w, toolUse, withId: false));
            PartialToolUses.Add(tu);
            Partials.Add($"{{\"at\":{at},\"id\":{ToolCallJson.Stringify(new JsString(id))},\"toolUse\":{tu}}}");
        }

        public void OnFinal(int at, string id, ToolUse? toolUse, ToolCallErrorKind error)
        {
            string tu = toolUse is null ? "null" : Json(w => ToolCallJson.WriteToolUse(w, toolUse, withId: false));
            string? err = ToolCallJsonLineWriter.ErrorName(error);
            Finals.Add($"{{\"at\":{at},\"id\":{ToolCallJson.Stringify(new JsString(id))},\"toolUse\":{tu},\"error\":{(err is null ? "null" : $"\"{err}\"")}}}");
        }

        public void OnBlocks(int at, IReadOnlyList<ToolUse> blocks)
        {
            string list = string.Join(",", blocks.Select(b => Json(w => ToolCallJson.WriteToolUse(w, b, withId: true))));
            Blocks.Add($"{{\"at\":{at},\"blocks\":[{list}]}}");
        }

        private static string Json(Action<JsJsonWriter> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            write(new JsJsonWriter(buffer));
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>Replays <paramref name="vector"/>'s input through the library.</summary>
    public static Recorder Replay(JsObject vector)
    {
        var recorder = new Recorder();
        var stream = new ToolCallStream(recorder, new HashSet<string>(CustomTools(vector)));
        List<JsValue> items = ((JsArray)vector.GetOwn("input")!).Items;
        for (int at = 0; at < items.Count; at++)
        {
            ToolCallOperations.Apply(stream, at, (JsObject)items[at], at + 1);
        }

        return recorder;
    }
}
