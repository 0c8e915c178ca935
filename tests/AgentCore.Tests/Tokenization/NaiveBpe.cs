using System.Text;

namespace AgentCore.Tests.Tokenization;

/// <summary>
/// A deliberately plain transcription of tiktoken's <c>byte_pair_merge</c> over a Dictionary rank table: the
/// "by hand" reference for pieces no peer library splits or encodes correctly (astral letters and digits, U+FEFF,
/// lone surrogates). Tests give the pieces explicitly (read off the split pattern) and derive ids with this.
/// </summary>
internal static class NaiveBpe
{
    public static List<int> Encode(string encoding, IEnumerable<string> pieces)
    {
        var ids = new List<int>();
        foreach (string piece in pieces)
        {
            ids.AddRange(EncodePiece(Oracle.Ranks(encoding), Encoding.UTF8.GetBytes(piece)));
        }

        return ids;
    }

    public static List<int> EncodePiece(Dictionary<string, int> ranks, byte[] piece)
    {
        string Key(int start, int end) => Encoding.Latin1.GetString(piece, start, end - start);
        if (ranks.TryGetValue(Key(0, piece.Length), out int whole))
        {
            return [whole];
        }

        var parts = Enumerable.Range(0, piece.Length + 1).ToList();
        while (true)
        {
            int best = int.MaxValue;
            int at = -1;
            for (int i = 0; i + 2 < parts.Count; i++)
            {
                if (ranks.TryGetValue(Key(parts[i], parts[i + 2]), out int r) && r < best)
                {
                    best = r;
                    at = i;
                }
            }

            if (at < 0)
            {
                break;
            }

            parts.RemoveAt(at + 1);
        }

        var ids = new List<int>();
        for (int i = 0; i + 1 < parts.Count; i++)
        {
            ids.Add(ranks[Key(parts[i], parts[i + 1])]);
        }

        return ids;
    }
}
