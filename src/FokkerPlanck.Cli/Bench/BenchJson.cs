using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FokkerPlanck.Cli.Output;
using FokkerPlanck.Reporting;

namespace FokkerPlanck.Cli.Bench;

/// <summary>The frame and the number formats shared by the bench reports (spectrum and time stepper).</summary>
internal static class BenchJson
{
    /// <summary>One size of a bench document: our figures, the peer's raw output and the comparison block.</summary>
    public sealed record Size(int CellsPerAxis, int Unknowns, object Ours, JsonNode? Peer, string? PeerProblem, JsonObject Comparison);

    /// <summary><c>{ tool, environment, sizes: [ { n, unknowns, ours, scipy, scipy_problem, comparison } ] }</c>.</summary>
    public static JsonObject Document(string tool, object environment, IEnumerable<Size> sizes) => new()
    {
        ["tool"] = tool,
        ["environment"] = JsonSerializer.SerializeToNode(environment, environment.GetType(), ChildProcessRunner.Json),
        ["sizes"] = new JsonArray([.. sizes.Select(s => (JsonNode)new JsonObject
        {
            ["n"] = s.CellsPerAxis,
            ["unknowns"] = s.Unknowns,
            ["ours"] = JsonSerializer.SerializeToNode(s.Ours, s.Ours.GetType(), ChildProcessRunner.Json),
            ["scipy"] = s.Peer?.DeepClone(),
            ["scipy_problem"] = s.PeerProblem,
            ["comparison"] = s.Comparison,
        })]),
    };

    /// <summary>A JSON number, or null.</summary>
    public static JsonNode? N(double? v) => v is { } x ? JsonOutput.Number(x) : null;

    /// <summary>Seconds: three decimals below 10, two above.</summary>
    public static string S(double? v) => v is { } x ? x.ToString(x < 10 ? "F3" : "F2", CultureInfo.InvariantCulture) : "—";

    /// <summary>A ratio such as <c>4.96×</c> or <c>12.8×</c>.</summary>
    /// <remarks>Two decimals below 10×, so that a ratio just under a goal such as 5× (4.96) does not print as the goal; one above.</remarks>
    public static string X(double? v) => v is { } x ? x.ToString(Math.Abs(x) < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + "×" : "—";

    /// <summary>A small number in exponent form.</summary>
    public static string E(double? v) => v is { } x ? x.ToString("0.0E+0", CultureInfo.InvariantCulture) : "—";
}
