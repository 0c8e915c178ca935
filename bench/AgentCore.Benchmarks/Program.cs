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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
