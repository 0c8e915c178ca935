using AgentCore.ToolCalls;

namespace AgentCore.Tests.ToolCalls;

/// <summary>Every public vector of the native tool-call spec, replayed through the library.</summary>
public sealed class NativeToolVectorTests
{
    public static IEnumerable<object[]> Ids => NativeToolVectors.Ids;

    [Theory]
    [MemberData(nameof(Ids))]
    public void Replay_Vector_MatchesReference(string id)
    {
        JsObject vector = NativeToolVectors.Get(id);
        NativeToolVectors.Recorder actual = NativeToolVectors.Replay(vector);
        Assert.Equal(NativeToolVectors.Expected(vector, "events"), actual.Events);
        if (vector.GetOwn("partialsEncoding")!.ToString() == "sha256")
        {
            Assert.Equal(NativeToolVectors.Expected(vector, "partials"), actual.PartialToolUses.Select(NativeToolVectors.Sha16).ToList());
        }
        else
        {
            Assert.Equal(NativeToolVectors.Expected(vector, "partials"), actual.Partials);
        }

        Assert.Equal(NativeToolVectors.Expected(vector, "final"), actual.Finals);
        Assert.Equal(NativeToolVectors.Expected(vector, "blocks"), actual.Blocks);
    }
}
