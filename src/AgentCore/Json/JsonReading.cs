using System.Text.Json;

namespace AgentCore.Json;

/// <summary>The options every JSON reader of the library uses, so all of them accept the same documents.</summary>
internal static class JsonReading
{
    /// <summary>
    /// The deepest nesting accepted: 1,024 levels, about what <c>JSON.parse</c> in Node takes before its stack runs out
    /// (the reference parses everything it reads with it). <see cref="JsJsonWriter"/> writes as deep, so whatever was
    /// read can be written back.
    /// </summary>
    public const int MaxDepth = 1024;

    /// <summary><see cref="Utf8JsonReader"/> options: <see cref="MaxDepth"/>, strict JSON (no comments, no trailing commas).</summary>
    public static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };
}
