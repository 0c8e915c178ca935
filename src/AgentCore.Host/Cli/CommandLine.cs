using System.Runtime.InteropServices;
using System.Text;
using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Host.Cli;

/// <summary>
/// Entry point of the command line: global options, verb lookup, the Ctrl-C handler, and the one place where an
/// operation's failure becomes an exit code and one stderr line (<c>agentcore VERB: message</c>).
/// </summary>
internal static class CommandLine
{
    /// <summary>The product version, <c>major.minor.patch</c>, from the assembly (set once in Directory.Build.props).</summary>
    public static string Version
    {
        get
        {
            Version v = typeof(CommandLine).Assembly.GetName().Version ?? new Version(0, 0, 0);
            return $"{v.Major}.{v.Minor}.{v.Build}";
        }
    }

    /// <summary>Runs the process on its real standard streams; Ctrl-C (SIGINT) cancels the running operation.</summary>
    public static int Run(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        // stdout is block-buffered (results can be large); it is flushed before exit, or by a verb that streams. A
        // failed write cancels the operation, so work stops as soon as its output cannot go anywhere.
        using Stream stdoutStream = StdoutStream.Open();
        var stdout = new Utf8Output(stdoutStream, onFailure: cancel.Cancel);
        using var stderr = new StreamWriter(Console.OpenStandardError(), VerbContext.Utf8NoBom, bufferSize: 1024) { AutoFlush = true };
        // Synchronized: soak's progress lines and slow-operation lines come from several threads.
        TextWriter errors = TextWriter.Synchronized(stderr);
        var context = new VerbContext(Console.OpenStandardInput, stdout, errors);

        // Slow-operation lines (one structured line per slow operation, rate-limited) are for long-running work:
        // `soak` turns them on; a one-shot verb only with AGENTCORE_SLOW_WARNINGS=1 (its whole run is one operation).
        SlowOperationWarnings.Output = errors;
        SlowOperationWarnings.Enabled = Environment.GetEnvironmentVariable("AGENTCORE_SLOW_WARNINGS") == "1";

        // The first Ctrl-C cancels the operation (exit 130 after it has stopped); a second one, if the operation does
        // not stop, ends the process the default way.
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            if (!cancel.IsCancellationRequested)
            {
                signal.Cancel = true;
                // Callbacks and the continuations they resume run on the pool, not on the runtime's signal thread:
                // a later Ctrl-C must still be delivered while the operation unwinds.
                _ = cancel.CancelAsync();
            }
        });

        return RunAsync(args, context, cancel.Token).GetAwaiter().GetResult();
    }

    /// <summary>Runs one command line against <paramref name="context"/>, flushing its stdout at the end; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, VerbContext context, CancellationToken cancellationToken)
    {
        string name = "";
        int code;
        try
        {
            code = await DispatchAsync(args, context, cancellationToken, verb => name = verb).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            code = Report(name, e, context);
            if (context.Out.Failure is not null)
            {
                return code;
            }
        }

        // Results written before a failure still go out; the final flush is checked like every other write.
        try
        {
            context.Out.Flush();
        }
        catch (OutputException e)
        {
            return Report(name, e, context);
        }

        return code;
    }

    private static async Task<int> DispatchAsync(string[] args, VerbContext context, CancellationToken cancellationToken, Action<string> started)
    {
        // Global options may come before the verb: agentcore --trace run.json tokens a.txt
        int first = 0;
        while (first < args.Length && IsGlobalOption(args[first], out bool takesNext))
        {
            first += takesNext ? 2 : 1;
        }

        if (first >= args.Length)
        {
            if (args.Length == 0)
            {
                context.WriteError(GlobalUsage());
                return ExitCodes.Usage;
            }

            throw new UsageException(first > args.Length ? $"option '{args[^1]}' needs a value" : "a verb is missing (see 'agentcore --help')");
        }

        string verbName = args[first];
        switch (verbName)
        {
            case "--version":
            case "-V":
                if (args.Length > first + 1)
                {
                    throw new UsageException($"'--version' takes no arguments; got '{args[first + 1]}'");
                }

                context.Out.Write("agentcore ");
                context.Out.Write(Version);
                context.Out.Write('\n');
                return ExitCodes.Ok;
            case "--help":
            case "-h":
            case "help":
                if (args.Length > first + 1 && verbName == "help")
                {
                    Verb helpVerb = VerbTable.Find(args[first + 1]) ?? throw new UsageException($"unknown verb '{args[first + 1]}' (see 'agentcore --help')");
                    context.Out.Write(helpVerb.Usage);
                    return ExitCodes.Ok;
                }

                context.Out.Write(GlobalUsage());
                return ExitCodes.Ok;
        }

        Verb verb = VerbTable.Find(verbName) ?? throw new UsageException(verbName.StartsWith('-')
            ? $"unknown option '{verbName}' (see 'agentcore --help')"
            : $"unknown verb '{verbName}' (see 'agentcore --help')");
        ParsedArgs parsed = ParsedArgs.Parse(verb.Name, [.. args.AsSpan(0, first), .. args.AsSpan(first + 1)], verb.Options);
        if (parsed.HelpRequested)
        {
            context.Out.Write(verb.Usage);
            return ExitCodes.Ok;
        }

        started(verb.Name);
        string? tracePath = parsed.Get("trace");

        // The trace file is opened before the work, so a path that cannot be written fails at once.
        FileStream? trace = tracePath is null ? null : TraceOutput.Open(tracePath);
        int code;
        try
        {
            using OperationScope operation = OperationMetrics.Begin(verb.OperationName);
            code = await verb.RunAsync(parsed, context, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The verb's failure is what gets reported; the trace of the failed run is written if it can be.
            TraceOutput.TryFinish(trace);
            throw;
        }

        if (trace is not null)
        {
            TraceOutput.Finish(trace, tracePath!, context);
        }

        return code;
    }

    /// <summary>The one mapping from a failure to its stderr line and exit code.</summary>
    private static int Report(string verb, Exception e, VerbContext context)
    {
        string prefix = verb.Length == 0 ? "agentcore: " : $"agentcore {verb}: ";

        // A failed write to stdout comes first: the cancellation it triggered is its consequence, not the cause.
        if (context.Out.Failure is IOException output)
        {
            if (FileErrors.IsBrokenPipe(output))
            {
                return ExitCodes.Ok;
            }

            context.WriteError($"{prefix}{FileErrors.From(output, "stdout").Message}\n");
            return ExitCodes.Failure;
        }

        switch (e)
        {
            case OutputException { Failure: var failure }:
                // A server's stdout (ServerHost), which is not context.Out.
                if (FileErrors.IsBrokenPipe(failure))
                {
                    return ExitCodes.Ok;
                }

                context.WriteError($"{prefix}{FileErrors.From(failure, "stdout").Message}\n");
                return ExitCodes.Failure;
            case UsageException:
                context.WriteError($"agentcore: {e.Message}\n");
                return ExitCodes.Usage;
            case OperationException { Error: var error }:
                context.WriteError($"{prefix}{error.Message}\n");
                return error.Code switch
                {
                    ErrorCodes.InvalidArgument => ExitCodes.Usage,
                    ErrorCodes.Cancelled => ExitCodes.Cancelled,
                    _ => ExitCodes.Failure,
                };
            case OperationCanceledException:
                context.WriteError($"{prefix}cancelled\n");
                return ExitCodes.Cancelled;
            case IOException or UnauthorizedAccessException:
                // A file error that an operation did not attribute to a path.
                context.WriteError($"{prefix}{FileErrors.From(e, "input").Message}\n");
                return ExitCodes.Failure;
            default:
                // A defect, not a user error: still one clear line and exit 1, never a runtime crash dump.
                context.WriteError($"{prefix}internal error ({e.GetType().Name}): {e.Message}\n");
                return ExitCodes.Failure;
        }
    }

    private static bool IsGlobalOption(string arg, out bool takesNext)
    {
        takesNext = false;
        foreach (OptionSpec spec in ParsedArgs.GlobalOptions)
        {
            string option = "--" + spec.Name;
            if (arg == option)
            {
                takesNext = spec.TakesValue;
                return true;
            }

            if (spec.TakesValue && arg.StartsWith(option + "=", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string GlobalUsage()
    {
        var sb = new StringBuilder();
        sb.Append("agentcore ").Append(Version).Append(" - the native core of an AI coding assistant\n\n");
        sb.Append("Usage: agentcore <verb> [options] [arguments]\n");
        sb.Append("       agentcore --version | --help | <verb> --help\n\n");
        sb.Append("Verbs:\n");
        foreach (Verb v in VerbTable.All)
        {
            sb.Append("  ").Append(v.Name.PadRight(10)).Append(v.Summary).Append('\n');
        }

        sb.Append("\nEvery verb accepts --trace FILE (a Chrome trace-event JSON of the run; opens in Perfetto).\n");
        sb.Append("Results go to stdout, errors to stderr. Exit codes: 0 ok (also when the reader of stdout goes away:\n");
        sb.Append("a closed pipe ends the work quietly), 1 failure (including a failed write to stdout), 2 wrong command\n");
        sb.Append("line or request value, 130 cancelled (Ctrl-C).\n");
        return sb.ToString();
    }
}
