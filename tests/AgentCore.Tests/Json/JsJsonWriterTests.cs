using System.Buffers;
using System.Text;
using AgentCore.Json;

namespace AgentCore.Tests.Json;

// Expected strings were printed by Node.js 20 `JSON.stringify` on the same inputs.
public sealed class JsJsonWriterTests
{
    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(123.456, "123.456")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(100.0, "100")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(-0.0, "0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.00012, "0.00012")]
    [InlineData(123e-20, "1.23e-18")]
    [InlineData(-42.5, "-42.5")]
    [InlineData(0.0000015, "0.0000015")]
    [InlineData(12345678901234567890.0, "12345678901234567000")]
    [InlineData(3.0, "3")]
    [InlineData(2.5e-5, "0.000025")]
    [InlineData(0.01234, "0.01234")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    public void WriteNumberValue_Double_MatchesJavaScript(double value, string expected)
    {
        Assert.Equal(expected, Write(w => w.WriteNumberValue(value)));
    }

    [Fact]
    public void WriteStringValue_EscapesLikeJsonStringify()
    {
        string actual = Write(w =>
        {
            w.WriteStartArray();
            w.WriteStringValue("a\"b\\c\n\u0001\u001f\u007f\b\f\r\t");
            w.WriteStringValue("é😀\ud800x\udc00");
            w.WriteStartObject();
            w.WriteNull("k");
            w.WriteBoolean("t", true);
            w.WriteEndObject();
            w.WriteEndArray();
        });
        Assert.Equal("[\"a\\\"b\\\\c\\n\\u0001\\u001f\u007f\\b\\f\\r\\t\",\"é😀\\ud800x\\udc00\",{\"k\":null,\"t\":true}]", actual);
    }

    [Fact]
    public void WriteStringValueUtf8_SameAsUtf16PathAndInvalidBytesBecomeReplacement()
    {
        const string text = "tab\there \"q\" é 😀 \u0000 end";
        string viaChars = Write(w => w.WriteStringValue(text));
        string viaBytes = Write(w => w.WriteStringValueUtf8(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(viaChars, viaBytes);
        Assert.Equal("\"a\uFFFDb\"", Write(w => w.WriteStringValueUtf8([(byte)'a', 0xC3, (byte)'b'])));
    }

    [Fact]
    public void Objects_NestedWithCommas_AndResetStartsNewTopLevelValue()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new JsJsonWriter(buffer);
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteNumber("n", 3L);
        w.WritePropertyName("a");
        w.WriteStartArray();
        w.WriteNumberValue(1L);
        w.WriteStartObject();
        w.WriteEndObject();
        w.WriteStartArray();
        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteRaw("\n"u8);
        w.Reset();
        w.WriteStartObject();
        w.WriteEndObject();
        Assert.Equal("{\"type\":\"text\",\"n\":3,\"a\":[1,{},[]]}\n{}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Nesting_DeeperThan64Levels_CommasAtEveryLevel()
    {
        // [[..[1,[..],2]..],3] nested 300 deep: each level holds a number, the next level, and a number.
        const int depth = 300;
        var expected = new StringBuilder();
        string actual = Write(w =>
        {
            for (int i = 0; i < depth; i++)
            {
                w.WriteStartArray();
                w.WriteNumberValue(i);
                expected.Append('[').Append(i).Append(',');
            }

            w.WriteStartObject();
            w.WriteEndObject();
            expected.Append("{}");
            for (int i = depth - 1; i >= 0; i--)
            {
                w.WriteNumberValue((long)-i);
                w.WriteEndArray();
                expected.Append(',').Append(-i).Append(']');
            }
        });
        Assert.Equal(expected.ToString(), actual);
    }

    [Fact]
    public void Nesting_AsDeepAsTheReaderAccepts_RoundTripsAndOneMoreLevelThrows()
    {
        // The reader takes JsonReading.MaxDepth nested arrays; the writer must write back every document it read.
        string json = new string('[', JsonReading.MaxDepth) + new string(']', JsonReading.MaxDepth);
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new System.Text.Json.Utf8JsonReader(utf8, JsonReading.Options);
        Assert.True(reader.Read());
        var buffer = new ArrayBufferWriter<byte>();
        JsonCanonicalizer.WriteValue(ref reader, new JsJsonWriter(buffer));
        Assert.Equal(json, Encoding.UTF8.GetString(buffer.WrittenSpan));

        var tooDeep = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes("[" + json + "]"), JsonReading.Options);
        bool rejected = false;
        try
        {
            while (tooDeep.Read())
            {
            }
        }
        catch (System.Text.Json.JsonException)
        {
            rejected = true;
        }

        Assert.True(rejected);
        Assert.Throws<InvalidOperationException>(() => Write(w =>
        {
            for (int i = 0; i <= JsonReading.MaxDepth; i++)
            {
                w.WriteStartArray();
            }
        }));
    }

    private static string Write(Action<JsJsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new JsJsonWriter(buffer));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
