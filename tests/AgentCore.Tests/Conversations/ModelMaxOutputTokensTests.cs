using AgentCore.Conversations;

namespace AgentCore.Tests.Conversations;

public sealed class ModelMaxOutputTokensTests
{
    // Parity spec 2.5, getModelMaxOutputTokens vectors (test).
    [Fact]
    public void Get_ClaudeCodeWithSetting_UsesIt() =>
        Assert.Equal(16384, ModelMaxOutputTokens.Get("claude-sonnet-4", 200000, 64000, apiProvider: "claude-code", claudeCodeMaxOutputTokens: 16384));

    [Fact]
    public void Get_ClaudeCodeWithoutSetting_16000() =>
        Assert.Equal(16000, ModelMaxOutputTokens.Get("claude-sonnet-4", 200000, 64000, apiProvider: "claude-code"));

    [Theory]
    [InlineData("claude-3-5-sonnet-20241022", 8192.0, 200000, 8192.0)]
    [InlineData("some-model", null, 100000, 8192.0)]
    [InlineData("gemini-2.5-pro", 65535.0, 1048576, 65535.0)]
    [InlineData("claude-3-7-sonnet", 50000.0, 100000, 20000.0)]
    [InlineData("some-model", 20000.0, 100000, 20000.0)]
    [InlineData("gpt-5", 128000.0, 200000, 128000.0)]
    [InlineData("GPT-5-mini", 128000.0, 200000, 128000.0)]
    [InlineData("openai/gpt-5-nano", 128000.0, 200000, 128000.0)]
    [InlineData("gpt-4o", 128000.0, 200000, 40000.0)]
    [InlineData("o3", 128000.0, 200000, 40000.0)]
    [InlineData("some-model", -1.0, 128000, -1.0)] // OpenAI-compatible default info: min(-1, 25600)
    public void Get_ModelInfo_ReferenceVectors(string id, double? maxTokens, double window, double? expected) =>
        Assert.Equal(expected, ModelMaxOutputTokens.Get(id, window, maxTokens));

    [Fact]
    public void Get_FormatOpenAi_Clamped() =>
        Assert.Equal(20000, ModelMaxOutputTokens.Get("gpt-4", 100000, 50000, format: "openai"));

    [Fact]
    public void Get_FormatGivenNoMaxTokens_Undefined() =>
        Assert.Null(ModelMaxOutputTokens.Get("some-model", 100000, null, format: "openai"));

    [Fact]
    public void Get_RequiredReasoningBudget_ModelMaxTokens()
    {
        Assert.Equal(32000, ModelMaxOutputTokens.Get("claude-3-7-sonnet", 200000, 64000, requiredReasoningBudget: true, modelMaxTokens: 32000));
        Assert.Equal(4000, ModelMaxOutputTokens.Get("claude-3-7-sonnet", 200000, 64000, requiredReasoningBudget: true, modelMaxTokens: 4000));
        Assert.Equal(16384, ModelMaxOutputTokens.Get("claude-3-7-sonnet", 200000, 64000, requiredReasoningBudget: true));
    }

    [Fact]
    public void Get_ClaudeWithReasoningBudgetDisabled_8192() =>
        Assert.Equal(8192, ModelMaxOutputTokens.Get("claude-sonnet-4", 200000, 64000, supportsReasoningBudget: true));
}
