using System.Text;
using System.Text.Json;
using AgentCore.Streaming;

namespace AgentCore.Tests.Streaming;

public sealed class ProviderErrorTests
{
    private static ProviderError ReadObject(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        ProviderError error = ProviderError.Read(ref reader);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read()); // the whole object was consumed
        return error;
    }

    [Fact]
    public void Read_OpenAiObject_AllFieldsAndTheRestSkipped()
    {
        ProviderError e = ReadObject("""{"message":"m \u00e9\n","type":"server_error","param":{"a":[1,{"b":2}]},"code":"rate_limit"}""");
        Assert.Equal(new ProviderError("m é\n", "server_error", "rate_limit", null, null), e);
        Assert.Equal("server_error", ProviderError.Name(e.Type, e.Code));
        Assert.Equal("rate_limit", ProviderError.Name(e.Code, e.Type));
    }

    [Fact]
    public void Read_GeminiObject_NumericCodeAndStatus()
    {
        ProviderError e = ReadObject("""{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}""");
        Assert.Equal(new ProviderError("Resource exhausted", null, null, 429, "RESOURCE_EXHAUSTED"), e);
    }

    [Theory]
    [InlineData("""{"message":null,"type":5,"code":[1],"status":{}}""")]
    [InlineData("{}")]
    public void Read_FieldsNotStrings_AbsentAndDefaults(string json)
    {
        ProviderError e = ReadObject(json);
        Assert.Equal(default, e);
        Assert.Equal("api_error", ProviderError.Name(e.Type, e.Code));
        Assert.Equal("the provider reported an error in the stream", e.MessageOrDefault);
    }

    [Fact]
    public void Read_RepeatedField_LastOneCounts()
    {
        ProviderError e = ReadObject("""{"code":"a","message":"one","code":7,"message":"two"}""");
        Assert.Equal(new ProviderError("two", null, null, 7, null), e);
    }

    [Fact]
    public void Name_EmptyFirst_SecondThenDefault()
    {
        Assert.Equal("b", ProviderError.Name("", "b"));
        Assert.Equal("api_error", ProviderError.Name(null, ""));
    }

    [Theory]
    [InlineData("{\"error\":{\"message\":\"m1\",\"type\":\"t\"}}", "m1")]
    [InlineData("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}", "invalid x-api-key")]
    [InlineData("[{\"error\":{\"code\":400,\"message\":\"API key not valid.\",\"status\":\"INVALID_ARGUMENT\"}}]", "API key not valid.")]
    [InlineData("{\"error\":\"model 'x' not found\"}", "model 'x' not found")]
    [InlineData("{\"error\":{\"type\":\"t\"},\"message\":\"top\"}", "top")]
    [InlineData("{\"error\":null,\"message\":\"top\"}", "top")]
    [InlineData("{\"detail\":\"x\"}", "{\"detail\":\"x\"}")]
    [InlineData("[]", "[]")]
    [InlineData("[{\"error\":\"first\"},{\"error\":\"second\"}]", "first")]
    [InlineData("[{\"error\":\"first\"},{bad]", "[{\"error\":\"first\"},{bad]")]
    [InlineData("{\"error\":{\"message\":\"cut", "{\"error\":{\"message\":\"cut")]
    [InlineData("Bad Gateway", "Bad Gateway")]
    [InlineData("  <html>502</html>\n", "<html>502</html>")]
    [InlineData("", "(no error body)")]
    [InlineData(" \n", "(no error body)")]
    public void MessageOfBody_KnownShapes_ProviderText(string body, string expected)
    {
        Assert.Equal(expected, ProviderError.MessageOfBody(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void MessageOfBody_LongText_CutAt500Characters()
    {
        string message = ProviderError.MessageOfBody(Encoding.UTF8.GetBytes(new string('x', 2000)));
        Assert.Equal(new string('x', 500) + "…", message);
    }

    [Fact]
    public void MessageOfBody_LoneSurrogateEscape_KeptAsJavaScriptWould()
    {
        Assert.Equal("a\ud800b", ProviderError.MessageOfBody("{\"error\":{\"message\":\"a\\ud800b\"}}"u8));
    }
}
