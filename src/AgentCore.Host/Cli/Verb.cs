namespace AgentCore.Host.Cli;

/// <summary>
/// One verb of the command line: binds the parsed arguments to an operation's request, calls the operation and
/// formats its result. Errors are not handled here: <see cref="CommandLine"/> maps every exception to the exit
/// code and one stderr line.
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

    /// <summary>The options the verb accepts (the global ones, <see cref="ParsedArgs.GlobalOptions"/>, come on top).</summary>
    public abstract ReadOnlySpan<OptionSpec> Options { get; }

    /// <summary>Runs the verb on already-parsed arguments; returns the exit code.</summary>
    public abstract Task<int> RunAsync(ParsedArgs args, VerbContext context, CancellationToken cancellationToken);
}
