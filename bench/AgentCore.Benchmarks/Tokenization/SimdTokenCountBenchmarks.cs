using System.Text;
using AgentCore.Diagnostics.Workloads;
using AgentCore.Tokenization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace AgentCore.Benchmarks.Tokenization;

/// <summary>
/// The seed's "SIMD token counting" pair: the same count of a 1 MB mixed corpus with the Vector256/Vector128 paths
/// (default) and with hardware intrinsics off (<c>DOTNET_EnableHWIntrinsic=0</c>: every <c>IsHardwareAccelerated</c>
/// check is false, so the scalar paths run; baseline). Same code, same input, two processes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class SimdTokenCountBenchmarks
{
    private byte[] _utf8 = [];

    [GlobalSetup]
    public void Setup() => _utf8 = Encoding.UTF8.GetBytes(TokenCorpus.Mixed(1_000_000));

    [Benchmark]
    public int CountO200k() => Tokenizer.O200kBase.CountTokensUtf8(_utf8);

    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithId("scalar (EnableHWIntrinsic=0)").WithEnvironmentVariables(new EnvironmentVariable("DOTNET_EnableHWIntrinsic", "0")).AsBaseline());
            AddJob(Job.ShortRun.WithId("Vector256/128"));
        }
    }
}
