namespace AgentCore.Tests.Diagnostics;

/// <summary>
/// Tests that switch the process-wide profiler or metrics listener on run alone: other tests' allocation counts
/// must not see the trace buffer, and these tests must not see other tests' scopes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProfilerCollection
{
    public const string Name = "Profiler (not parallel)";
}
