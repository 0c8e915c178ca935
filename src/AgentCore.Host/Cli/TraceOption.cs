using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Host.Cli;

/// <summary>
/// The global <c>--trace FILE</c> option: records the profiling scopes of the verb it accompanies and writes them to
/// FILE as Chrome trace-event JSON. It may appear anywhere before a <c>--</c> argument terminator.
/// </summary>
internal static class TraceOption
{
    /// <summary>Removes <c>--trace FILE</c> / <c>--trace=FILE</c> from <paramref name="args"/>; the path, or null.</summary>
    public static ReadOnlySpan<string> Extract(ReadOnlySpan<string> args, out string? path)
    {
        path = null;
        int at = -1;
        for (int i = 0; i < args.Length && args[i] != "--"; i++)
        {
            if (args[i] == "--trace" || args[i].StartsWith("--trace=", StringComparison.Ordinal))
            {
                if (at >= 0)
                {
                    throw new UsageException("option '--trace' given more than once");
                }

                at = i;
            }
        }

        if (at < 0)
        {
            return args;
        }

        int width;
        if (args[at] == "--trace")
        {
            if (at + 1 >= args.Length)
            {
                throw new UsageException("option '--trace' needs a value");
            }

            path = args[at + 1];
            width = 2;
        }
        else
        {
            path = args[at]["--trace=".Length..];
            width = 1;
        }

        if (path.Length == 0)
        {
            throw new UsageException("option '--trace' needs a file name");
        }

        string[] rest = [.. args[..at], .. args[(at + width)..]];
        return rest;
    }

    /// <summary>Runs the command line <paramref name="args"/> with profiling on, then writes the trace to <paramref name="path"/>.</summary>
    public static int Run(string path, ReadOnlySpan<string> args, VerbContext context)
    {
        FileStream file;
        try
        {
            // Opened first, so a trace that cannot be written fails before any work is done.
            file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.Write($"agentcore: --trace: {FileErrors.From(e, path).Message}\n");
            return ExitCodes.Failure;
        }

        using (file)
        {
            Profiler.Start();
            int code = args.Length == 0 ? CommandLine.Run(["--help"], context) : CommandLine.Run(args, context);
            try
            {
                TraceWriteResult written = Profiler.StopAndWrite(file);
                file.Flush();
                if (written.Dropped > 0)
                {
                    context.Error.Write($"agentcore: trace {path}: {written.Dropped} events dropped (the buffer keeps {Profiler.DefaultCapacity})\n");
                }
            }
            catch (IOException e)
            {
                context.Error.Write($"agentcore: --trace: {FileErrors.From(e, path).Message}\n");
                return code == ExitCodes.Ok ? ExitCodes.Failure : code;
            }

            return code;
        }
    }
}
