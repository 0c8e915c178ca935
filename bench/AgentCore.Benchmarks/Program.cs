using BenchmarkDotNet.Running;

namespace AgentCore.Benchmarks;

internal static class Program
{
    private static void Main(string[] args)
    {
        if (Streaming.StreamingLoopbackHarness.TryRun(args))
        {
            return;
        }

        // `--dump-parsing-corpus DIR` writes the parsing benchmark replies as files (for timing `agentcore parse`
        // and the reference under Node on the very same text).
        if (args is ["--dump-parsing-corpus", string dir])
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "reply-19619.txt"), AgentCore.Diagnostics.Workloads.ReplyCorpus.WriteToFileReply());
            File.WriteAllText(Path.Combine(dir, "reply-1048576.txt"), AgentCore.Diagnostics.Workloads.ReplyCorpus.MixedReply(1_048_576));
            return;
        }

        if (args is ["scope-overhead", ..])
        {
            Diagnostics.ScopeOverheadHarness.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
            return;
        }

        // `scope-cost [rounds]`: ScopeCostBenchmarks' two variants in interleaved child processes (docs/performance.md).
        if (args is ["scope-cost", ..])
        {
            Diagnostics.ScopeCostHarness.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
            return;
        }

        if (args is ["scope-cost-child"])
        {
            Diagnostics.ScopeCostHarness.RunChild();
            return;
        }

        if (args is ["compare", ..])
        {
            Environment.Exit(RegressionCompare.Run(args[1..]));
        }

        // `--dump-token-corpus DIR` writes the tokenizer benchmark's mixed corpus as a file (for `agentcore tokens`
        // peak-RSS and throughput runs, docs/performance.md "Bounded tokenizer memory").
        if (args is ["--dump-token-corpus", string tokenDir])
        {
            Directory.CreateDirectory(tokenDir);
            File.WriteAllText(Path.Combine(tokenDir, "mixed.txt"), AgentCore.Diagnostics.Workloads.TokenCorpus.Mixed());
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
