using System.Text.Json;

namespace AgentCore.Host.Mcp;

/// <summary>The workspace roots: --root, else the client's roots (legacy clients that offer them), else the working directory.</summary>
internal sealed partial class McpSession
{
    private static readonly TimeSpan s_rootsTimeout = TimeSpan.FromSeconds(10);

    private async Task<IReadOnlyList<string>> GetRootsAsync(CancellationToken ct)
    {
        if (_cliRoots.Count > 0)
        {
            return _cliRoots;
        }

        Task<IReadOnlyList<string>>? client = _clientRoots;
        if (client is not null)
        {
            return await client.WaitAsync(ct).ConfigureAwait(false);
        }

        return [Environment.CurrentDirectory];
    }

    private async Task<IReadOnlyList<string>> FetchClientRootsAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(s_rootsTimeout);
            JsonElement result = await _server.RequestAsync("roots/list", new McpRequestParams(), McpJsonContext.Default.McpRequestParams, timeout.Token)
                .ConfigureAwait(false);
            McpRootsResult? roots = result.Deserialize(McpJsonContext.Default.McpRootsResult);
            var paths = new List<string>();
            foreach (McpRoot root in roots?.Roots ?? [])
            {
                if (root.Uri is not null && Uri.TryCreate(root.Uri, UriKind.Absolute, out Uri? uri) && uri.IsFile)
                {
                    paths.Add(Path.GetFullPath(uri.LocalPath));
                }
            }

            return paths;
        }
        catch (Exception e) when (e is OperationCanceledException or JsonException or Rpc.RpcException)
        {
            // The client did not say: work in the directory it started us in, as with no roots capability.
            return [Environment.CurrentDirectory];
        }
    }

    // The _meta protocol version of a request's params, or null (a quick scan on the reader thread).
    private static string? ReadMetaVersion(ReadOnlySpan<byte> parameters)
    {
        if (parameters.IsEmpty || parameters.IndexOf("_meta"u8) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(parameters);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool meta = reader.ValueTextEquals("_meta"u8);
                reader.Read();
                if (meta && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        bool version = reader.ValueTextEquals("io.modelcontextprotocol/protocolVersion"u8);
                        reader.Read();
                        if (version && reader.TokenType == JsonTokenType.String)
                        {
                            return reader.GetString();
                        }

                        reader.Skip();
                    }

                    return null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
