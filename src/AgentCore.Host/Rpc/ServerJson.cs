using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgentCore.Host.Rpc;

/// <summary>
/// One set of JSON options for both servers: the library's per-concern source-generated contexts and the
/// servers' own, combined with <see cref="JsonTypeInfoResolver.Combine"/>, so a method binds any operation's
/// request and result without reflection.
/// </summary>
internal static class ServerJson
{
    /// <summary>The combined options (read-only once built).</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>The type info of <typeparamref name="T"/> from the combined resolver.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ServeJsonContext.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(
                AgentCore.Diagnostics.DiagnosticsJsonContext.Default,
                AgentCore.Tokenization.TokenizationJsonContext.Default,
                AgentCore.Conversations.ConversationsJsonContext.Default,
                AgentCore.Workspace.WorkspaceJsonContext.Default,
                AgentCore.Symbols.SymbolsJsonContext.Default,
                AgentCore.Streaming.StreamingJsonContext.Default,
                ServeJsonContext.Default,
                RpcJsonContext.Default),
        };
        options.MakeReadOnly();
        return options;
    }
}
