using System.Text;
using AgentCore.Tokenization;

namespace AgentCore.Tests.Tokenization;

/// <summary>
/// Block-by-block encoding (files and streams read in blocks with the unfinished tail carried over) and the long-piece
/// merge give exactly the ids of whole-input encoding.
/// </summary>
public sealed class BlockEncodingTests
{
    private static readonly string[] s_samples =
    [
        "Hello world, it's a test.\nSecond line\r\n  indented line\n\n\nx = 12345678 + abc9def;\n",
        "   leading spaces and trailing spaces   \n\t\ttabs\tand words 42\n",
        "ABCdef GHI jkl'S MNO'll pqr'VE ſtuff don't\nLine2 \n 3rd\n",
        "日本語のテキスト mixed with English words 123 and emoji 😀👍 end\n",
        "Ǆemo ǅungla AあB c AあBc 1A2b3C4 ÀÉÎõü, über straße\n",
        "function f(x) {\n  return x * 2; // comment\n}\n\nconst y = f(21);\n",
        "base64: QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkwYWJjZGVm+/==\n",
        "punct!!! ... ??? --- /// \n/path/to/file.txt\n.\n/\na/b\n",
        "\r\r\n\n \n \r\n x\n\ny \n 1\n1\n",
        "word\u00A0nbsp\u2003em space\u3000ideographic\n",
        "trailing white space at the end   ",
        "trailing newline run at the end\n\n\n",
        "digits 1234567890 12 3 4567 a1 1a 11aa 111aaa 1111aaaa\n",
    ];

    public static TheoryData<string> Encodings => new() { "o200k_base", "cl100k_base" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void SafeCut_EverySafeCutOfManyInputs_PartsEncodeToTheWhole(string encoding)
    {
        Tokenizer tokenizer = Tokenizer.Get(encoding);
        int cuts = 0;
        foreach (string sample in s_samples.Concat(RandomSamples(40)))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(sample);
            int[] whole = tokenizer.EncodeUtf8(bytes);
            for (int p = 1; p < bytes.Length; p++)
            {
                if (!PieceBoundary.IsSafe(bytes, p))
                {
                    continue;
                }

                cuts++;
                int[] parts = [.. tokenizer.EncodeUtf8(bytes.AsSpan(0, p)), .. tokenizer.EncodeUtf8(bytes.AsSpan(p))];
                Assert.True(whole.SequenceEqual(parts), $"{encoding}: cut at {p} of {Escape(sample)}");
            }
        }

        Assert.True(cuts > 500, $"only {cuts} safe cuts were tried");
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodeStream_EveryReadSize_SameIdsAsWholeInput(string encoding)
    {
        Tokenizer tokenizer = Tokenizer.Get(encoding);
        foreach (string sample in s_samples.Concat(RandomSamples(10)))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(sample);
            int[] whole = tokenizer.EncodeUtf8(bytes);
            foreach (int readSize in new[] { 1, 2, 3, 7, 16, 1000 })
            {
                var sink = new CollectingSink();
                long count = tokenizer.Encode(new TrickleStream(bytes, readSize), sink);
                Assert.Equal(whole, sink.Ids);
                Assert.Equal(whole.Length, count);
                Assert.Equal(whole.Length, tokenizer.CountTokens(new TrickleStream(bytes, readSize)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodeStream_ManyBlocksWithLongRuns_SameIdsAsWholeInput(string encoding)
    {
        // Several read blocks, with runs that have no safe cut (one 80 KB word, 70 KB of spaces) across block ends.
        var text = new StringBuilder();
        var random = new Random(7);
        while (text.Length < 3 * Tokenizer.ReadBlockBytes)
        {
            text.Append(s_samples[random.Next(s_samples.Length)]);
            if (random.Next(40) == 0)
            {
                text.Append(random.Next(2) == 0 ? ' ' : 'q', 70_000 + random.Next(20_000));
            }
        }

        Tokenizer tokenizer = Tokenizer.Get(encoding);
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        int[] whole = tokenizer.EncodeUtf8(bytes);
        var sink = new CollectingSink();
        Assert.Equal(whole.Length, tokenizer.Encode(new TrickleStream(bytes, 300_000), sink));
        Assert.Equal(whole, sink.Ids);
        Assert.True(sink.Writes > 10, "ids are handed out in blocks as they are produced");
    }

    [Fact]
    public void EncodeStream_PunctuationRunsLongerThanABlock_CutInsideTheRunSameIds()
    {
        // Runs of NUL bytes and of random ASCII symbols longer than the read block: cut inside the run where no token
        // holds the byte pairs around the cut (a 3 MiB run of NUL costs a block, not 3 MiB).
        var random = new Random(5);
        const string symbols = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\u0001\u0002\u001b";
        foreach (int kind in new[] { 0, 1 })
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes("head words 12\n"));
            int length = (3 * Tokenizer.ReadBlockBytes) + random.Next(1000);
            for (int i = 0; i < length; i++)
            {
                bytes.Add(kind == 0 ? (byte)0 : (byte)symbols[random.Next(symbols.Length)]);
            }

            bytes.AddRange(Encoding.UTF8.GetBytes("x tail\n"));
            byte[] input = [.. bytes];
            foreach (string name in new[] { "o200k_base", "cl100k_base" })
            {
                Tokenizer tokenizer = Tokenizer.Get(name);
                int[] whole = tokenizer.EncodeUtf8(input);
                var sink = new CollectingSink();
                tokenizer.Encode(new TrickleStream(input, 100_000), sink);
                Assert.True(whole.SequenceEqual(sink.Ids), $"{name}, run kind {kind}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void MergeLong_LongPieces_SameIdsAsBucketQueueMerge(string encoding)
    {
        Tokenizer tokenizer = Tokenizer.Get(encoding);
        var random = new Random(11);
        var pieces = new List<byte[]>
        {
            Encoding.UTF8.GetBytes(new string(' ', 5000)),
            Encoding.UTF8.GetBytes(new string('a', 4097)),
            Encoding.UTF8.GetBytes(new string('\n', 3000)),
            new byte[2000],
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("=-", 1500))),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("あ", 1500))),
        };
        for (int k = 0; k < 30; k++)
        {
            var piece = new StringBuilder();
            int length = 200 + random.Next(3000);
            string alphabet = k % 3 == 0 ? "abcdefghijklmnopqrstuvwxyz" : k % 3 == 1 ? "aeiouAEIOU" : "!@#$%^&*()-=+[]{};:,.<>?";
            for (int i = 0; i < length; i++)
            {
                piece.Append(alphabet[random.Next(alphabet.Length)]);
            }

            pieces.Add(Encoding.UTF8.GetBytes(piece.ToString()));
        }

        foreach (byte[] piece in pieces)
        {
            Assert.Equal(tokenizer.MergePieceForTests(piece, compact: false), tokenizer.MergePieceForTests(piece, compact: true));
        }
    }

    [Fact]
    public void CountTokens_LongSinglePieces_SameAsBucketQueue()
    {
        // Over LongPieceBytes: the compact merge runs inside the normal encode path; compare with the bucket queue.
        Tokenizer tokenizer = Tokenizer.O200kBase;
        foreach (byte fill in new byte[] { (byte)' ', (byte)'a', (byte)'\n', 0 })
        {
            byte[] piece = new byte[Tokenizer.LongPieceBytes + 1234];
            piece.AsSpan().Fill(fill);
            int[] expected = tokenizer.MergePieceForTests(piece, compact: false);
            Assert.Equal(expected, tokenizer.EncodeUtf8(piece));
            Assert.Equal(expected.Length, tokenizer.CountTokens(new MemoryStream(piece)));
        }
    }

    [Fact]
    public void Encode_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Tokenizer.O200kBase.CountTokens(new MemoryStream(new byte[10]), cts.Token));
    }

    private static IEnumerable<string> RandomSamples(int count)
    {
        var random = new Random(1234);
        string[] atoms = ["a", "Z", "q", "1", "9", " ", "  ", "\n", "\r\n", "\t", "'", "'s", "'LL", ".", "/", "é", "あ", "Ǆ", "😀", "\u00A0", "x1", "_", "-"];
        for (int i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            int n = 20 + random.Next(80);
            for (int k = 0; k < n; k++)
            {
                sb.Append(atoms[random.Next(atoms.Length)]);
            }

            yield return sb.ToString();
        }
    }

    private static string Escape(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private sealed class CollectingSink : ITokenIdSink
    {
        public List<int> Ids { get; } = [];

        public int Writes { get; private set; }

        public void Write(ReadOnlySpan<int> ids)
        {
            Writes++;
            foreach (int id in ids)
            {
                Ids.Add(id);
            }
        }
    }

    /// <summary>A read-only stream that returns at most <c>readSize</c> bytes per read and cannot seek (like a pipe).</summary>
    private sealed class TrickleStream(byte[] bytes, int readSize) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, readSize), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
