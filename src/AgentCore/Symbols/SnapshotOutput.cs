using System.Buffers.Binary;
using System.Text;

namespace AgentCore.Symbols;

/// <summary>
/// Buffered little-endian writer of a snapshot's payload to a stream, checksumming the bytes as they go out, so a
/// snapshot is never held whole in memory.
/// </summary>
/// <remarks>Not thread-safe. <see cref="Complete"/> flushes and returns the payload's length and checksum.</remarks>
internal sealed class SnapshotOutput
{
    private const int BufferSize = 64 * 1024; // a multiple of SnapshotChecksum.BlockSize
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private long _flushed;
    private SnapshotChecksum _checksum;

    public SnapshotOutput(Stream stream) => _stream = stream;

    /// <summary>Bytes written so far.</summary>
    public long Position => _flushed + _used;

    public void WriteInt32(int value)
    {
        if (_used + 4 > BufferSize)
        {
            Flush();
        }

        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    /// <summary>Writes one 20-byte symbol record.</summary>
    public void WriteRecord(int atom, int file, int startRow, int endRow, int kind)
    {
        if (_used + SymbolSnapshot.SymbolRecordSize > BufferSize)
        {
            Flush();
        }

        Span<byte> r = _buffer.AsSpan(_used, SymbolSnapshot.SymbolRecordSize);
        BinaryPrimitives.WriteInt32LittleEndian(r, atom);
        BinaryPrimitives.WriteInt32LittleEndian(r[4..], file);
        BinaryPrimitives.WriteInt32LittleEndian(r[8..], startRow);
        BinaryPrimitives.WriteInt32LittleEndian(r[12..], endRow);
        BinaryPrimitives.WriteInt32LittleEndian(r[16..], kind);
        _used += SymbolSnapshot.SymbolRecordSize;
    }

    public void WriteInt64(long value)
    {
        if (_used + 8 > BufferSize)
        {
            Flush();
        }

        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_used == BufferSize)
            {
                Flush();
            }

            int n = Math.Min(bytes.Length, BufferSize - _used);
            bytes[..n].CopyTo(_buffer.AsSpan(_used));
            _used += n;
            bytes = bytes[n..];
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 and returns its byte length.</summary>
    public int WriteUtf8(string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        if (length <= BufferSize - _used)
        {
            Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
            _used += length;
        }
        else
        {
            WriteBytes(Encoding.UTF8.GetBytes(text));
        }

        return length;
    }

    /// <summary>Writes out everything but a tail shorter than a checksum block (the buffer stays block-aligned).</summary>
    private void Flush()
    {
        int whole = _used - (_used % SnapshotChecksum.BlockSize);
        _checksum.AddBlocks(_buffer.AsSpan(0, whole));
        _stream.Write(_buffer, 0, whole);
        _flushed += whole;
        _buffer.AsSpan(whole, _used - whole).CopyTo(_buffer);
        _used -= whole;
    }

    /// <summary>Writes the rest and returns the payload's length and checksum.</summary>
    public (long Length, ulong Checksum) Complete()
    {
        Flush();
        ulong checksum = _checksum.Finish(_buffer.AsSpan(0, _used));
        _stream.Write(_buffer, 0, _used);
        _flushed += _used;
        _used = 0;
        return (_flushed, checksum);
    }
}
