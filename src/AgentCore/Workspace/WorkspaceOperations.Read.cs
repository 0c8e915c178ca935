using System.Globalization;
using System.Text;
using AgentCore.Operations;
using Microsoft.Win32.SafeHandles;

namespace AgentCore.Workspace;

public static partial class WorkspaceOperations
{
    /// <summary>The most text one read returns (a whole file or a range); more is refused with <see cref="ErrorCodes.TooLarge"/>.</summary>
    public const int MaxReadBytes = 5 * 1024 * 1024;

    private static readonly string[] s_imageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".ico", ".tiff", ".tif", ".avif"];

    /// <summary>
    /// Reads a file as the extension's <c>read_file</c> shows it: the classic XML form (line numbers, ranges, empty-file
    /// and binary notices) or, with <see cref="ReadFileRequest.Mode"/> <c>slice</c>, the 2026 form. Files are read in
    /// blocks; memory stays bounded on any file (a file over 5 MiB is shown as the reference's 100 KB preview).
    /// </summary>
    public static Task<ReadFileResult> ReadFileAsync(ReadFileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        string root = WorkspacePaths.Root(request.WorkspaceRoot);
        string abs = WorkspacePaths.Resolve(root, request.Path, request.AllowOutsideWorkspace);
        string rel = JsPath.Relative(root, abs);
        bool modern = request.Mode is not null;
        if (modern && request.Mode != "slice")
        {
            OperationException.Throw(request.Mode == "indentation" ? ErrorCodes.Unsupported : ErrorCodes.InvalidArgument,
                request.Mode == "indentation" ? "mode: indentation is not supported; use slice" : $"mode: must be slice or indentation, got '{request.Mode}'", "mode");
        }

        if (Directory.Exists(abs))
        {
            if (modern)
            {
                return Task.FromResult(new ReadFileResult($"Error: Cannot read '{request.Path}' because it is a directory. Use list_files tool instead.", 0, false));
            }

            OperationException.Throw(ErrorCodes.IsDirectory, $"{request.Path}: is a directory", request.Path);
        }

        if (!modern && request.StartLine is int s0 && request.EndLine is int e0 && s0 > e0)
        {
            OperationException.ThrowInvalidArgument("startLine", "Invalid line range: end line cannot be less than start line");
        }

        if ((request.StartLine ?? 1) < 1 || (request.EndLine ?? 1) < 1)
        {
            OperationException.ThrowInvalidArgument("startLine", "Invalid line range values");
        }

        return Task.Run(() =>
        {
            RooIgnoreController rooIgnore = RooIgnoreController.Load(root);
            if (!rooIgnore.ValidateAccess(abs))
            {
                string denied = modern
                    ? $"File: {rel}\nError: {{\"status\":\"error\",\"type\":\"access_denied\",\"message\":\"Access blocked by .rooignore\",\"path\":\"{rel}\",\"suggestion\":\"Try to continue without this file, or ask the user to update the .rooignore file\"}}"
                    : $"<files>\n<file><path>{rel}</path><error>Access to {rel} is blocked by the .rooignore file settings. You must try to continue in the task without using this file, or ask the user to update the .rooignore file.</error></file>\n</files>";
                return new ReadFileResult(denied, 0, false);
            }

            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(abs, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                throw new OperationException(FileErrors.From(e, request.Path));
            }

            using (handle)
            {
                Span<byte> sample = stackalloc byte[BinaryDetector.SampleBytes];
                int n = RandomAccess.Read(handle, sample, 0);
                if (BinaryDetector.IsBinary(sample[..n]))
                {
                    string ext = Path.GetExtension(abs);
                    string format = ext.Length > 1 ? ext[1..].ToLowerInvariant() : "bin";
                    if (s_imageExtensions.Contains(ext.ToLowerInvariant()))
                    {
                        format = ext[1..].ToLowerInvariant();
                    }

                    string text = modern
                        ? $"File: {rel}\nBinary file ({format}) - content not displayed"
                        : $"<files>\n<file><path>{rel}</path>\n<binary_file format=\"{format}\">Binary file - content not displayed</binary_file>\n</file>\n</files>";
                    return new ReadFileResult(text, -1, true);
                }

                return modern ? ReadSlice(handle, rel, request, ct) : ReadClassic(handle, abs, rel, request, ct);
            }
        }, ct);
    }

    private static ReadFileResult ReadClassic(SafeFileHandle handle, string abs, string rel, ReadFileRequest request, CancellationToken ct)
    {
        long size = RandomAccess.GetLength(handle);
        string info;
        long totalLines;
        if (request.StartLine is null && request.EndLine is null)
        {
            if (size > MaxReadBytes)
            {
                // The reference's preview of files over 5 MB: the first 100 KB.
                (string previewText, _) = ReadLines(handle, 1, long.MaxValue, 100 * 1024, allowCut: true, ct);
                totalLines = CountLines(handle, ct);
                string numbered = ReadFileFormatter.AddLineNumbers(previewText);
                long shown = previewText.Length == 0 ? 0 : previewText.Split('\n').Length - (previewText.EndsWith('\n') ? 1 : 0);
                info = $"<content lines=\"1-{shown}\">\n{numbered}</content>\n<notice>Preview: Showing first 0.1MB of {(size / 1024.0 / 1024.0).ToString("0.00", CultureInfo.InvariantCulture)}MB file. Use line_range to read specific sections.</notice>\n";
            }
            else
            {
                (string content, long lines) = ReadLines(handle, 1, long.MaxValue, MaxReadBytes, allowCut: false, ct);
                totalLines = lines;
                info = totalLines == 0
                    ? "<content/><notice>File is empty</notice>\n"
                    : $"<content lines=\"1-{totalLines}\">\n{ReadFileFormatter.AddLineNumbers(content)}</content>\n";
            }
        }
        else
        {
            long start = request.StartLine ?? 1;
            totalLines = CountLines(handle, ct);
            long end = request.EndLine ?? Math.Max(totalLines, start);
            if (start - 1 >= totalLines)
            {
                info = $"<error>Error reading file: Line with index {start - 1} does not exist in '{abs}'. Note that line indexing is zero-based</error>";
                return new ReadFileResult($"<files>\n<file><path>{rel}</path>{info}</file>\n</files>", totalLines, false);
            }

            (string content, _) = ReadLines(handle, start, end, MaxReadBytes, allowCut: false, ct);
            info = $"<content lines=\"{start}-{end}\">\n{ReadFileFormatter.AddLineNumbers(content, start)}</content>\n";
        }

        return new ReadFileResult($"<files>\n<file><path>{rel}</path>\n{info}</file>\n</files>", totalLines, false);
    }

    private static ReadFileResult ReadSlice(SafeFileHandle handle, string rel, ReadFileRequest request, CancellationToken ct)
    {
        if (request.Offset < 1)
        {
            return new ReadFileResult($"Error: offset must be a 1-indexed line number (got {request.Offset}). Line numbers start at 1.", 0, false);
        }

        if (request.Limit < 1)
        {
            OperationException.ThrowInvalidArgument("limit", $"limit: must be 1 or more, got {request.Limit}");
        }

        // split("\n") elements: the newline count plus one (a trailing "\n" yields a trailing empty line).
        long total = CountNewlines(handle, ct) + 1;
        long offset0 = request.Offset - 1;
        if (offset0 >= total)
        {
            return new ReadFileResult($"File: {rel}\nError: offset {offset0} is beyond file end ({total} lines)", total, false);
        }

        long last = Math.Min(offset0 + request.Limit, total);
        int width = last.ToString(CultureInfo.InvariantCulture).Length;
        var sb = new StringBuilder();
        using (var reader = new LineReader(new SafeFileHandle(handle.DangerousGetHandle(), ownsHandle: false), MaxLineBytesForSlice))
        {
            long lineNo = 0;
            while (lineNo < last && reader.Next(ct))
            {
                lineNo++;
                if (lineNo <= offset0)
                {
                    continue;
                }

                string text = DecodeUtf8(reader.Line);
                if (text.Length > ReadFileFormatter.MaxLineLength || reader.Cut)
                {
                    text = text[..Math.Min(text.Length, ReadFileFormatter.MaxLineLength - 3)] + "...";
                }

                AppendSliceLine(sb, lineNo, width, text);
            }

            // The empty element after a final "\n".
            if (lineNo < last)
            {
                AppendSliceLine(sb, lineNo + 1, width, "");
            }
        }

        string content = sb.ToString();
        bool truncated = last < total;
        string body = truncated
            ? $"IMPORTANT: File content truncated.\n\tStatus: Showing lines {offset0 + 1}-{last} of {total} total lines.\n\tTo read more: Use the read_file tool with offset={last + 1} and limit={request.Limit}.\n\t\n\t{content}"
            : content;
        return new ReadFileResult($"File: {rel}\n{body}", total, false);
    }

    // Enough bytes for 2,000 characters of any UTF-8 text.
    private const int MaxLineBytesForSlice = (ReadFileFormatter.MaxLineLength * 4) + 4;

    private static void AppendSliceLine(StringBuilder sb, long n, int width, string text)
    {
        if (sb.Length > 0)
        {
            sb.Append('\n');
        }

        sb.Append(n.ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append(" | ").Append(text);
    }

    // Lines start..end (1-based, inclusive) with their newlines, as readLines returns them; and the number of lines read.
    private static (string Text, long Lines) ReadLines(SafeFileHandle handle, long start, long end, int maxBytes, bool allowCut, CancellationToken ct)
    {
        var bytes = new MemoryStream();
        long lineNo = 0;
        using var reader = new LineReader(new SafeFileHandle(handle.DangerousGetHandle(), ownsHandle: false), maxBytes + 1);
        while (lineNo < end && reader.Next(ct))
        {
            lineNo++;
            if (lineNo < start)
            {
                continue;
            }

            if (bytes.Length + reader.Line.Length + 1 > maxBytes)
            {
                if (allowCut)
                {
                    int room = (int)Math.Max(0, maxBytes - bytes.Length);
                    bytes.Write(reader.Line[..Math.Min(room, reader.Line.Length)]);
                    break;
                }

                OperationException.Throw(ErrorCodes.TooLarge, $"lines {start}-{(end == long.MaxValue ? "end" : end.ToString(CultureInfo.InvariantCulture))}: more than {maxBytes} bytes; read a smaller line range", "path");
            }

            bytes.Write(reader.Line);
            if (reader.HadNewline)
            {
                bytes.WriteByte((byte)'\n');
            }
        }

        return (DecodeUtf8(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)), lineNo);
    }

    // readline's line count: newlines, plus one for a last line without one.
    private static long CountLines(SafeFileHandle handle, CancellationToken ct)
    {
        (long newlines, bool trailingPartial) = ScanNewlines(handle, ct);
        return newlines + (trailingPartial ? 1 : 0);
    }

    private static long CountNewlines(SafeFileHandle handle, CancellationToken ct) => ScanNewlines(handle, ct).Newlines;

    private static (long Newlines, bool TrailingPartial) ScanNewlines(SafeFileHandle handle, CancellationToken ct)
    {
        byte[] buf = System.Buffers.ArrayPool<byte>.Shared.Rent(256 * 1024);
        try
        {
            long offset = 0, count = 0;
            byte last = (byte)'\n';
            bool any = false;
            int n;
            while ((n = RandomAccess.Read(handle, buf, offset)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                count += buf.AsSpan(0, n).Count((byte)'\n');
                last = buf[n - 1];
                offset += n;
                any = true;
            }

            return (count, any && last != '\n');
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buf);
        }
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
