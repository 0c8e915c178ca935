namespace AgentCore.Host.Cli;

/// <summary>One option a verb accepts: <c>--name</c> alone (a switch) or <c>--name VALUE</c> / <c>--name=VALUE</c>.</summary>
/// <remarks><c>Repeatable</c>: the option may be given more than once; <see cref="ParsedArgs.GetAll"/> returns every value.</remarks>
internal readonly record struct OptionSpec(string Name, bool TakesValue, bool Repeatable = false);
