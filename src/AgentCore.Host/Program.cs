using AgentCore.Host.Cli;

namespace AgentCore.Host;

internal static class Program
{
    private static int Main(string[] args) => CommandLine.Run(args);
}
