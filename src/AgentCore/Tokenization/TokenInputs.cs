namespace AgentCore.Tokenization;

/// <summary>The token count (and, when asked for, the ids) of one input, or the reason it could not be read.</summary>
/// <param name="Count">The number of tokens; 0 when <paramref name="Error"/> is set.</param>
/// <param name="Ids">The token ids, when they were asked for (empty otherwise).</param>
/// <param name="Error">Why the input could not be read (the file system's message), or null.</param>
public readonly record struct TokenInputResult(int Count, ReadOnlyMemory<int> Ids, string? Error);

/// <summary>Counts the tokens of many inputs (files, or <c>-</c> for given standard-input bytes) in parallel.</summary>
public static class TokenInputs
{
    /// <summary>
    /// Reads and encodes every input in <paramref name="paths"/> with <paramref name="tokenizer"/>, on up to one
    /// thread per core (the caller's thread included); <c>-</c> stands for <paramref name="stdin"/>. Results are in
    /// the order of <paramref name="paths"/>; an unreadable file gives a result with <see cref="TokenInputResult.Error"/>
    /// set and does not stop the others.
    /// </summary>
    /// <remarks>
    /// Plain threads over a shared counter rather than <c>Parallel.For</c>: the work items are few and large, and this
    /// keeps the thread-pool and TPL machinery out of a short-lived process's start-up.
    /// </remarks>
    public static TokenInputResult[] CountAll(Tokenizer tokenizer, IReadOnlyList<string> paths, ReadOnlyMemory<byte> stdin, bool withIds)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(paths);
        var results = new TokenInputResult[paths.Count];
        ForEachInParallel(paths.Count, i => results[i] = CountOne(tokenizer, paths[i], stdin, withIds));
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
            return new TokenInputResult(0, default, e.Message);
        }

        if (withIds)
        {
            int[] ids = tokenizer.EncodeUtf8(bytes.Span);
            return new TokenInputResult(ids.Length, ids, null);
        }

        return new TokenInputResult(tokenizer.CountTokensUtf8(bytes.Span), default, null);
    }

    private static void ForEachInParallel(int count, Action<int> body)
    {
        int workers = Math.Min(Environment.ProcessorCount, count);
        if (workers <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        int next = -1;
        void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                body(i);
            }
        }

        var threads = new Thread[workers - 1];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(Work) { IsBackground = true };
            threads[t].Start();
        }

        Work();
        foreach (Thread t in threads)
        {
            t.Join();
        }
    }
}
