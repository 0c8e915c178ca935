using System.Buffers;
using System.Text;
using AgentCore.Json;
using AgentCore.ToolCalls;

namespace AgentCore.Tests.ToolCalls;

/// <summary>Partial tool uses from the stream (incremental parse, reused partials) equal ones built from a from-scratch parse of the same prefix.</summary>
public sealed class PartialToolUseTests
{
    private static readonly string[] s_tools = ["read_file", "write_to_file", "write_file", "execute_command", "edit", "list_files", "attempt_completion", "mcp__s__t", "ask_followup_question"];

    private static readonly string[] s_docs =
    [
        "{\"path\":\"src/a.ts\",\"content\":\"line 1\\nline \\\"2\\\" é 😀 \\ud83d\\ude00 end  \",\"mode\":\"slice\",\"offset\":\"12\",\"limit\":\"3\"}",
        "{\"command\":\"npm test\",\"cwd\":\"  \",\"timeout\":1.5e3,\"recursive\":\"TRUE \",\"replace_all\":\" false\"}",
        "{\"file_path\":\"x\",\"old_string\":\"a\\\\b\",\"new_string\":\"\",\"files\":\"[{\\\"path\\\":\\\"q\\\"}]\"}",
        "{\"question\":\"why?\",\"follow_up\":[{\"text\":\"a\",\"mode\":\"code\"},\"b\"],\"result\":\"done \\u00e9\"}",
        "{\"indentation\":{\"anchor_line\":\"42\",\"include_header\":\"true\"},\"path\":\"p\",\"offset\":\"7 \"}",
    ];

    [Fact]
    public void ProcessChunk_EveryToolAndSplit_PartialsEqualFromScratchBuild()
    {
        var random = new Random(7);
        foreach (string tool in s_tools)
        {
            foreach (string doc in s_docs)
            {
                foreach (int step in new[] { 1, 3, 20, doc.Length })
                {
                    var sink = new PartialSink();
                    var stream = new ToolCallStream(sink);
                    stream.ProcessChunk(0, ToolCallIndex.FromNumber(0), "id1", tool, "");
                    int pos = 0;
                    while (pos < doc.Length)
                    {
                        int n = Math.Min(step == 3 ? random.Next(1, 6) : step, doc.Length - pos);
                        stream.ProcessChunk(1, ToolCallIndex.FromNumber(0), null, null, doc.Substring(pos, n));
                        pos += n;
                        JsValue? v = PartialJson.Parse(doc[..pos]);
                        ToolUse? expected = v is null || tool.StartsWith("mcp--", StringComparison.Ordinal) ? null : ToolUseBuilder.BuildPartial(tool, v);
                        Assert.Equal(Render(expected), sink.Last);
                    }
                }
            }
        }
    }

    private static string Render(ToolUse? t)
    {
        if (t is null)
        {
            return "null";
        }

        var buffer = new ArrayBufferWriter<byte>();
        ToolCallJson.WriteToolUse(new JsJsonWriter(buffer), t, withId: false);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed class PartialSink : IToolCallSink
    {
        public string? Last { get; private set; }

        public void OnEvent(int at, in ToolCallEvent e, bool duplicate)
        {
        }

        public void OnPartial(int at, string id, ToolUse? toolUse) => Last = Render(toolUse);

        public void OnFinal(int at, string id, ToolUse? toolUse, ToolCallErrorKind error)
        {
        }

        public void OnBlocks(int at, IReadOnlyList<ToolUse> blocks)
        {
        }
    }
}
