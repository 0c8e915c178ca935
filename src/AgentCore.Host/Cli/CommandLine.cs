using System.Text;
using AgentCore.Diagnostics;

namespace AgentCore.Host.Cli;

/// <summary>Entry point of the command line: global flags, verb lookup, error reporting and exit codes.</summary>
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

    /// <summary>Runs the process on its real standard streams.</summary>
    public static int Run(string[] args)
    {
        // stdout is block-buffered (results can be large); it is flushed before exit, or by a verb that streams.
        using Stream stdoutStream = Console.OpenStandardOutput();
        var stdout = new Utf8Output(stdoutStream);
        using var stderr = new StreamWriter(Console.OpenStandardError(), VerbContext.Utf8NoBom, bufferSize: 1024) { AutoFlush = true };
        var context = new VerbContext(Console.OpenStandardInput, stdout, stderr);

        // Slow-operation lines (one structured line per slow operation, rate-limited) are for long-running work:
        // `soak` turns them on; a one-shot verb only with AGENTCORE_SLOW_WARNINGS=1 (its whole run is one operation).
        SlowOperationWarnings.Output = stderr;
        SlowOperationWarnings.Enabled = Environment.GetEnvironmentVariable("AGENTCORE_SLOW_WARNINGS") == "1";
        int code = Run(args, context);
        try
        {
            stdout.Flush();
        }
        catch (IOException)
        {
            // The reader went away (e.g. `| head`): nothing more can be reported on stdout.
        }

        return code;
    }

    /// <summary>Runs one command line against <paramref name="context"/>; returns the exit code.</summary>
    public static int Run(ReadOnlySpan<string> args, VerbContext context)
    {
        if (args.Length == 0)
        {
            context.Error.Write(GlobalUsage());
            return ExitCodes.Usage;
        }

        string first = args[0];
        switch (first)
        {
            case "--version":
            case "-V":
                if (args.Length > 1)
                {
                    return UsageError(context, $"'--version' takes no arguments; got '{args[1]}'");
                }

                context.Out.Write("agentcore ");
                context.Out.Write(Version);
                context.Out.Write('\n');
                return ExitCodes.Ok;
            case "--help":
            case "-h":
            case "help":
                if (args.Length > 1 && first == "help")
                {
                    Verb? helpVerb = VerbTable.Find(args[1]);
                    if (helpVerb is null)
                    {
                        return UsageError(context, $"unknown verb '{args[1]}' (see 'agentcore --help')");
                    }

                    context.Out.Write(helpVerb.Usage);
                    return ExitCodes.Ok;
                }

                context.Out.Write(GlobalUsage());
                return ExitCodes.Ok;
        }

        string? tracePath;
        try
        {
            args = TraceOption.Extract(args, out tracePath);
        }
        catch (UsageException e)
        {
            return UsageError(context, e.Message);
        }

        if (tracePath is not null)
        {
            return TraceOption.Run(tracePath, args, context);
        }

        Verb? verb = VerbTable.Find(first);
        if (verb is null)
        {
            return UsageError(context, first.StartsWith('-')
                ? $"unknown option '{first}' (see 'agentcore --help')"
                : $"unknown verb '{first}' (see 'agentcore --help')");
        }

        ParsedArgs parsed;
        try
        {
            parsed = ParsedArgs.Parse(verb.Name, args[1..], verb.Options);
        }
        catch (UsageException e)
        {
            return UsageError(context, e.Message);
        }

        if (parsed.HelpRequested)
        {
            context.Out.Write(verb.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            using OperationScope operation = OperationMetrics.Begin(verb.OperationName);
            return verb.Run(parsed, context);
        }
        catch (UsageException e)
        {
            return UsageError(context, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Error.Write($"agentcore {verb.Name}: {e.Message}\n");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // A defect, not a user error: still one clear line and exit 1, never a runtime crash dump.
            context.Error.Write($"agentcore {verb.Name}: internal error ({e.GetType().Name}): {e.Message}\n");
            return ExitCodes.Failure;
        }
    }

    private static int UsageError(VerbContext context, string message)
    {
        context.Error.Write($"agentcore: {message}\n");
        return ExitCodes.Usage;
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

        sb.Append("\nGlobal option (any verb): --trace FILE  writes the verb's profiling scopes to FILE as Chrome trace-event\n");
        sb.Append("JSON (open it in ui.perfetto.dev or chrome://tracing).\n");
        sb.Append("\nResults go to stdout, errors to stderr. Exit codes: 0 ok, 1 failure, 2 wrong command line.\n");
        return sb.ToString();
    }
}
