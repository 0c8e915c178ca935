using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace AgentCore.Tests.Tokenization;

/// <summary>
/// Microsoft.ML.Tokenizers 2.0.1 set up as parity spec 1.8 says (vocabulary from the data package, a
/// RegexPreTokenizer over the split pattern, no special tokens), so that it encodes like tiktoken's
/// encode_ordinary. Correct on BMP text without lone surrogates only (its regex sees surrogate halves).
/// Also exposes the raw rank table for the hand-derivation helper <see cref="NaiveBpe"/>.
/// </summary>
internal static class Oracle
{
    public const string O200kPattern =
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    // tiktoken's current cl100k pattern, '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+|
    // ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s, in .NET syntax: possessive X?+ / X++ become
    // atomic groups, and Rust's $ (end of text) is \z (.NET's $ also matches before a final \n).
    public const string Cl100kPattern =
        @"'(?i:[sdmt]|ll|ve|re)|(?>[^\r\n\p{L}\p{N}]?)(?>\p{L}+)|(?>\p{N}{1,3})| ?(?>[^\s\p{L}\p{N}]+)(?>[\r\n]*)|(?>\s+)\z|\s*[\r\n]|\s+(?!\S)|\s";

    private static readonly Lazy<TiktokenTokenizer> s_o200k = new(() => Create("o200k_base", O200kPattern));
    private static readonly Lazy<TiktokenTokenizer> s_cl100k = new(() => Create("cl100k_base", Cl100kPattern));
    private static readonly Lazy<Dictionary<string, int>> s_o200kRanks = new(() => LoadRanks("o200k_base"));
    private static readonly Lazy<Dictionary<string, int>> s_cl100kRanks = new(() => LoadRanks("cl100k_base"));

    public static TiktokenTokenizer Get(string encoding) => encoding == "o200k_base" ? s_o200k.Value : s_cl100k.Value;

    /// <summary>Rank table keyed by the token bytes as a Latin-1 string (one char per byte).</summary>
    public static Dictionary<string, int> Ranks(string encoding) => encoding == "o200k_base" ? s_o200kRanks.Value : s_cl100kRanks.Value;

    public static Regex Pattern(string encoding) => new(encoding == "o200k_base" ? O200kPattern : Cl100kPattern, RegexOptions.Compiled);

    private static Stream OpenVocabulary(string encoding)
    {
        string assemblyName = encoding == "o200k_base" ? "Microsoft.ML.Tokenizers.Data.O200kBase" : "Microsoft.ML.Tokenizers.Data.Cl100kBase";
        Assembly assembly = Assembly.Load(assemblyName);
        Stream deflated = assembly.GetManifestResourceStream(encoding + ".tiktoken.deflate")!;
        return new DeflateStream(deflated, CompressionMode.Decompress);
    }

    private static TiktokenTokenizer Create(string encoding, string pattern)
    {
        using Stream vocabulary = OpenVocabulary(encoding);
        var preTokenizer = new RegexPreTokenizer(new Regex(pattern, RegexOptions.Compiled), specialTokens: null);
        return TiktokenTokenizer.Create(vocabulary, preTokenizer, normalizer: null, specialTokens: null);
    }

    private static Dictionary<string, int> LoadRanks(string encoding)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = new StreamReader(OpenVocabulary(encoding));
        string? line;
        int index = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line.StartsWith("Capacity:", StringComparison.Ordinal))
            {
                continue;
            }

            int space = line.IndexOf(' ', StringComparison.Ordinal);
            byte[] token = Convert.FromBase64String(space < 0 ? line : line[..space]);
            int rank = space < 0 ? index : int.Parse(line[(space + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            ranks.Add(System.Text.Encoding.Latin1.GetString(token), rank);
            index++;
        }

        return ranks;
    }
}
