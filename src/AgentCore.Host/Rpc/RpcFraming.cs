namespace AgentCore.Host.Rpc;

/// <summary>How messages are delimited on the byte stream; detected from the first bytes a client sends.</summary>
internal enum RpcFraming
{
    /// <summary>Not known yet (nothing but whitespace has arrived).</summary>
    Unknown,

    /// <summary>One JSON message per line (codex app-server, MCP stdio).</summary>
    Lines,

    /// <summary>LSP base protocol: <c>Content-Length: N</c> headers, a blank line, then N bytes of JSON.</summary>
    ContentLength,
}
