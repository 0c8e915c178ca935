using System.Text.Json;
using AgentCore.Host.Rpc;

namespace AgentCore.Host.Tests.Rpc;

/// <summary>symbols/query and symbols/index of serve: the symbol index operations over the opened workspace.</summary>
public sealed class ServeSymbolsTests : IDisposable
{
    private const string Init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}";
    private const string Snapshot = ",\"snapshotPath\":\".agentcore/index.idx\"";

    private readonly string _dir = Directory.CreateTempSubdirectory("agentcore-serve-symbols-").FullName;

    public ServeSymbolsTests()
    {
        File.WriteAllText(Path.Combine(_dir, "greet.ts"),
            "export class Greeter {\n    constructor(private readonly name: string) {}\n\n    greet(): string {\n        return `hello ${this.name}`;\n    }\n}\n\n" +
            "export class GreeterFactory {\n    make(name: string): Greeter {\n        return new Greeter(name);\n    }\n}\n\n" +
            "export function greetAll(names: string[]): string[] {\n    return names.map((n) => new Greeter(n).greet());\n}\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Open => $"{{\"jsonrpc\":\"2.0\",\"id\":\"open\",\"method\":\"workspace/open\",\"params\":{{\"root\":{JsonSerializer.Serialize(_dir, RpcJsonContext.Default.String)}}}}}";

    private static JsonElement[] Run(params string[] messages) =>
        [.. RpcHarness.RunLines(string.Join("\n", messages) + "\n", s => _ = new ServeSession(s)).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static JsonElement Get(JsonElement[] answers, int id) =>
        answers.Single(a => a.GetProperty("id").ValueKind == JsonValueKind.Number && a.GetProperty("id").GetInt32() == id);

    private static JsonElement Error(JsonElement[] answers, int id, int code)
    {
        JsonElement error = Get(answers, id).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        return error;
    }

    [Fact]
    public void SymbolsQuery_OpenedWorkspace_RankedExactPrefixSubstringFuzzy()
    {
        JsonElement[] r = Run(Init, Open,
            $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"symbols/query\",\"params\":{{\"query\":\"greeter\"{Snapshot}}}}}",
            $"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"symbols/query\",\"params\":{{\"query\":\"gAll\",\"limit\":1{Snapshot}}}}}");
        JsonElement[] matches = [.. Get(r, 1).GetProperty("result").GetProperty("matches").EnumerateArray()];
        Assert.Equal("Greeter", matches[0].GetProperty("name").GetString());
        Assert.Equal(1.0, matches[0].GetProperty("score").GetDouble());
        Assert.Equal("greet.ts", matches[0].GetProperty("path").GetString());
        Assert.Equal(1, matches[0].GetProperty("startLine").GetInt32());
        Assert.Equal(7, matches[0].GetProperty("endLine").GetInt32());
        Assert.Contains(matches, m => m.GetProperty("name").GetString() == "GreeterFactory" && m.GetProperty("score").GetDouble() == 0.8);
        Assert.Equal(matches.Select(m => m.GetProperty("score").GetDouble()).OrderDescending(), matches.Select(m => m.GetProperty("score").GetDouble()));
        JsonElement fuzzy = Assert.Single(Get(r, 2).GetProperty("result").GetProperty("matches").EnumerateArray());
        Assert.Equal("greetAll", fuzzy.GetProperty("name").GetString());
        Assert.Equal(0.5, fuzzy.GetProperty("score").GetDouble());
        Assert.True(File.Exists(Path.Combine(_dir, ".agentcore", "index.idx")));
    }

    [Fact]
    public void SymbolsQuery_BadParams_Minus32602NamingTheField()
    {
        JsonElement[] r = Run(Init, Open,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"symbols/query\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"symbols/query\",\"params\":{\"query\":7}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"symbols/query\",\"params\":{\"query\":\"a\",\"limit\":\"many\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"symbols/query\",\"params\":{\"query\":\"a\",\"limit\":0}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"symbols/query\",\"params\":{\"query\":\"a\",\"limit\":1000001}}",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"symbols/query\",\"params\":{\"query\":\"\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"symbols/query\",\"params\":{\"query\":\"a\",\"limit\":99999999999}}");
        Assert.Equal("query", Error(r, 1, -32602).GetProperty("data").GetProperty("target").GetString());
        Assert.Equal("Invalid params: query is required", Error(r, 1, -32602).GetProperty("message").GetString());
        Assert.Equal("query", Error(r, 2, -32602).GetProperty("data").GetProperty("target").GetString());
        Assert.Equal("limit", Error(r, 3, -32602).GetProperty("data").GetProperty("target").GetString());
        Assert.Equal("limit", Error(r, 4, -32602).GetProperty("data").GetProperty("target").GetString());
        Assert.Equal("limit: must be a number from 1 to 1000000", Error(r, 5, -32602).GetProperty("message").GetString());
        Assert.Equal("query", Error(r, 6, -32602).GetProperty("data").GetProperty("target").GetString());
        Assert.Equal("limit", Error(r, 7, -32602).GetProperty("data").GetProperty("target").GetString());
    }

    [Fact]
    public void SymbolsQuery_NoWorkspaceOrRootOutside_OutsideWorkspace()
    {
        JsonElement[] r = Run(Init,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"symbols/query\",\"params\":{\"query\":\"Greeter\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"symbols/index\",\"params\":{}}",
            Open,
            $"{{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"symbols/query\",\"params\":{{\"query\":\"Greeter\",\"root\":\"..\"{Snapshot}}}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"symbols/query\",\"params\":{\"query\":\"Greeter\",\"snapshotPath\":\"/tmp/elsewhere.idx\"}}",
            $"{{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"symbols/query\",\"params\":{{\"query\":\"Greeter\",\"root\":\"greet.ts\"{Snapshot}}}}}");
        JsonElement e1 = Error(r, 1, -32000);
        Assert.Equal("outside_workspace", e1.GetProperty("data").GetProperty("code").GetString());
        Assert.Contains("no workspace is open", e1.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("outside_workspace", Error(r, 2, -32000).GetProperty("data").GetProperty("code").GetString());
        Assert.Equal("outside_workspace", Error(r, 3, -32000).GetProperty("data").GetProperty("code").GetString());
        Assert.Equal("outside_workspace", Error(r, 4, -32000).GetProperty("data").GetProperty("code").GetString());
        Assert.Equal("not_directory", Error(r, 5, -32000).GetProperty("data").GetProperty("code").GetString());
    }

    [Fact]
    public void SymbolsIndex_Statistics_ThenQuerySeesANewFile()
    {
        using var h = new RpcHarness(s => _ = new ServeSession(s));
        h.Send(Init);
        h.Send(Open);
        h.Send($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"symbols/index\",\"params\":{{\"root\":\".\"{Snapshot}}}}}");
        JsonElement[] first = [h.Next()!.Value, h.Next()!.Value, h.Next()!.Value];
        JsonElement stats = Get(first, 1).GetProperty("result").GetProperty("statistics");
        Assert.Equal(1, stats.GetProperty("files").GetInt32());
        Assert.Equal(1, stats.GetProperty("parsed").GetInt32());
        Assert.True(stats.GetProperty("symbols").GetInt32() >= 4);

        File.WriteAllText(Path.Combine(_dir, "later.py"), "class LaterAddition:\n    def run(self):\n        return 1\n\n    def stop(self):\n        return 2\n");
        h.Send($"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"symbols/index\",\"params\":{{{Snapshot[1..]}}}}}");
        JsonElement second = h.Next()!.Value.GetProperty("result").GetProperty("statistics");
        Assert.Equal(2, second.GetProperty("files").GetInt32());
        Assert.Equal(1, second.GetProperty("parsed").GetInt32());
        Assert.Equal(1, second.GetProperty("reused").GetInt32());
        h.Send($"{{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"symbols/query\",\"params\":{{\"query\":\"LaterAddition\"{Snapshot}}}}}");
        JsonElement match = Assert.Single(h.Next()!.Value.GetProperty("result").GetProperty("matches").EnumerateArray());
        Assert.Equal("later.py", match.GetProperty("path").GetString());
    }

    [Fact]
    public void SymbolsQuery_FileChangedAfterTheIndexWasOpened_FoundWithoutSymbolsIndex()
    {
        using var h = new RpcHarness(s => _ = new ServeSession(s));
        h.Send(Init);
        h.Send(Open);
        h.Send($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"symbols/query\",\"params\":{{\"query\":\"Greeter\"{Snapshot}}}}}");
        _ = h.Next();
        _ = h.Next();
        Assert.NotEmpty(h.Next()!.Value.GetProperty("result").GetProperty("matches").EnumerateArray());

        File.WriteAllText(Path.Combine(_dir, "fresh.go"), "package main\n\nfunc FreshlyWritten() int {\n\treturn 1\n}\n");

        // The watcher's notice arrives asynchronously: ask until the index has it (or give up after 10 s).
        int found = 0;
        for (int attempt = 0; attempt < 100 && found == 0; attempt++)
        {
            h.Send($"{{\"jsonrpc\":\"2.0\",\"id\":{10 + attempt},\"method\":\"symbols/query\",\"params\":{{\"query\":\"FreshlyWritten\"{Snapshot}}}}}");
            found = h.Next()!.Value.GetProperty("result").GetProperty("matches").GetArrayLength();
            if (found == 0)
            {
                Thread.Sleep(100);
            }
        }

        Assert.Equal(1, found);
    }

    [Fact]
    public void SymbolsIndex_CancelRequest_AnsweredMinus32800AndNoSnapshotWritten()
    {
        // Enough files that indexing takes far longer than reading the next line (the cancellation).
        for (int i = 0; i < 3000; i++)
        {
            File.WriteAllText(Path.Combine(_dir, $"m{i}.ts"),
                $"export class Module{i} {{\n    run(): number {{\n        return {i};\n    }}\n\n    stop(): void {{\n        return;\n    }}\n}}\n");
        }

        using var h = new RpcHarness(s => _ = new ServeSession(s));
        h.Send(Init);
        h.Send(Open);
        h.Send($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"symbols/index\",\"params\":{{{Snapshot[1..]}}}}}\n{{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{{\"id\":1}}}}");
        JsonElement[] r = [h.Next()!.Value, h.Next()!.Value, h.Next()!.Value];
        JsonElement error = Error(r, 1, -32800);
        Assert.Equal("cancelled", error.GetProperty("data").GetProperty("code").GetString());
        Assert.False(File.Exists(Path.Combine(_dir, ".agentcore", "index.idx")));

        // The server goes on: the index can still be built.
        h.Send($"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"symbols/index\",\"params\":{{{Snapshot[1..]}}}}}");
        Assert.Equal(3001, h.Next(60_000)!.Value.GetProperty("result").GetProperty("statistics").GetProperty("files").GetInt32());
    }
}
