using System.Text;

namespace AgentCore.ToolCalls;

/// <summary>
/// The spec's §10 benchmark call: <c>write_to_file</c> with <c>{"path":"big.txt","content":…}</c>, the content cycling
/// through words with quotes, backslashes, tabs, <c>é</c> and newlines, the JSON cut into equal deltas. Shared by
/// the benchmark and the allocation tests so both feed the text the reference was timed on.
/// </summary>
internal static class WriteToFileCorpus
{
    private static readonly string[] s_words = ["alpha", "beta", "gamma", "delta", "quote\"d", "back\\slash", "tab\t", "é", "line\n"];

    /// <summary>The content of <paramref name="length"/> characters.</summary>
    public static string Content(int length)
    {
        var sb = new StringBuilder(length + 16);
        int i = 0;
        while (sb.Length < length)
        {
            sb.Append(s_words[i % 9]).Append(' ');
            i = ((7 * i) + 3) % 1009;
        }

        return sb.ToString(0, length);
    }

    /// <summary>The argument JSON (JSON.stringify of the arguments object) for a content of <paramref name="length"/> characters.</summary>
    public static string Arguments(int length)
    {
        var args = new JsObject();
        args.Set("path", new JsString("big.txt"));
        args.Set("content", new JsString(Content(length)));
        return ToolCallJson.Stringify(args);
    }

    /// <summary><paramref name="text"/> cut into pieces of <paramref name="size"/> code units.</summary>
    public static string[] Deltas(string text, int size)
    {
        var pieces = new string[(text.Length + size - 1) / size];
        for (int k = 0; k < pieces.Length; k++)
        {
            pieces[k] = text.Substring(k * size, Math.Min(size, text.Length - (k * size)));
        }

        return pieces;
    }
}
