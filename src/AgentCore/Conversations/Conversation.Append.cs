using System.Text.Json;
using AgentCore.Json;
using AgentCore.Tokenization;
using AgentCore.Diagnostics;

namespace AgentCore.Conversations;

public sealed partial class Conversation
{
    /// <summary>Appends <c>{"role":ROLE,"content":[{"type":"text","text":TEXT}],"ts":TS}</c> (ts omitted when null).</summary>
    public void Append(MessageRole role, string text, long? ts = null)
    {
        using ProfileScope scope = Profiler.Scope("conversation.append");
        ArgumentNullException.ThrowIfNull(text);
        BeginScratch();
        WriteRole(role);
        _writer.WritePropertyName("content");
        _writer.WriteStartArray();
        _writer.WriteStartObject();
        _writer.WriteString("type", "text");
        _writer.WriteString("text", text);
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        EndMessage(ts, isSummary: false);

        // The text is the whole content: count it directly instead of re-reading the JSON.
        Insert(_count, _scratch.WrittenSpan, new MessageTokenCounter.Result(ContentBlockCounter.CountText(text), role, false));
        ReleaseLargeScratch();
    }

    /// <summary>
    /// Appends a text message given as UTF-8 (e.g. straight from a stream or a file), without making a string:
    /// <c>{"role":ROLE,"content":[{"type":"text","text":TEXT}],"ts":TS}</c>. Invalid UTF-8 becomes U+FFFD.
    /// </summary>
    public void Append(MessageRole role, ReadOnlySpan<byte> utf8Text, long? ts = null)
    {
        using ProfileScope scope = Profiler.Scope("conversation.append");
        BeginScratch();
        WriteRole(role);
        _writer.WritePropertyName("content");
        _writer.WriteStartArray();
        _writer.WriteStartObject();
        _writer.WriteString("type", "text");
        _writer.WritePropertyName("text");
        _writer.WriteStringValueUtf8(utf8Text);
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        EndMessage(ts, isSummary: false);
        int tokens = utf8Text.IsEmpty ? 0 : Tokenizer.O200kBase.CountTokensUtf8(utf8Text);
        Insert(_count, _scratch.WrittenSpan, new MessageTokenCounter.Result(tokens, role, false));
        ReleaseLargeScratch();
    }

    /// <summary>Appends an entry with a content array of <paramref name="blocks"/>.</summary>
    public void Append(MessageRole role, ReadOnlySpan<ContentBlock> blocks, long? ts = null)
    {
        using ProfileScope scope = Profiler.Scope("conversation.append");
        BeginScratch();
        WriteRole(role);
        _writer.WritePropertyName("content");
        _writer.WriteStartArray();
        foreach (ContentBlock block in blocks)
        {
            WriteBlock(block);
        }

        _writer.WriteEndArray();
        EndMessage(ts, isSummary: false);
        AddScratch();
    }

    /// <summary>Appends a condense summary as the extension writes it: <c>{"role":"assistant","content":SUMMARY,"ts":TS,"isSummary":true}</c>.</summary>
    public void AppendSummary(string summary, double? ts)
    {
        BeginScratch();
        WriteSummary(summary, ts);
        AddScratch();
    }

    private void WriteRole(MessageRole role)
    {
        _writer.WriteStartObject();
        if (role != MessageRole.None)
        {
            _writer.WriteString("role", role == MessageRole.User ? "user" : "assistant");
        }
    }

    private void EndMessage(double? ts, bool isSummary)
    {
        if (ts is double t)
        {
            _writer.WriteNumber("ts", t);
        }

        if (isSummary)
        {
            _writer.WriteBoolean("isSummary", true);
        }

        _writer.WriteEndObject();
    }

    private void WriteSummary(string summary, double? ts)
    {
        WriteRole(MessageRole.Assistant);
        _writer.WriteString("content", summary);
        EndMessage(ts, isSummary: true);
    }

    private void WriteBlock(ContentBlock block)
    {
        _writer.WriteStartObject();
        switch (block.Type)
        {
            case ContentBlockType.Text:
                _writer.WriteString("type", "text");
                _writer.WriteString("text", block.Text);
                break;
            case ContentBlockType.Image:
                _writer.WriteString("type", "image");
                _writer.WritePropertyName("source");
                _writer.WriteStartObject();
                _writer.WriteString("type", "base64");
                _writer.WriteString("media_type", block.MediaType);
                _writer.WriteString("data", block.Data);
                _writer.WriteEndObject();
                break;
            case ContentBlockType.ToolUse:
                _writer.WriteString("type", "tool_use");
                _writer.WriteString("id", block.Id);
                _writer.WriteString("name", block.Name);
                _writer.WritePropertyName("input");
                WriteRawJsonValue(block.InputJson ?? "{}");
                break;
            case ContentBlockType.ToolResult:
                _writer.WriteString("type", "tool_result");
                _writer.WriteString("tool_use_id", block.Id);
                _writer.WriteString("content", block.Text);
                if (block.IsError)
                {
                    _writer.WriteBoolean("is_error", true);
                }

                break;
        }

        _writer.WriteEndObject();
    }

    private void WriteRawJsonValue(string json)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        try
        {
            var reader = new Utf8JsonReader(utf8, JsonReading.Options);
            reader.Read();
            JsonCanonicalizer.WriteValue(ref reader, _writer);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"tool input is not valid JSON ({e.Message})", nameof(json), e);
        }
    }
}
