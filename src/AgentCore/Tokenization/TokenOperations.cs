using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Tokenization;

/// <summary>The token-counting operations: one call per request, shared by the CLI, JSON-RPC and MCP front ends.</summary>
public static class TokenOperations
{
    private const string O200k = "o200k_base";
    private const string Cl100k = "cl100k_base";

    /// <summary>
    /// Counts (and with <see cref="CountTokensRequest.Ids"/> encodes) every input of <paramref name="request"/> with
    /// tiktoken's <c>encode_ordinary</c> rules, files in parallel across cores (<see cref="TokenInputs"/>).
    /// An unreadable file gives an entry with <see cref="TokenCount.Error"/> and does not stop the others.
    /// </summary>
    /// <exception cref="OperationException"><see cref="ErrorCodes.InvalidArgument"/>: an unknown encoding, an empty
    /// path, or <c>-</c> without an input; a read error of the <c>-</c> stream.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked between inputs).</exception>
    public static async Task<CountTokensResult> CountTokensAsync(CountTokensRequest request, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("tokens.countTokens");
        ArgumentNullException.ThrowIfNull(request);
        if (request.Encoding is not (O200k or Cl100k))
        {
            OperationException.ThrowInvalidArgument("encoding", $"unknown encoding '{request.Encoding}' (o200k_base or cl100k_base)");
        }

        bool readsOwnInput = false;
        foreach (string path in request.Paths)
        {
            InputSource.ThrowIfEmpty(path, "paths");
            readsOwnInput |= path == "-";
        }

        ReadOnlyMemory<byte> own = default;
        if (readsOwnInput)
        {
            if (request.Stdin is not null)
            {
                own = await InputSource.ReadToEndAsync(request.Stdin, "-", cancellationToken).ConfigureAwait(false);
            }
            else if (request.Text is not null)
            {
                own = System.Text.Encoding.UTF8.GetBytes(request.Text);
            }
            else
            {
                OperationException.ThrowInvalidArgument("text", "the path '-' stands for the request's text, and none was given");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        TokenInputResult[] counted = TokenInputs.CountAll(Tokenizer.Get(request.Encoding), request.Paths, own, request.Ids, cancellationToken);
        var inputs = new TokenCount[counted.Length];
        long total = 0;
        for (int i = 0; i < counted.Length; i++)
        {
            TokenInputResult r = counted[i];
            inputs[i] = new TokenCount(request.Paths[i], r.Count, r.Ids, r.Error);
            total += r.Count;
        }

        return new CountTokensResult(inputs, total);
    }
}
