namespace AgentCore.Host.Cli;

/// <summary>A wrong command line: reported as one line on stderr with exit code 2 and nothing on stdout.</summary>
internal sealed class UsageException(string message) : Exception(message);
