using System.Diagnostics;
using System.Text;
using AgentCore.Conversations;
using AgentCore.IO;

namespace AgentCore.Tests.Conversations;

public sealed class CrashSafetyTests
{
    public const string ChildVerb = "atomic-write-loop";
    private const int Kills = 200;
    private const int Workers = 4;

    private static readonly byte[] s_initial = Content('i', 500);
    private static readonly byte[] s_a = Content('a', 3000);
    private static readonly byte[] s_b = Content('b', 1500);

    /// <summary>The child: saves A and B alternately to the file forever (until killed).</summary>
    public static int RunChild(string[] args)
    {
        string path = args[0];
        AtomicFile.Write(path, s_b); // warm: the kill then lands in a steady loop of saves
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        for (int i = 0; ; i++)
        {
            AtomicFile.Write(path, (i & 1) == 0 ? s_a : s_b);
        }
    }

    [Fact]
    public void Write_ChildSigkilledAtRandomPoints_TargetAlwaysOldOrNewAndNextSaveSucceeds()
    {
        string root = Directory.CreateTempSubdirectory("agentcore-crash-").FullName;
        int newer = 0, older = 0, locksLeft = 0;
        try
        {
            Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, worker =>
            {
                var random = new Random(1234 + worker);
                string path = Path.Combine(root, $"w{worker}", "tasks", "t", "api_conversation_history.json");
                AtomicFile.Write(path, s_initial);
                for (int k = 0; k < Kills / Workers; k++)
                {
                    RunAndKill(path, random.Next(0, 25));
                    byte[] now = File.ReadAllBytes(path);
                    Assert.True(now.AsSpan().SequenceEqual(s_a) || now.AsSpan().SequenceEqual(s_b),
                        $"torn or missing file after kill {k} of worker {worker}: {now.Length} bytes");
                    Interlocked.Increment(ref now.AsSpan().SequenceEqual(s_a) ? ref newer : ref older);

                    string lockDir = path + ".lock";
                    if (Directory.Exists(lockDir))
                    {
                        // A lock left by the killed writer blocks saves only until it is stale: age it past the 31 s.
                        Interlocked.Increment(ref locksLeft);
                        Directory.SetLastWriteTimeUtc(lockDir, DateTime.UtcNow - AtomicFile.StaleLockAge - TimeSpan.FromSeconds(1));
                    }

                    AtomicFile.Write(path, s_initial);
                    Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(s_initial));
                    Assert.False(Directory.Exists(lockDir));
                }
            });

            // The kills landed inside saves (a lock was left behind) and at both phases of the A/B alternation.
            Assert.True(locksLeft > Kills / 4, $"only {locksLeft} of {Kills} kills interrupted a save");
            Assert.True(newer > 0 && older > 0, $"A {newer} times, B {older} times");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void RunAndKill(string path, int delayMs)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentCore.Tests.dll"));
        psi.ArgumentList.Add(ChildVerb);
        psi.ArgumentList.Add(path);
        psi.Environment["DOTNET_TieredPGO"] = "0";
        using var child = Process.Start(psi)!;
        try
        {
            Assert.Equal("ready", child.StandardOutput.ReadLine());
            Thread.Sleep(delayMs);
        }
        finally
        {
            child.Kill(); // SIGKILL on Unix
            child.WaitForExit();
        }
    }

    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? process = Environment.ProcessPath;
        return process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
    }

    private static byte[] Content(char letter, int items)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < items; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append("{\"role\":\"user\",\"content\":\"").Append(letter, 10).Append(i).Append("\"}");
        }

        return Encoding.UTF8.GetBytes(sb.Append(']').ToString());
    }
}
