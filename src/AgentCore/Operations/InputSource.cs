using System.Buffers;

namespace AgentCore.Operations;

/// <summary>
/// Where an operation reads its input from: a file path, an in-process stream (the CLI's stdin), or inline text
/// (a JSON-RPC / MCP request). Opening and reading map every file-system failure to an <see cref="OperationError"/>
/// that names the path.
/// </summary>
internal static class InputSource
{
    /// <summary>Read size for whole-input reads.</summary>
    private const int BlockSize = 64 * 1024;

    /// <summary>Opens the file <paramref name="path"/> for a sequential read; failures name the path.</summary>
    public static Stream OpenRead(string path)
    {
        ThrowIfEmpty(path, "path");
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw new OperationException(FileErrors.From(e, path));
        }
    }

    /// <summary>Throws <see cref="ErrorCodes.InvalidArgument"/> when <paramref name="path"/> is empty (it names no file).</summary>
    public static void ThrowIfEmpty(string path, string field)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            OperationException.ThrowInvalidArgument(field, "an empty path names no file");
        }
    }

    /// <summary>
    /// Reads the whole input named by <paramref name="path"/> / <paramref name="text"/> / <paramref name="stream"/>
    /// (exactly one is expected; <paramref name="stream"/> wins, then <paramref name="text"/>, then the path) as
    /// UTF-8 bytes, in blocks, checking <paramref name="cancellationToken"/> between blocks.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAllBytesAsync(string? path, string? text, Stream? stream, CancellationToken cancellationToken)
    {
        if (stream is not null)
        {
            return await ReadToEndAsync(stream, "-", cancellationToken).ConfigureAwait(false);
        }

        if (text is not null)
        {
            return System.Text.Encoding.UTF8.GetBytes(text);
        }

        if (path is null)
        {
            OperationException.ThrowInvalidArgument("path", "the request names no input (path or text)");
        }

        Stream file = OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            return await ReadToEndAsync(file, path, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end in blocks; a read failure names <paramref name="name"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadToEndAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        var output = new ArrayBufferWriter<byte>(stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 1, Array.MaxLength) : BlockSize);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Memory<byte> block = output.GetMemory(1);
                int n = await stream.ReadAsync(block, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                output.Advance(n);
            }
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw new OperationException(FileErrors.From(e, name));
        }

        return output.WrittenMemory;
    }
}
