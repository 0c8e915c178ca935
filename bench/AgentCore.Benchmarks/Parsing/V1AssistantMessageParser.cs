using AgentCore.Parsing;

namespace AgentCore.Benchmarks.Parsing;

/// <summary>
/// Baseline: a C# port of the extension's V1 <c>parseAssistantMessage</c> (parity spec 4.3), the whole-string parser
/// that the extension ran on the whole accumulated reply after every chunk until August 2025.
/// </summary>
/// <remarks>
/// Same per-character algorithm: every suffix test runs against the tag lists at every character, and text content is
/// re-sliced and re-trimmed at every character. Suffix tests use spans where JavaScript slices (V8 slices are O(1)
/// views, so spans keep the reference's cost model rather than adding copies); block contents are strings, as in
/// the reference. Used only by the benchmarks.
/// </remarks>
public static class V1AssistantMessageParser
{
    private static readonly string[] s_toolOpen = ToolVocabulary.ToolNames.Select(n => "<" + n + ">").ToArray();
    private static readonly string[] s_toolClose = ToolVocabulary.ToolNames.Select(n => "</" + n + ">").ToArray();
    private static readonly string[] s_paramOpen = ToolVocabulary.ParamNames.Select(n => "<" + n + ">").ToArray();
    private static readonly string[] s_paramClose = ToolVocabulary.ParamNames.Select(n => "</" + n + ">").ToArray();

    public static List<V1Block> Parse(string message)
    {
        var blocks = new List<V1Block>();
        V1Block? text = null;
        int textStart = 0;
        V1Block? tool = null;
        int toolIndex = -1;
        int toolStart = 0;
        int param = -1;
        int paramStart = 0;

        for (int i = 0; i < message.Length; i++)
        {
            ReadOnlySpan<char> acc = message.AsSpan(0, i + 1);
            if (tool is not null && param >= 0)
            {
                ReadOnlySpan<char> value = acc[paramStart..];
                string close = s_paramClose[param];
                if (value.EndsWith(close, StringComparison.Ordinal))
                {
                    tool.SetParam(ToolVocabulary.ParamNames[param], Finish(param, value[..^close.Length]));
                    param = -1;
                }

                continue;
            }

            if (tool is not null)
            {
                ReadOnlySpan<char> toolValue = acc[toolStart..];
                if (toolValue.EndsWith(s_toolClose[toolIndex], StringComparison.Ordinal))
                {
                    tool.Partial = false;
                    blocks.Add(tool);
                    tool = null;
                    continue;
                }

                for (int p = 0; p < s_paramOpen.Length; p++)
                {
                    if (acc.EndsWith(s_paramOpen[p], StringComparison.Ordinal))
                    {
                        param = p;
                        paramStart = i + 1;
                        break;
                    }
                }

                if (toolIndex == 2 && acc.EndsWith("</content>", StringComparison.Ordinal))
                {
                    int start = toolValue.IndexOf("<content>", StringComparison.Ordinal) + "<content>".Length;
                    int end = toolValue.LastIndexOf("</content>", StringComparison.Ordinal);
                    if (end > start)
                    {
                        tool.SetParam("content", Finish(2, toolValue[start..end]));
                    }
                }

                continue;
            }

            bool started = false;
            for (int t = 0; t < s_toolOpen.Length; t++)
            {
                if (acc.EndsWith(s_toolOpen[t], StringComparison.Ordinal))
                {
                    tool = new V1Block(ToolVocabulary.ToolNames[t]);
                    toolIndex = t;
                    toolStart = i + 1;
                    if (text is not null)
                    {
                        text.Partial = false;
                        string content = text.Content!;
                        int keep = Math.Max(0, content.Length - (s_toolOpen[t].Length - 1));
                        text.Content = Trim(content.AsSpan(0, keep)).ToString();
                        blocks.Add(text);
                        text = null;
                    }

                    started = true;
                    break;
                }
            }

            if (!started)
            {
                if (text is null)
                {
                    textStart = i;
                }

                text = new V1Block(null) { Content = Trim(acc[textStart..]).ToString() };
            }
        }

        if (tool is not null)
        {
            if (param >= 0)
            {
                tool.SetParam(ToolVocabulary.ParamNames[param], Finish(param, message.AsSpan(paramStart)));
            }

            blocks.Add(tool);
        }

        if (text is not null)
        {
            blocks.Add(text);
        }

        return blocks;
    }

    private static string Finish(int param, ReadOnlySpan<char> value)
    {
        if (param != 2)
        {
            return Trim(value).ToString();
        }

        if (value.StartsWith('\n'))
        {
            value = value[1..];
        }

        if (value.EndsWith('\n'))
        {
            value = value[..^1];
        }

        return value.ToString();
    }

    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s)
    {
        int start = 0;
        int end = s.Length;
        while (start < end && IsJsWhiteSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsJsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    private static bool IsJsWhiteSpace(char c) =>
        c is ' ' or (>= '\t' and <= '\r') or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029'
            or '\u202F' or '\u205F' or '\u3000' or '\uFEFF';
}

/// <summary>A block of the V1 baseline (text when <see cref="Name"/> is null).</summary>
public sealed class V1Block(string? name)
{
    public string? Name { get; } = name;

    public string? Content { get; set; }

    public bool Partial { get; set; } = true;

    public List<KeyValuePair<string, string>> Params { get; } = [];

    public void SetParam(string key, string value)
    {
        int index = Params.FindIndex(p => p.Key == key);
        if (index < 0)
        {
            Params.Add(new(key, value));
        }
        else
        {
            Params[index] = new(key, value);
        }
    }
}
