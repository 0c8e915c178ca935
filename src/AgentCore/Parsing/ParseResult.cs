using System.Text.Json.Serialization;

namespace AgentCore.Parsing;

/// <summary>The result of <see cref="ParseOperations.ParseAsync"/>: the blocks after all input was fed.</summary>
/// <param name="Blocks">
/// The blocks. They are written with <see cref="AssistantMessageJson"/> (the reference's JSON, params in
/// first-appearance order), not by a JSON context: front ends call <see cref="AssistantMessageJson.Write"/>.
/// </param>
public sealed record ParseResult([property: JsonIgnore] AssistantMessageBlocks Blocks);
