using AgentCore.Tests.Conversations;

namespace AgentCore.Tests;

/// <summary>
/// Entry point when the test assembly is run as a program (<c>dotnet exec AgentCore.Tests.dll VERB ...</c>): the
/// child processes of tests that must kill a real process. The test runner never calls it.
/// </summary>
public static class TestProgram
{
    public static int Main(string[] args) => args.Length > 0 && args[0] == CrashSafetyTests.ChildVerb
        ? CrashSafetyTests.RunChild(args[1..])
        : 2;
}
