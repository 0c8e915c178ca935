namespace AgentCore.Host.Rpc;

/// <summary>The operation bindings of <c>serve</c>: one line per method, params and result straight from the library.</summary>
internal sealed partial class ServeSession
{
    private static void AddOperations()
    {
    }

    private static string[] Languages() => [];
}
