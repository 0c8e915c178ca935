namespace AgentCore.Host.Cli;

/// <summary>One option a verb accepts: <c>--name</c> alone (a switch) or <c>--name VALUE</c> / <c>--name=VALUE</c>.</summary>
internal readonly record struct OptionSpec(string Name, bool TakesValue, bool Repeatable = false);
