using AgentCore.Diagnostics;
using AgentCore.Operations;

namespace AgentCore.Host.Cli;

/// <summary>
/// The Chrome trace of a run for <c>--trace FILE</c>: the file is opened and the profiler started before the verb,
/// and the recorded scopes are written after it (<see cref="Profiler.StopAndWrite"/>). The one call site is in
/// <see cref="CommandLine"/>.
/// </summary>
internal static class TraceOutput
{
    /// <summary>Creates <paramref name="path"/> and starts the profiler.</summary>
    /// <exception cref="OperationException">The file cannot be created (the message names it).</exception>
    public static FileStream Open(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw new OperationException(FileErrors.From(e, path));
        }

        Profiler.Start();
        return file;
    }

    /// <summary>Stops the profiler and writes its events to <paramref name="file"/>; a note on stderr when events were dropped.</summary>
    /// <exception cref="OperationException">The file cannot be written (the message names it).</exception>
    public static void Finish(FileStream file, string path, VerbContext context)
    {
        using (file)
        {
            try
            {
                TraceWriteResult written = Profiler.StopAndWrite(file);
                file.Flush();
                if (written.Dropped > 0)
                {
                    context.WriteError($"agentcore: --trace {path}: {written.Dropped} events dropped (the trace keeps the first {Profiler.DefaultCapacity})\n");
                }
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                throw new OperationException(FileErrors.From(e, path));
            }
        }
    }

    /// <summary>Writes what was recorded, if anything can be written; never throws (the run is already failing).</summary>
    public static void TryFinish(FileStream? file)
    {
        if (file is null)
        {
            return;
        }

        using (file)
        {
            try
            {
                Profiler.StopAndWrite(file);
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                // Best effort: the verb's own error is the one reported.
            }
        }
    }
}
