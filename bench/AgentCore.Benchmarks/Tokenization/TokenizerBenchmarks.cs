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
