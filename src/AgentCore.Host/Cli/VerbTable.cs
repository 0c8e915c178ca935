namespace AgentCore.Host.Cli;

/// <summary>Every verb of the command line, in the order <c>agentcore --help</c> lists them.</summary>
internal static class VerbTable
{
    /// <summary>All verbs. One line per verb; each verb lives in its own file under Cli/.</summary>
    public static readonly Verb[] All =
    [
        new TokensVerb(),
        new EstimateVerb(),
        new ParseVerb(),
        new StreamVerb(),
        new ChatVerb(),
        new ContextVerb(),
        new ToolCallsVerb(),
        new FilesVerb(),
        new GrepVerb(),
        new ReadVerb(),
        new DefsVerb(),
        new IndexVerb(),
        new SymbolsVerb(),
        new ServeVerb(),
        new McpVerb(),
        new StatsVerb(),
        new BenchVerb(),
        new SoakVerb(),
    ];

    /// <summary>The verb named <paramref name="name"/>, or null.</summary>
    public static Verb? Find(string name)
    {
        foreach (Verb v in All)
        {
            if (v.Name == name)
            {
                return v;
            }
        }

        return null;
    }
}
