using System.Runtime.CompilerServices;
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
        var inputs = new List<TokenCount>();
        long total = 0;
        await foreach (TokenCount input in CountEachAsync(request, cancellationToken).ConfigureAwait(false))
        {
            inputs.Add(input);
            total += input.Count;
        }

        return new CountTokensResult(inputs, total);
    }

    /// <summary>
    /// <see cref="CountTokensAsync"/> as a stream of results in request order: inputs are counted a batch of one per
    /// core at a time, so a caller that forwards each result (the CLI) holds the ids of one batch only, and one that
    /// stops (a closed pipe cancels the token) leaves the later inputs unread.
    /// </summary>
    /// <exception cref="OperationException">As <see cref="CountTokensAsync"/>; thrown before the first result.</exception>
    public static async IAsyncEnumerable<TokenCount> CountEachAsync(CountTokensRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
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

        Tokenizer tokenizer = Tokenizer.Get(request.Encoding);
        int batch = Math.Max(1, Environment.ProcessorCount);
        for (int from = 0; from < request.Paths.Count; from += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batch, request.Paths.Count - from);
            string[] paths = new string[count];
            for (int i = 0; i < count; i++)
            {
                paths[i] = request.Paths[from + i];
            }

            TokenInputResult[] counted = TokenInputs.CountAll(tokenizer, paths, own, request.Ids, cancellationToken);
            for (int i = 0; i < count; i++)
            {
                yield return new TokenCount(paths[i], counted[i].Count, counted[i].Ids, counted[i].Error);
            }
        }
    }
}
