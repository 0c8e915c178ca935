using AgentCore.Operations;

namespace AgentCore.Host.Cli;

/// <summary>
/// Writes the Chrome trace of a run for <c>--trace FILE</c>. The one call site is in <see cref="CommandLine"/>, after
/// the verb; the observability work replaces the body with the real profiling scopes.
/// </summary>
internal static class TraceOutput
{
    /// <summary>Writes the trace to <paramref name="path"/>: for now a valid trace without events, <c>{"traceEvents":[]}</c>.</summary>
    /// <exception cref="OperationException">The file cannot be written (the message names it).</exception>
    public static void Write(string path)
    {
        try
        {
            File.WriteAllText(path, "{\"traceEvents\":[]}\n");
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw new OperationException(FileErrors.From(e, path));
        }
    }
}
