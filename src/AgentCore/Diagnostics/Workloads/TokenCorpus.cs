using System.Text;

namespace AgentCore.Diagnostics.Workloads;

/// <summary>
/// Deterministic benchmark corpora generated in process (nothing to download or ship): a ~10 MB mix of source code,
/// English prose, JSON and multilingual text, and pathological single pieces.
/// </summary>
internal static class TokenCorpus
{
    private static readonly string[] s_words =
    [
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not", "he",
        "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "they", "you", "were", "their", "one",
        "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who", "so", "no",
        "tokenizer", "performance", "extraordinary", "implementation", "characteristics", "asynchronous",
        "configuration", "considerably", "understanding", "international", "responsibility", "nevertheless",
        "don't", "it's", "we'll", "they're", "I've", "He'd", "Mississippi", "GPT-4o", "JavaScript", "McDonald's",
    ];

    // Syllables for invented words and identifiers: about a third of the prose words and all identifiers are
    // made of 1-4 of these, so the corpus has ~10^6 distinct words (Zipf-like repetition, not a 70-word loop).
    private static readonly string[] s_syllables =
    [
        "ka", "lo", "mi", "ter", "quan", "str", "ex", "ion", "ble", "pre", "con", "dis", "ment", "ness", "ous", "ful",
        "tri", "ver", "sub", "pho", "graph", "ly", "ic", "al", "ize", "tion", "zor", "ith", "ump", "ack", "eld", "orn",
        "ax", "bri", "cel", "dom", "fy", "gen", "hap", "jus", "kin", "lum", "nov", "opt", "pul", "rix", "sav", "tum",
    ];

    private static readonly string[] s_code =
    [
        "public static int CountTokens(ReadOnlySpan<char> text)\n{\n    var sink = new TokenSink(collect: false);\n    EncodeUtf16(text, ref sink);\n    return sink.Count;\n}\n",
        "    for (int i = 0; i < items.Length; i++)\n    {\n        if (items[i].IsValid && !seen.Contains(items[i].Id))\n        {\n            result.Add(items[i]);\n        }\n    }\n",
        "export async function readFile(path: string): Promise<string> {\n\tconst data = await fs.promises.readFile(path, \"utf8\");\n\treturn data.replace(/\\r\\n/g, \"\\n\");\n}\n",
        "def merge(ranks, piece):\n    parts = list(range(len(piece) + 1))\n    while True:\n        best = min(ranks.get(piece[a:b], 1 << 30) for a, b in zip(parts, parts[2:]))\n",
        "#include <stdio.h>\nint main(int argc, char **argv) {\n  printf(\"%d arguments\\n\", argc - 1);\n  return 0;\n}\n",
        "<read_file><path>src/core/sliding-window/index.ts</path></read_file>\n",
        "SELECT u.id, u.name, COUNT(o.id) AS orders FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id;\n",
    ];

    private static readonly string[] s_multilingual =
    [
        "你好，世界！这是一个用于测试分词器性能的句子。",
        "Привет, мир! Это предложение для проверки скорости токенизатора.",
        "こんにちは世界。これはトークナイザーの速度を測るための文です。",
        "مرحبا بالعالم! هذه جملة لاختبار سرعة المقسم.",
        "Γειά σου Κόσμε! Αυτή είναι μια πρόταση δοκιμής.",
        "नमस्ते दुनिया! यह टोकनाइज़र की गति मापने के लिए एक वाक्य है।",
        "안녕하세요 세계! 이것은 토크나이저 속도를 측정하기 위한 문장입니다.",
        "Ça va très bien, merci — naïve façade, São Paulo, Größe, Øresund.",
        "Emoji 😀🎉👍🏽 and symbols ∑∫√ ≤ ≥ → ★ 𝐀𝐁𝐂 𝟘𝟙𝟚",
    ];

    /// <summary>About <paramref name="targetChars"/> UTF-16 characters of mixed text (fixed seed).</summary>
    public static string Mixed(int targetChars = 10_000_000)
    {
        var random = new Random(20261126);
        var sb = new StringBuilder(targetChars + 4096);
        while (sb.Length < targetChars)
        {
            switch (random.Next(4))
            {
                case 0:
                    // Prose: a paragraph of sentences.
                    for (int s = random.Next(3, 8); s > 0; s--)
                    {
                        int n = random.Next(6, 20);
                        for (int w = 0; w < n; w++)
                        {
                            string word = random.Next(3) == 0 ? Invented(random) : s_words[random.Next(s_words.Length)];
                            sb.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                            sb.Append(w == n - 1 ? (random.Next(5) == 0 ? "? " : ". ") : (random.Next(8) == 0 ? ", " : " "));
                        }
                    }

                    sb.Append("\n\n");
                    break;
                case 1:
                    for (int k = random.Next(2, 6); k > 0; k--)
                    {
                        // Real code reuses a few shapes with new names: rename the snippet's identifiers.
                        string name = Invented(random);
                        string other = Invented(random);
                        sb.Append(s_code[random.Next(s_code.Length)]
                            .Replace("items", name + "Items", StringComparison.Ordinal)
                            .Replace("result", other, StringComparison.Ordinal)
                            .Replace("readFile", "read" + char.ToUpperInvariant(name[0]) + name[1..], StringComparison.Ordinal)
                            .Replace("users", name + "_users", StringComparison.Ordinal));
                    }

                    break;
                case 2:
                    // JSON records.
                    sb.Append("{\"id\":").Append(random.Next(1_000_000)).Append(",\"name\":\"").Append(Invented(random))
                      .Append("\",\"score\":").Append((random.NextDouble() * 1000).ToString("F3", System.Globalization.CultureInfo.InvariantCulture))
                      .Append(",\"tags\":[\"").Append(s_words[random.Next(s_words.Length)]).Append("\",\"").Append(s_words[random.Next(s_words.Length)])
                      .Append("\"],\"active\":").Append(random.Next(2) == 0 ? "true" : "false").Append(",\"created\":\"2025-")
                      .Append(random.Next(1, 13).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).Append("-17T08:30:00Z\"}\n");
                    break;
                default:
                    for (int k = random.Next(1, 4); k > 0; k--)
                    {
                        sb.Append(s_multilingual[random.Next(s_multilingual.Length)]).Append(' ');
                    }

                    sb.Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }

    private static string Invented(Random random)
    {
        var sb = new StringBuilder();
        for (int n = random.Next(1, 5); n > 0; n--)
        {
            sb.Append(s_syllables[random.Next(s_syllables.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>Pathological pieces: one 40,000-byte letter run, a 20,000-space run, digits-free punctuation, a CJK run.</summary>
    public static string Pathological() =>
        new string('a', 40_000) + " " + new string(' ', 20_000) + "x " + string.Concat(Enumerable.Repeat("ab", 10_000)) + " "
        + new string('!', 10_000) + " " + new string('中', 5_000);
}
