namespace AgentCore.Host.Tests.Hostile;

/// <summary>
/// The hostile-input tests run one at a time, never alongside other tests: several of them take hundreds of MB on
/// purpose (bounded, and checked), and the machine is shared.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCollection
{
    public const string Name = "Hostile input";

    /// <summary>The ceiling above which a run is killed: far above every bound asserted, far below the machine.</summary>
    public const long CeilingBytes = 2L << 30;

    /// <summary>What the process takes before it reads input (runtime, vocabulary, buffers), generously.</summary>
    public const long BaselineBytes = 64L << 20;
}
