using AgentCore.Diagnostics;
using AgentCore.Operations;
using AgentCore.Threading;

namespace AgentCore.Tokenization;

/// <summary>The token count (and, when asked for, the ids) of one input, or the reason it could not be read.</summary>
/// <param name="Count">The number of tokens; 0 when <paramref name="Error"/> is set.</param>
/// <param name="Ids">The token ids, when they were asked for (empty otherwise).</param>
/// <param name="Error">Why the input could not be read (a sentence naming the path, <see cref="FileErrors"/>), or null.</param>
internal readonly record struct TokenInputResult(int Count, ReadOnlyMemory<int> Ids, OperationError? Error);

/// <summary>Counts the tokens of many inputs (files, or <c>-</c> for standard input) in parallel.</summary>
/// <remarks>
/// Files and streams are read in blocks (<see cref="Tokenizer.CountTokens(Stream, CancellationToken)"/>), never whole:
/// memory per input is one block plus the longest run the encoder cannot cut, whatever the input's size.
/// </remarks>
internal static class TokenInputs
{
    /// <summary>
    /// Reads and encodes every input in <paramref name="paths"/> with <paramref name="tokenizer"/>, on up to one
    /// thread per core (the caller's thread included, see <see cref="ParallelWork"/>); <c>-</c> stands for <paramref name="stdin"/>. Results are in
    /// the order of <paramref name="paths"/>; an unreadable file gives a result with <see cref="TokenInputResult.Error"/>
    /// set and does not stop the others.
    /// </summary>
    public static TokenInputResult[] CountAll(Tokenizer tokenizer, IReadOnlyList<string> paths, ReadOnlyMemory<byte> stdin, bool withIds, CancellationToken cancellationToken = default) =>
        CountAll(tokenizer, paths, () => new ReadOnlyMemoryStream(stdin), withIds, cancellationToken);

    /// <summary>
    /// As <see cref="CountAll(Tokenizer, IReadOnlyList{string}, ReadOnlyMemory{byte}, bool, CancellationToken)"/>, reading <c>-</c> from the
    /// stream <paramref name="stdin"/> returns (opened at most once, read in blocks, not disposed), and checking
    /// <paramref name="cancellationToken"/> between inputs and between blocks.
    /// </summary>
    public static TokenInputResult[] CountAll(Tokenizer tokenizer, IReadOnlyList<string> paths, Func<Stream> stdin, bool withIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(stdin);
        var results = new TokenInputResult[paths.Count];
        Exception? failure = ParallelWork.For(0, paths.Count, i => results[i] = CountOne(tokenizer, paths[i], stdin, withIds, cancellationToken), cancellationToken);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return results;
    }

    /// <summary>
    /// Encodes one input (a file, or <c>-</c> for <paramref name="stdin"/>) block by block, handing its ids to
    /// <paramref name="ids"/> as they are produced; returns the count. Memory does not grow with the input, and a sink
    /// that throws (a closed pipe) stops the work at once.
    /// </summary>
    /// <exception cref="IOException">The file could not be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file could not be opened.</exception>
    public static long Encode(Tokenizer tokenizer, string path, Stream stdin, ITokenIdSink ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stdin);
        if (path == "-")
        {
            return tokenizer.Encode(stdin, ids, cancellationToken);
        }

        using FileStream file = OpenFile(path);
        return tokenizer.Encode(file, ids, cancellationToken);
    }

    /// <summary>Opens <paramref name="path"/> for block reads (no FileStream buffer: the tokenizer reads 1 MiB at a time).</summary>
    internal static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    private static TokenInputResult CountOne(Tokenizer tokenizer, string path, Func<Stream> stdin, bool withIds, CancellationToken cancellationToken)
    {
        try
        {
            if (path == "-")
            {
                return Count(tokenizer, stdin(), withIds, cancellationToken);
            }

            using FileStream file = OpenFile(path);
            return Count(tokenizer, file, withIds, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new TokenInputResult(0, default, FileErrors.From(e, path));
        }
    }

    private static TokenInputResult Count(Tokenizer tokenizer, Stream input, bool withIds, CancellationToken cancellationToken)
    {
        using OperationScope operation = OperationMetrics.Begin("tokens.input", input.CanSeek ? input.Length : 0);
        if (withIds)
        {
            var ids = new IdList();
            long n = tokenizer.Encode(input, ids, cancellationToken);
            return new TokenInputResult(checked((int)n), ids.ToArray(), null);
        }

        return new TokenInputResult(checked((int)tokenizer.CountTokens(input, cancellationToken)), default, null);
    }

    private sealed class IdList : ITokenIdSink
    {
        private int[] _ids = new int[256];
        private int _count;

        public void Write(ReadOnlySpan<int> ids)
        {
            if (_ids.Length - _count < ids.Length)
            {
                Array.Resize(ref _ids, Math.Max(_ids.Length * 2, _count + ids.Length));
            }

            ids.CopyTo(_ids.AsSpan(_count));
            _count += ids.Length;
        }

        public int[] ToArray() => _ids.AsSpan(0, _count).ToArray();
    }

    /// <summary>A read-only, non-seekable view of bytes already in memory.</summary>
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(buffer.Length, bytes.Length - _position);
            bytes.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
