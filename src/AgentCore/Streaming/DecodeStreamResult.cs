namespace AgentCore.Streaming;

/// <summary>The result of <see cref="StreamOperations.DecodeAsync"/> once every chunk went to the sink.</summary>
/// <param name="Usage">The figures the extension's Task records for the stream.</param>
public sealed record DecodeStreamResult(TaskUsage Usage);
