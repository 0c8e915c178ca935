using AgentCore.Diagnostics;

namespace AgentCore.Host.Rpc;

/// <summary>
/// <c>stats/get</c> (<see cref="StatsOperations.GetStatsAsync"/> over the session's <see cref="MetricsCollector"/>,
/// started with the session) and <c>stats/trace</c> (<see cref="StatsOperations.TraceAsync"/>). A trace is written only
/// to a path the client names, inside the opened workspace; without one it comes back in the result.
/// </summary>
internal sealed partial class ServeSession
{
    private readonly MetricsCollector _metrics = new();

    private void AddStatsOperations()
    {
        Add(RpcMethod.Create("stats/get", ServerJson.Info<StatsRequest>(), ServerJson.Info<StatsResult>(),
            (r, call) => new ValueTask<StatsResult>(StatsOperations.GetStatsAsync(r, _metrics, call.Cancellation))));
        Add(RpcMethod.Create("stats/trace", ServerJson.Info<TraceRequest>(), ServerJson.Info<TraceResult>(),
            (r, call) => new ValueTask<TraceResult>(StatsOperations.TraceAsync(
                r with { Path = ResolveOptional(call, r.Path, "path") }, call.Cancellation))));
    }
}
