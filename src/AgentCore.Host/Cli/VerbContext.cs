using System.Text;

namespace AgentCore.Host.Cli;

/// <summary>The process streams a verb works with: stdout for results only, stderr for everything else.</summary>
internal sealed class VerbContext(Func<Stream> openStdin, Utf8Output stdout, TextWriter stderr)
{
    /// <summary>UTF-8 without a byte-order mark, as every output of the tool is written.</summary>
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Results (buffered UTF-8; flushed when the verb returns, or by the verb when it streams).</summary>
    public Utf8Output Out { get; } = stdout;

    /// <summary>Warnings and errors (unbuffered).</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>Writes one diagnostic line (<paramref name="line"/> ends with its line feed) to stderr at once.</summary>
    public void WriteError(string line) => Error.Write(line);

    /// <summary>Opens standard input as raw bytes.</summary>
    public Stream OpenStdin() => openStdin();

    /// <summary>Standard input when <paramref name="path"/> is <c>-</c> (the operation then reads it), else null (the operation opens the path).</summary>
    public Stream? StdinFor(string path) => path == "-" ? openStdin() : null;
}
