using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AgentCore.Host.Tests.Hostile;

/// <summary>The outcome of one bounded run of the published binary.</summary>
/// <param name="ExitCode">The exit code (-1 when the run was killed).</param>
/// <param name="StdOut">The first <see cref="BoundedRun.KeptOutputBytes"/> bytes of stdout, as UTF-8.</param>
/// <param name="StdOutBytes">How many bytes stdout carried in all (until it was closed).</param>
/// <param name="StdErr">Everything written to stderr.</param>
/// <param name="PeakRssBytes">The highest VmHWM read from /proc while the process ran.</param>
/// <param name="KilledForMemory">True when the run passed the memory ceiling and was killed.</param>
public sealed record BoundedResult(int ExitCode, string StdOut, long StdOutBytes, string StdErr, long PeakRssBytes, bool KilledForMemory)
{
    /// <summary>Peak RSS in MiB, for messages.</summary>
    public double PeakMiB => PeakRssBytes / 1048576.0;
}

/// <summary>
/// Runs <c>agentcore</c> under a memory ceiling and a time limit: the child is killed once its resident set passes
/// the ceiling (polled from <c>/proc/&lt;pid&gt;/status</c>) or when the limit passes, so a regression to unbounded
/// growth fails the test instead of taking the machine down. Peak RSS is the kernel's VmHWM, read until exit.
/// </summary>
public static class BoundedRun
{
    /// <summary>Stdout bytes kept for assertions; the rest is counted and dropped.</summary>
    public const int KeptOutputBytes = 1 << 16;

    /// <summary>
    /// Runs the binary with <paramref name="args"/>. <paramref name="feedStdin"/> writes stdin (then it is closed);
    /// <paramref name="closeStdoutAfter"/> closes the read end of stdout after that many bytes (a reader that goes
    /// away, like <c>head -c</c>); <paramref name="onStdout"/> sees each stdout read as it arrives.
    /// </summary>
    public static BoundedResult Run(
        IEnumerable<string> args,
        long ceilingBytes,
        Func<Stream, CancellationToken, Task>? feedStdin = null,
        int closeStdoutAfter = -1,
        Action<ReadOnlyMemory<byte>>? onStdout = null,
        int timeoutMs = 300_000)
    {
        var psi = new ProcessStartInfo(AgentCoreProcess.BinaryPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AgentCoreProcess.RepositoryRoot,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        using var stop = new CancellationTokenSource();
        var kept = new MemoryStream();
        long total = 0;
        Task outTask = Task.Run(async () =>
        {
            Stream stdout = p.StandardOutput.BaseStream;
            byte[] buffer = new byte[65536];
            try
            {
                int n;
                while ((n = await stdout.ReadAsync(buffer)) > 0)
                {
                    if (kept.Length < KeptOutputBytes)
                    {
                        await kept.WriteAsync(buffer.AsMemory(0, (int)Math.Min(n, KeptOutputBytes - kept.Length)));
                    }

                    total += n;
                    onStdout?.Invoke(buffer.AsMemory(0, n));
                    if (closeStdoutAfter >= 0 && total >= closeStdoutAfter)
                    {
                        break;
                    }
                }
            }
            finally
            {
                await stdout.DisposeAsync();
            }
        });
        Task<string> errTask = p.StandardError.ReadToEndAsync();
        Task inTask = Task.Run(async () =>
        {
            Stream stdin = p.StandardInput.BaseStream;
            try
            {
                if (feedStdin is not null)
                {
                    await feedStdin(stdin, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The process stopped reading (exited, or was killed).
            }
            finally
            {
                try
                {
                    await stdin.DisposeAsync();
                }
                catch (IOException)
                {
                }
            }
        });

        long peak = 0;
        bool killedForMemory = false;
        var clock = Stopwatch.StartNew();
        while (!p.WaitForExit(20))
        {
            peak = Math.Max(peak, ReadHighWaterMark(p.Id));
            if (peak > ceilingBytes)
            {
                killedForMemory = true;
                p.Kill(entireProcessTree: true);
                break;
            }

            if (clock.ElapsedMilliseconds > timeoutMs)
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
                stop.Cancel();
                Assert.Fail($"agentcore {string.Join(' ', psi.ArgumentList)} did not exit within {timeoutMs / 1000} s (peak RSS {peak / 1048576.0:0.0} MiB)");
            }
        }

        p.WaitForExit();
        stop.Cancel();
        inTask.Wait(10_000);
        outTask.Wait(10_000);
        string stderr = errTask.Wait(10_000) ? errTask.Result : "";
        return new BoundedResult(killedForMemory ? -1 : p.ExitCode, Encoding.UTF8.GetString(kept.ToArray()), total, stderr, peak, killedForMemory);
    }

    /// <summary>Writes <paramref name="line"/> repeatedly until <paramref name="bytes"/> bytes were written (or forever when negative).</summary>
    public static Func<Stream, CancellationToken, Task> Repeat(string line, long bytes) => async (stdin, ct) =>
    {
        byte[] block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, Math.Max(1, 65536 / line.Length))));
        long written = 0;
        while (bytes < 0 || written < bytes)
        {
            int n = bytes < 0 ? block.Length : (int)Math.Min(block.Length, bytes - written);
            await stdin.WriteAsync(block.AsMemory(0, n), ct);
            written += n;
        }
    };

    /// <summary>A temporary file of <paramref name="bytes"/> bytes, all <paramref name="fill"/> (deleted by the caller).</summary>
    public static string FileOf(byte fill, long bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), $"agentcore-hostile-{Guid.NewGuid():N}");
        byte[] block = new byte[1 << 20];
        block.AsSpan().Fill(fill);
        using var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        for (long done = 0; done < bytes; done += block.Length)
        {
            f.Write(block, 0, (int)Math.Min(block.Length, bytes - done));
        }

        return path;
    }

    /// <summary>A temporary file of <paramref name="line"/> repeated up to <paramref name="bytes"/> bytes (deleted by the caller).</summary>
    public static string FileOfLines(string line, long bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), $"agentcore-hostile-{Guid.NewGuid():N}");
        using var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        Repeat(line, bytes)(f, CancellationToken.None).GetAwaiter().GetResult();
        return path;
    }

    private static long ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    string kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has just exited.
        }

        return 0;
    }
}
