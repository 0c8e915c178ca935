using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace AgentCore.Host.Tests;

/// <summary>The result of one run of the published binary.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr, byte[] StdOutBytes);

/// <summary>Runs the published <c>agentcore</c> binary. A missing binary fails the test (it is never skipped).</summary>
public static class AgentCoreProcess
{
    private static readonly UTF8Encoding s_utf8 = new(false);

    /// <summary>The repository root (where the test project was built from).</summary>
    public static string RepositoryRoot { get; } =
        typeof(AgentCoreProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>Absolute path of the binary under test: $AGENTCORE_BIN, else dist/agentcore.</summary>
    public static string BinaryPath
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("AGENTCORE_BIN");
            string path = string.IsNullOrEmpty(env) ? Path.Combine(RepositoryRoot, "dist", "agentcore") : Path.GetFullPath(env);
            Assert.True(File.Exists(path), $"The published binary is missing at '{path}'. Run ./publish.sh first, or set AGENTCORE_BIN.");
            return path;
        }
    }

    /// <summary>Runs the binary with <paramref name="args"/>, feeding <paramref name="stdin"/> (UTF-8) if given.</summary>
    public static ProcessResult Run(IEnumerable<string> args, string? stdin = null, string? workingDirectory = null, int timeoutMs = 60_000)
        => Run(args, stdin is null ? null : s_utf8.GetBytes(stdin), workingDirectory, timeoutMs);

    /// <summary>Runs the binary with <paramref name="args"/>, feeding raw <paramref name="stdin"/> bytes if given.</summary>
    public static ProcessResult Run(IEnumerable<string> args, byte[]? stdin, string? workingDirectory = null, int timeoutMs = 60_000, string? binary = null)
    {
        var psi = new ProcessStartInfo(binary ?? BinaryPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdoutBuffer = new MemoryStream();
        Task outTask = p.StandardOutput.BaseStream.CopyToAsync(stdoutBuffer);
        Task<string> errTask = p.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                p.StandardInput.BaseStream.Write(stdin);
            }

            p.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process exited before reading all of stdin; its output says why.
        }

        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"agentcore {string.Join(' ', args)} did not exit within {timeoutMs} ms");
        }

        outTask.Wait();
        byte[] outBytes = stdoutBuffer.ToArray();
        return new ProcessResult(p.ExitCode, s_utf8.GetString(outBytes), errTask.Result, outBytes);
    }
}
