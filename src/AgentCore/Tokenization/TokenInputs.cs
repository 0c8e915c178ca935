using AgentCore.Diagnostics;
using AgentCore.Operations;
using AgentCore.Threading;

namespace AgentCore.Tokenization;

/// <summary>The token count (and, when asked for, the ids) of one input, or the reason it could not be read.</summary>
/// <param name="Count">The number of tokens; 0 when <paramref name="Error"/> is set.</param>
/// <param name="Ids">The token ids, when they were asked for (empty otherwise).</param>
/// <param name="Error">Why the input could not be read (a sentence naming the path, <see cref="FileErrors"/>), or null.</param>
public readonly record struct TokenInputResult(int Count, ReadOnlyMemory<int> Ids, OperationError? Error);

/// <summary>Counts the tokens of many inputs (files, or <c>-</c> for given standard-input bytes) in parallel.</summary>
public static class TokenInputs
{
    /// <summary>
    /// Reads and encodes every input in <paramref name="paths"/> with <paramref name="tokenizer"/>, on up to one
    /// thread per core (the caller's thread included, see <see cref="ParallelWork"/>); <c>-</c> stands for <paramref name="stdin"/>. Results are in
    /// the order of <paramref name="paths"/>; an unreadable file gives a result with <see cref="TokenInputResult.Error"/>
    /// set and does not stop the others. <paramref name="cancellationToken"/> is checked before each input.
    /// </summary>
    public static TokenInputResult[] CountAll(Tokenizer tokenizer, IReadOnlyList<string> paths, ReadOnlyMemory<byte> stdin, bool withIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(paths);
        var results = new TokenInputResult[paths.Count];
        Exception? failure = ParallelWork.For(0, paths.Count, i => results[i] = CountOne(tokenizer, paths[i], stdin, withIds), cancellationToken);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return results;
    }

    private static TokenInputResult CountOne(Tokenizer tokenizer, string path, ReadOnlyMemory<byte> stdin, bool withIds)
    {
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = path == "-" ? stdin : File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new TokenInputResult(0, default, FileErrors.From(e, path));
        }

        using OperationScope operation = OperationMetrics.Begin("tokens.input", bytes.Length);
        if (withIds)
        {
            int[] ids = tokenizer.EncodeUtf8(bytes.Span);
            return new TokenInputResult(ids.Length, ids, null);
        }

        return new TokenInputResult(tokenizer.CountTokensUtf8(bytes.Span), default, null);
    }
}
