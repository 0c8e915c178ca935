using System.Buffers;

namespace AgentCore.Streaming;

/// <summary>
/// A resumable splitter of newline-delimited JSON (<c>application/x-ndjson</c>): one value per LF-terminated line,
/// a CR before the LF dropped, blank lines skipped. Any split of the bytes gives the same lines.
/// </summary>
/// <remarks>Complete lines are handed out in place; only a line cut by a read boundary is copied into a pooled buffer.</remarks>
internal sealed class NdjsonParser : IDisposable
{
    private readonly int _maxLineBytes;
    private byte[] _line = ArrayPool<byte>.Shared.Rent(256);
    private int _lineLength;
    private bool _disposed;

    /// <summary>Creates a splitter with the default cap of one line (<see cref="SseParser.DefaultMaxEventBytes"/>).</summary>
    public NdjsonParser()
        : this(SseParser.DefaultMaxEventBytes)
    {
    }

    /// <summary>Creates a splitter that accepts lines up to <paramref name="maxLineBytes"/> bytes.</summary>
    /// <remarks>Past the cap it stops (<see cref="IsOverLimit"/>) and ignores further input: an endless line costs bounded memory.</remarks>
    public NdjsonParser(int maxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>The cap of one line, in bytes.</summary>
    public int MaxLineBytes => _maxLineBytes;

    /// <summary>True once a line passed <see cref="MaxLineBytes"/>; the rest of the input is ignored.</summary>
    public bool IsOverLimit { get; private set; }

    /// <summary>True when the input so far ends inside a non-blank line.</summary>
    public bool HasPendingLine => !IsBlank(_line.AsSpan(0, _lineLength));

    /// <summary>Parses the next bytes of the stream.</summary>
    public void Parse<THandler>(ReadOnlySpan<byte> input, THandler handler)
        where THandler : INdjsonLineHandler
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!IsOverLimit)
        {
            int end = input.IndexOf((byte)'\n');
            if (_lineLength + (long)(end < 0 ? input.Length : end) > _maxLineBytes)
            {
                IsOverLimit = true;
                _lineLength = 0;
                return;
            }

            if (end < 0)
            {
                if (!input.IsEmpty)
                {
                    Append(input);
                }

                return;
            }

            if (_lineLength > 0)
            {
                Append(input[..end]);
                int length = _lineLength;
                _lineLength = 0;
                Emit(_line.AsSpan(0, length), handler);
            }
            else
            {
                Emit(input[..end], handler);
            }

            input = input[(end + 1)..];
        }
    }

    /// <summary>Ends the input: a last line without its LF is handed out as a line.</summary>
    public void Complete<THandler>(THandler handler)
        where THandler : INdjsonLineHandler
    {
        int length = _lineLength;
        _lineLength = 0;
        Emit(_line.AsSpan(0, length), handler);
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_line);
            _line = [];
        }
    }

    private static void Emit<THandler>(ReadOnlySpan<byte> line, THandler handler)
        where THandler : INdjsonLineHandler
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (!IsBlank(line))
        {
            handler.OnLine(line);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_line.Length - _lineLength < bytes.Length)
        {
            int size = (int)Math.Max(Math.Min(_line.Length * 2L, _maxLineBytes), _lineLength + (long)bytes.Length);
            byte[] bigger = ArrayPool<byte>.Shared.Rent(size);
            _line.AsSpan(0, _lineLength).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_line);
            _line = bigger;
        }

        bytes.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += bytes.Length;
    }
}
