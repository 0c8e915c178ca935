namespace AgentCore.Host.Cli;

/// <summary>
/// One verb of the command line. A verb parses its arguments (phase one, no I/O) and then runs
/// (phase two), writing results to stdout and diagnostics to stderr.
/// </summary>
internal abstract class Verb
{
    /// <summary>The verb as typed, e.g. <c>tokens</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The verb's name in metrics and traces: <c>verb.NAME</c>.</summary>
    public string OperationName => field ??= "verb." + Name;

    /// <summary>One line for the verb list of <c>agentcore --help</c>.</summary>
    public abstract string Summary { get; }

    /// <summary>The full text of <c>agentcore VERB --help</c>.</summary>
    public abstract string Usage { get; }

    /// <summary>The options the verb accepts.</summary>
    public abstract ReadOnlySpan<OptionSpec> Options { get; }

    /// <summary>Runs the verb on already-parsed arguments; returns the exit code.</summary>
    public abstract int Run(ParsedArgs args, VerbContext context);
}
