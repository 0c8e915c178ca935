using Microsoft.Win32.SafeHandles;

namespace AgentCore.Workspace;

/// <summary>
/// Reads a file line by line in blocks (<c>\n</c> ends a line; <c>\r</c> stays in the line, as JavaScript's
/// <c>split("\n")</c> keeps it). A line longer than the cap is returned cut at the cap with <c>Cut</c> set and the
/// rest is skipped, so memory stays bounded on any input (a 2 GiB file, <c>/dev/zero</c>).
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly int _cap;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;
    private long _offset;
    private bool _eof;
    private readonly byte[] _line;
    private int _lineLength;

    public LineReader(SafeFileHandle handle, int maxLineBytes)
    {
        _handle = handle;
        _cap = maxLineBytes;
        _line = new byte[Math.Min(maxLineBytes, 64 * 1024)];
        _lineStore = _line;
    }

    private byte[] _lineStore;

    /// <summary>The last line read (without its <c>\n</c>), at most the cap.</summary>
    public ReadOnlySpan<byte> Line => _lineStore.AsSpan(0, _lineLength);

    /// <summary>True when the last line was longer than the cap.</summary>
    public bool Cut { get; private set; }

    /// <summary>True when the last line ended with <c>\n</c> (false for a last line without one).</summary>
    public bool HadNewline { get; private set; }

    /// <summary>Reads the next line; false at the end of the file (a file ending in <c>\n</c> has no empty last line here).</summary>
    public bool Next(CancellationToken ct = default)
    {
        _lineLength = 0;
        Cut = false;
        HadNewline = false;
        bool any = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_eof || !Fill(ct))
                {
                    return any;
                }
            }

            any = true;
            ReadOnlySpan<byte> avail = _buffer.AsSpan(_start, _end - _start);
            int nl = avail.IndexOf((byte)'\n');
            ReadOnlySpan<byte> part = nl < 0 ? avail : avail[..nl];
            Append(part);
            _start += nl < 0 ? avail.Length : nl + 1;
            if (nl >= 0)
            {
                HadNewline = true;
                return true;
            }
        }
    }

    private void Append(ReadOnlySpan<byte> part)
    {
        int room = _cap - _lineLength;
        if (part.Length > room)
        {
            Cut = true;
            part = part[..room];
        }

        if (_lineLength + part.Length > _lineStore.Length)
        {
            Array.Resize(ref _lineStore, Math.Min(_cap, Math.Max(_lineStore.Length * 2, _lineLength + part.Length)));
        }

        part.CopyTo(_lineStore.AsSpan(_lineLength));
        _lineLength += part.Length;
    }

    private bool Fill(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        int n = RandomAccess.Read(_handle, _buffer, _offset);
        _offset += n;
        _start = 0;
        _end = n;
        if (n == 0)
        {
            _eof = true;
        }

        return n > 0;
    }

    public void Dispose() => _handle.Dispose();
}
