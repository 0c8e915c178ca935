using AgentCore.Host.Rpc;

namespace AgentCore.Host.Cli;

/// <summary>
/// Runs a stdio server for the serve and mcp verbs: until end of input or exit, or Ctrl-C (exit 130), or a failed
/// write to stdout (exit 1 with the reason, e.g. no space left on device; a closed pipe exits 0).
/// </summary>
internal static class ServerHost
{
    /// <summary>Runs <paramref name="server"/> on its own thread; returns its exit code.</summary>
    public static async Task<int> RunAsync(RpcServer server, CancellationToken cancellationToken)
    {
        // The reader blocks in read(2) on stdin, so it gets a thread of its own; Ctrl-C must not wait for it.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                server.Run();
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "rpc-reader",
        };
        thread.Start();
        try
        {
            await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);

            // A failed write to stdout stopped the server: reported like any verb's (a closed pipe ends quietly).
            return server.Output.Failure is IOException failure ? throw new OutputException(failure) : ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            server.CancelAll();
            return ExitCodes.Cancelled;
        }
    }
}
