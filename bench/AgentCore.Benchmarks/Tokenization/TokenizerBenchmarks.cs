// Last run (commit 5b6b518; 2 cores shared with other builds, load average 1-5; command and MB/s in
// docs/performance.md, Tokenization):
// BenchmarkDotNet v0.15.8, Linux Debian GNU/Linux 12 (bookworm)
// AMD EPYC 2.60GHz, 1 CPU, 2 logical and 2 physical cores
//   ShortRun : .NET 10.0.12 (10.0.12, 10.0.1226.42308), X64 RyuJIT x86-64-v4
// | Method                | Corpus       | Mean         | Error         | StdDev     | Ratio | Allocated  |
// | AgentCore_String      | mixed        |   224.033 ms |   686.8559 ms | 37.6489 ms |  0.37 |      672 B |
// | AgentCore_Utf8        | mixed        |   196.558 ms |   214.3143 ms | 11.7473 ms |  0.32 |          - |
// | MicrosoftMLTokenizers | mixed        |   704.352 ms |   484.6611 ms | 26.5659 ms |  1.15 | 24180912 B |
// | SharpToken            | mixed        |   617.552 ms | 1,094.0638 ms | 59.9693 ms |  1.01 |      184 B |
// | AgentCore_String      | pathological |     3.553 ms |     0.1472 ms |  0.0081 ms | 0.003 |          - |
// | AgentCore_Utf8        | pathological |     3.652 ms |     0.2509 ms |  0.0138 ms | 0.003 |          - |
// | MicrosoftMLTokenizers | pathological |   559.447 ms |   395.6002 ms | 21.6842 ms | 0.489 |   252792 B |
// | SharpToken            | pathological | 1,144.117 ms |   422.8532 ms | 23.1780 ms | 1.000 |      184 B |

using System.Text;
using AcTokenizer = AgentCore.Tokenization.Tokenizer;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.Tokenizers;
using SharpToken;

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
