namespace AgentCore.Host.Cli;

/// <summary>
/// A write to stdout failed. Deliberately not an <see cref="IOException"/>: it passes through the library's
/// input-error handlers untouched, up to <see cref="CommandLine"/>, which reports it once (or, for a closed pipe,
/// ends quietly).
/// </summary>
internal sealed class OutputException(IOException inner) : Exception(inner.Message, inner)
{
    /// <summary>The write's failure.</summary>
    public IOException Failure { get; } = inner;
}
