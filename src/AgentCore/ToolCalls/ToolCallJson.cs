using System.Buffers;
using System.Text;
using AgentCore.Json;

namespace AgentCore.ToolCalls;

/// <summary>JSON output by <c>JSON.stringify</c>'s rules for <see cref="JsValue"/>s and <see cref="ToolUse"/>s.</summary>
internal static class ToolCallJson
{
    /// <summary><c>JSON.stringify(value)</c> as a string (lone surrogates come out escaped, so the text is well-formed).</summary>
    public static string Stringify(JsValue value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteValue(new JsJsonWriter(buffer), value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="value"/> (own enumerable keys in JavaScript order; a prototype is not written).</summary>
    public static void WriteValue(JsJsonWriter w, JsValue value)
    {
        switch (value)
        {
            case JsString s:
                w.WriteStringValue(s.Span);
                break;
            case JsNumber n:
                w.WriteNumberValue(n.Value);
                break;
            case JsBool b:
                w.WriteBooleanValue(b.Value);
                break;
            case JsNull:
                w.WriteNullValue();
                break;
            case JsArray a:
                w.WriteStartArray();
                foreach (JsValue item in a.Items)
                {
                    WriteValue(w, item);
                }

                w.WriteEndArray();
                break;
            case JsObject o:
                w.WriteStartObject();
                foreach (KeyValuePair<string, JsValue> e in o.OrderedEntries())
                {
                    w.WritePropertyName(e.Key);
                    WriteValue(w, e.Value);
                }

                w.WriteEndObject();
                break;
        }
    }

    /// <summary>
    /// Writes a tool use in the reference's key order. <paramref name="withId"/> adds the id the consumer sets on a
    /// tool_use block (last key); an mcp_tool_use always carries its id as the second key.
    /// </summary>
    public static void WriteToolUse(JsJsonWriter w, ToolUse t, bool withId)
    {
        w.WriteStartObject();
        if (t.IsMcp)
        {
            w.WriteString("type", "mcp_tool_use");
            w.WriteString("id", t.Id);
            w.WriteString("name", t.Name);
            w.WriteString("serverName", t.ServerName);
            w.WriteString("toolName", t.ToolName);
            w.WritePropertyName("arguments");
            WriteValue(w, t.Arguments!);
            w.WriteBoolean("partial", t.Partial);
            w.WriteEndObject();
            return;
        }

        w.WriteString("type", "tool_use");
        w.WriteString("name", t.Name);
        w.WritePropertyName("params");
        WriteValue(w, t.Params);
        w.WriteBoolean("partial", t.Partial);
        if (t.NativeArgs is not null)
        {
            w.WritePropertyName("nativeArgs");
            WriteValue(w, t.NativeArgs);
        }

        if (t.OriginalName is not null)
        {
            w.WriteString("originalName", t.OriginalName);
        }

        if (t.UsedLegacyFormat)
        {
            w.WriteBoolean("usedLegacyFormat", true);
        }

        if (withId && t.Id is not null)
        {
            w.WriteString("id", t.Id);
        }

        w.WriteEndObject();
    }
}
