using AgentCore.Tokenization;

namespace AgentCore.Tests.Tokenization;

/// <summary>The Vector256/Vector128 ASCII run scanners agree with the scalar one (CI also runs all tests with DOTNET_EnableHWIntrinsic=0).</summary>
public sealed class PreTokenizerVectorTests
{
    private static readonly int[] s_classSets =
    [
        CharClass.Letter, CharClass.CasedUpper, CharClass.CasedLower, CharClass.Upper, CharClass.Lower,
    ];

    [Fact]
    public void AsciiRunEnd_VectorAndScalar_Agree()
    {
        var random = new Random(11);
        byte[] alphabet = "aAzZ@[`{ 09_-\n\u00C3\u00A9"u8.ToArray();
        for (int n = 0; n < 300; n++)
        {
            byte[] text = new byte[random.Next(0, 100)];
            for (int i = 0; i < text.Length; i++)
            {
                // Mostly letters so that runs cross vector-width boundaries.
                text[i] = random.Next(10) < 8 ? (byte)(random.Next(2) == 0 ? 'a' + random.Next(26) : 'A' + random.Next(26)) : alphabet[random.Next(alphabet.Length)];
            }

            for (int start = 0; start <= text.Length; start++)
            {
                foreach (int classes in s_classSets)
                {
                    int letters = classes & (CharClass.Upper | CharClass.Lower);
                    int scalar = PreTokenizer.AsciiRunEndScalar(text, start, classes);
                    Assert.Equal(scalar, PreTokenizer.AsciiRunEnd(text, start, classes));
                    Assert.Equal(scalar, PreTokenizer.AsciiLetterRunEndVector128(text, start, letters));
                    Assert.Equal(scalar, PreTokenizer.AsciiLetterRunEndVector256(text, start, letters));
                }
            }
        }
    }
}
