// Last run (commit 807fce2; 2 cores shared with other builds, load average ~3; command and MB/s in
// docs/performance.md, Tokenization):
// BenchmarkDotNet v0.15.8, Linux Debian GNU/Linux 12 (bookworm)
// AMD EPYC 2.60GHz, 1 CPU, 2 logical and 2 physical cores
//   ShortRun : .NET 10.0.12 (10.0.12, 10.0.1226.42308), X64 RyuJIT x86-64-v4
// | Method                | Corpus       | Mean         | Error       | StdDev     | Ratio | Allocated  |
// | AgentCore_String      | mixed        |   175.345 ms | 264.1037 ms | 14.4764 ms |  0.30 |      672 B |
// | AgentCore_Utf8        | mixed        |   164.573 ms | 202.7933 ms | 11.1158 ms |  0.29 |        6 B |
// | MicrosoftMLTokenizers | mixed        |   787.437 ms | 752.2146 ms | 41.2314 ms |  1.37 | 24180912 B |
// | SharpToken            | mixed        |   577.241 ms | 437.1351 ms | 23.9608 ms |  1.00 |      184 B |
// | AgentCore_String      | pathological |     3.201 ms |   3.4638 ms |  0.1899 ms | 0.003 |          - |
// | AgentCore_Utf8        | pathological |     3.009 ms |   0.0457 ms |  0.0025 ms | 0.003 |          - |
// | MicrosoftMLTokenizers | pathological |   542.018 ms | 177.4074 ms |  9.7243 ms | 0.466 |   252792 B |
// | SharpToken            | pathological | 1,164.415 ms | 355.4114 ms | 19.4813 ms | 1.000 |      184 B |

using System.Text;
using AcTokenizer = AgentCore.Tokenization.Tokenizer;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.Tokenizers;
using SharpToken;

using AgentCore.Diagnostics.Workloads;

namespace AgentCore.Benchmarks.Tokenization;

/// <summary>
/// o200k_base token counting, same input for every implementation: AgentCore vs Microsoft.ML.Tokenizers 2.0.1 vs
/// SharpToken 2.0.6 (baseline: the faster peer). Results and the command are in docs/performance.md (Tokenization).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TokenizerBenchmarks
{
    private string _text = "";
    private byte[] _utf8 = [];
    private TiktokenTokenizer _ml = null!;
    private GptEncoding _sharp = null!;

    [Params("mixed", "pathological")]
    public string Corpus { get; set; } = "mixed";

    [GlobalSetup]
    public void Setup()
    {
        _text = Corpus == "mixed" ? TokenCorpus.Mixed() : TokenCorpus.Pathological();
        _utf8 = Encoding.UTF8.GetBytes(_text);
        _ml = TiktokenTokenizer.CreateForEncoding("o200k_base");
        _sharp = GptEncoding.GetEncoding("o200k_base");
        Console.WriteLine($"// corpus {Corpus}: {_text.Length} chars, {_utf8.Length} UTF-8 bytes; AgentCore {AcTokenizer.O200kBase.CountTokens(_text)} tokens, ML {_ml.CountTokens(_text)}, SharpToken {_sharp.CountTokens(_text)}");
    }

    [Benchmark]
    public int AgentCore_String() => AcTokenizer.O200kBase.CountTokens(_text);

    [Benchmark]
    public int AgentCore_Utf8() => AcTokenizer.O200kBase.CountTokensUtf8(_utf8);

    [Benchmark]
    public int MicrosoftMLTokenizers() => _ml.CountTokens(_text);

    [Benchmark(Baseline = true)]
    public int SharpToken() => _sharp.CountTokens(_text);
}
