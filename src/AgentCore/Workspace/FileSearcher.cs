using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Win32.SafeHandles;

namespace AgentCore.Workspace;

/// <summary>
/// Searches one file at a time as <c>rg --context 1</c> does, in blocks: lines that do not contain the pattern's
/// required literal are never decoded nor handed to the regex; one line before and after each match is reported.
/// Content after the first NUL byte is not searched (ripgrep's binary "quit" mode); a leading UTF-8 BOM is skipped.
/// </summary>
/// <remarks>
/// One instance per worker thread (not thread-safe). Memory: the block buffer grows to hold the longest line, up to
/// <see cref="MaxLineBytes"/>; a file with a longer line is skipped with a reason.
/// </remarks>
internal sealed class FileSearcher
{
    /// <summary>The longest line searched (ripgrep has no limit; a bound keeps memory flat on hostile files).</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    /// <summary>The reference keeps 1,500 of ripgrep's JSON lines: a file with more messages can never be shown.</summary>
    public const int MaxStoredMessages = 1500;

    /// <summary>The reference's <c>MAX_LINE_LENGTH</c>.</summary>
    public const int MaxLineLength = 500;

    private const int InitialBuffer = 256 * 1024;

    private readonly Regex _regex;
    private readonly RequiredLiteral? _literal;
    private byte[] _buffer = new byte[InitialBuffer];
    private char[] _chars = new char[4096];
    private List<SearchLine> _lines = [];
    private int _messages;
    private long _lastEmitted;

    public FileSearcher(Regex regex, RequiredLiteral? literal)
    {
        _regex = regex;
        _literal = literal;
    }

    /// <summary>Searches <paramref name="path"/>; returns its lines and message count, null when nothing matched, or a skip reason.</summary>
    public (List<SearchLine>? Lines, int Messages, string? Skip) Search(string path)
    {
        _lines = [];
        _messages = 0;
        _lastEmitted = 0;
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, 0, e is UnauthorizedAccessException ? "permission denied" : "cannot open");
        }

        using (handle)
        {
            string? skip = Run(handle);
            if (skip is not null)
            {
                return (null, 0, skip);
            }
        }

        return _messages == 0 ? (null, 0, null) : (_lines, _messages, null);
    }

    private string? Run(SafeFileHandle handle)
    {
        byte[] buf = _buffer;
        int filled = 0, dataStart = 0;
        int prevStart = -1, prevEnd = -1; // the last line of the previous region (for before-context)
        long nextLine = 1;
        long fileOffset = 0;
        bool eof = false, first = true, pendingAfter = false;
        while (!eof)
        {
            int keep = prevStart >= 0 ? prevStart : dataStart;
            if (keep > 0)
            {
                buf.AsSpan(keep, filled - keep).CopyTo(buf);
                filled -= keep;
                dataStart -= keep;
                if (prevStart >= 0)
                {
                    prevStart -= keep;
                    prevEnd -= keep;
                }
            }

            if (filled == buf.Length)
            {
                if (buf.Length >= MaxLineBytes * 2)
                {
                    return $"a line is longer than {MaxLineBytes} bytes";
                }

                Array.Resize(ref _buffer, buf.Length * 2);
                buf = _buffer;
            }

            int n;
            try
            {
                n = RandomAccess.Read(handle, buf.AsSpan(filled), fileOffset);
            }
            catch (IOException)
            {
                return "read error";
            }
            catch (UnauthorizedAccessException)
            {
                return "permission denied";
            }

            fileOffset += n;
            if (n == 0)
            {
                eof = true;
            }
            else
            {
                int nul = buf.AsSpan(filled, n).IndexOf((byte)0);
                filled += nul >= 0 ? nul : n;
                eof = nul >= 0;
            }

            if (first && filled >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
            {
                dataStart = 3;
            }

            first = false;
            int regionEnd;
            if (eof)
            {
                regionEnd = filled;
            }
            else
            {
                int lastNl = buf.AsSpan(dataStart, filled - dataStart).LastIndexOf((byte)'\n');
                if (lastNl < 0)
                {
                    // No complete line yet: keep reading (the buffer grows when full). Keep the previous line only if it is still needed.
                    continue;
                }

                regionEnd = dataStart + lastNl + 1;
            }

            if (regionEnd > dataStart)
            {
                nextLine = ProcessRegion(buf, dataStart, regionEnd, nextLine, prevStart, prevEnd, ref pendingAfter, eof);
                int lastLineEnd = buf[regionEnd - 1] == '\n' ? regionEnd - 1 : regionEnd;
                int lastLineStart = buf.AsSpan(dataStart, lastLineEnd - dataStart).LastIndexOf((byte)'\n');
                prevStart = lastLineStart < 0 ? dataStart : dataStart + lastLineStart + 1;
                prevEnd = lastLineEnd;
                dataStart = regionEnd;
            }
        }

        return null;
    }

    // Returns the number of the line that starts at regionEnd.
    private long ProcessRegion(byte[] buf, int rs, int re, long firstLine, int prevStart, int prevEnd, ref bool pendingAfter, bool eof)
    {
        int countedPos = rs;
        long countedLine = firstLine;
        if (pendingAfter)
        {
            pendingAfter = false;
            int end = LineEnd(buf, rs, re);
            if (!IsMatchLine(buf.AsSpan(rs, end - rs)))
            {
                Emit(firstLine, buf.AsSpan(rs, end - rs), end < re, isMatch: false);
            }
        }

        int searchFrom = rs;
        while (searchFrom < re)
        {
            int ls;
            if (_literal is not null)
            {
                int idx = _literal.IndexIn(buf.AsSpan(searchFrom, re - searchFrom));
                if (idx < 0)
                {
                    break;
                }

                int pos = searchFrom + idx;
                int nlBefore = buf.AsSpan(searchFrom, pos - searchFrom).LastIndexOf((byte)'\n');
                ls = nlBefore < 0 ? searchFrom : searchFrom + nlBefore + 1;
            }
            else
            {
                ls = searchFrom;
            }

            int le = LineEnd(buf, ls, re);
            long lineNo = countedLine + buf.AsSpan(countedPos, ls - countedPos).Count((byte)'\n');
            countedPos = ls;
            countedLine = lineNo;
            ReadOnlySpan<byte> line = buf.AsSpan(ls, le - ls);
            if (RegexMatches(line))
            {
                // Before-context: the previous line, unless already reported.
                if (lineNo - 1 > _lastEmitted && lineNo > 1)
                {
                    if (ls > rs)
                    {
                        int pe = ls - 1;
                        int ps = buf.AsSpan(rs, pe - rs).LastIndexOf((byte)'\n');
                        ps = ps < 0 ? rs : rs + ps + 1;
                        Emit(lineNo - 1, buf.AsSpan(ps, pe - ps), true, isMatch: false);
                    }
                    else if (prevStart >= 0)
                    {
                        Emit(lineNo - 1, buf.AsSpan(prevStart, prevEnd - prevStart), true, isMatch: false);
                    }
                }

                Emit(lineNo, line, le < re, isMatch: true);

                // After-context: the next line, unless it is a match itself (then the loop reports it).
                if (le + 1 < re)
                {
                    int ne = LineEnd(buf, le + 1, re);
                    ReadOnlySpan<byte> next = buf.AsSpan(le + 1, ne - le - 1);
                    if (!IsMatchLine(next))
                    {
                        Emit(lineNo + 1, next, ne < re, isMatch: false);
                    }
                }
                else if (le + 1 == re && !eof)
                {
                    pendingAfter = true;
                }
            }

            searchFrom = le + 1;
        }

        return countedLine + buf.AsSpan(countedPos, re - countedPos).Count((byte)'\n');
    }

    private static int LineEnd(byte[] buf, int from, int re)
    {
        int nl = buf.AsSpan(from, re - from).IndexOf((byte)'\n');
        return nl < 0 ? re : from + nl;
    }

    private bool IsMatchLine(ReadOnlySpan<byte> line) =>
        (_literal is null || _literal.IndexIn(line) >= 0) && RegexMatches(line);

    private bool RegexMatches(ReadOnlySpan<byte> line)
    {
        int max = Encoding.UTF8.GetMaxCharCount(line.Length);
        if (_chars.Length < max)
        {
            _chars = new char[Math.Max(max, _chars.Length * 2)];
        }

        int n = Encoding.UTF8.GetChars(line, _chars);
        return _regex.IsMatch(_chars.AsSpan(0, n));
    }

    private void Emit(long number, ReadOnlySpan<byte> line, bool hasNewline, bool isMatch)
    {
        if (number <= _lastEmitted)
        {
            return;
        }

        _lastEmitted = number;
        _messages++;
        if (_messages > MaxStoredMessages)
        {
            return;
        }

        string? text = null;
        if (System.Text.Unicode.Utf8.IsValid(line))
        {
            text = Encoding.UTF8.GetString(line);
            int length = text.Length + (hasNewline ? 1 : 0);
            if (length > MaxLineLength)
            {
                text = (hasNewline ? text + "\n" : text)[..MaxLineLength] + " [truncated...]";
            }
        }

        _lines.Add(new SearchLine(number, text, isMatch));
    }
}
