using System.Buffers;
using System.Text;
using System.Text.Json;
using AgentCore.Json;

namespace AgentCore.Tests.Json;

// Expected strings were printed by Node.js 20: JSON.stringify(JSON.parse(input)).
public sealed class JsonCanonicalizerTests
{
    [Theory]
    [InlineData("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"ts\":1}", "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"ts\":1}")]
    [InlineData("{\"b\":1,\"2\":2,\"1\":3,\"a\":4,\"b\":5,\"01\":6,\"4294967294\":7,\"4294967295\":8,\"-1\":9,\"0\":10,\"1.5\":11}",
        "{\"0\":10,\"1\":3,\"2\":2,\"4294967294\":7,\"b\":5,\"a\":4,\"01\":6,\"4294967295\":8,\"-1\":9,\"1.5\":11}")]
    [InlineData("{\"a\":{\"z\":1,\"3\":[{\"y\":1,\"0\":2}]},\"__proto__\":{\"x\":1}}", "{\"a\":{\"3\":[{\"0\":2,\"y\":1}],\"z\":1},\"__proto__\":{\"x\":1}}")]
    [InlineData("{\"k\\u0031\":1,\"k1\":2,\"x\":[1e400,-0,0.1]}", "{\"k1\":2,\"x\":[null,0,0.1]}")]
    [InlineData("{\"a\":1,\"a\":{\"b\":2,\"b\":3}}", "{\"a\":{\"b\":3}}")]
    [InlineData("[ 1 , \"\\u00e9\\ud800\" , true , null , { } , [ ] ]", "[1,\"é\\ud800\",true,null,{},[]]")]
    public void WriteValue_AnyJson_EqualsJsonStringifyOfJsonParse(string input, string expected)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(input);
        var reader = new Utf8JsonReader(utf8, JsonReading.Options);
        reader.Read();
        var buffer = new ArrayBufferWriter<byte>();
        JsonCanonicalizer.WriteValue(ref reader, new JsJsonWriter(buffer));

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.False(reader.Read()); // left on the value's last token
    }

    [Fact]
    public void WriteValue_ObjectWithManyPlainKeys_KeepsOrder()
    {
        string input = "{" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}")) + "}";
        byte[] utf8 = Encoding.UTF8.GetBytes(input);
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        var buffer = new ArrayBufferWriter<byte>();
        JsonCanonicalizer.WriteValue(ref reader, new JsJsonWriter(buffer));
        Assert.Equal(input, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
