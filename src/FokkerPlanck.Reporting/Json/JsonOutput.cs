using System.Text.Json;
using System.Text.Json.Nodes;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Reporting;

/// <summary>Writes result JSON (indented, invariant, non-finite numbers as strings) atomically.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Serializes <paramref name="node"/> to <paramref name="path"/> (folders created; written atomically by <see cref="AtomicFile"/>).</summary>
    public static void Write(string path, JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(path, node.ToJsonString(Options) + "\n");
    }

    /// <summary>A JSON number, or null for non-finite values (JSON has no NaN/∞).</summary>
    public static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    /// <summary>An array of numbers (non-finite → null).</summary>
    public static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(Number)]);
}
