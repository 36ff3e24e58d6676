using System.Text.Json.Nodes;

namespace FokkerPlanck.Cli.Bench;

/// <summary>The figures of one <c>em_ref.py</c> or <c>em_numba.py</c> run (the peer's Euler–Maruyama ensembles).</summary>
/// <param name="Tool">The peer's <c>tool</c> (<c>numpy-EM</c>, <c>numba-EM</c>).</param>
/// <param name="Particles"><c>npart</c>.</param>
/// <param name="Steps"><c>nsteps</c>.</param>
/// <param name="TimeStep"><c>dt</c>.</param>
/// <param name="WallSeconds"><c>wall_s</c> of the timed loop.</param>
/// <param name="ParticleStepsPerSecond"><c>particle_steps_per_s</c>.</param>
/// <param name="Mean">Ensemble mean of (x, y) at the end.</param>
/// <param name="Variance">Ensemble variance of (x, y) (NumPy <c>var</c>).</param>
/// <param name="Threads"><c>threads</c> (Numba), or 1 (NumPy's loop runs on one thread).</param>
/// <param name="Layout"><c>layout</c> (Numba: <c>step</c> or <c>part</c>), or null.</param>
/// <param name="Load">1/5/15-minute load averages just before the run.</param>
/// <param name="Raw">The whole JSON line as printed.</param>
internal sealed record LangevinPeerResult(string Tool, int Particles, int Steps, double TimeStep, double WallSeconds, double ParticleStepsPerSecond,
    double[] Mean, double[] Variance, int Threads, string? Layout, string Load, JsonObject Raw)
{
    /// <summary>A label such as <c>em_numba.py (step, 2 threads)</c>.</summary>
    public string Label => Layout is null ? "em_ref.py (NumPy)" : $"em_numba.py ({Layout}, {Threads} threads)";

    /// <summary>Parses the peer's JSON line.</summary>
    /// <exception cref="FormatException">A field is missing.</exception>
    public static LangevinPeerResult Parse(string line, string load)
    {
        var o = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("peer output is not a JSON object");
        double Get(string key) => o[key]?.GetValue<double>() ?? throw new FormatException($"peer output lacks '{key}'");
        double[] Pair(string key) => [.. (o[key] as JsonArray ?? throw new FormatException($"peer output lacks '{key}'")).Select(v => v!.GetValue<double>())];
        return new LangevinPeerResult(o["tool"]?.GetValue<string>() ?? "peer", (int)Get("npart"), (int)Get("nsteps"), Get("dt"), Get("wall_s"),
            Get("particle_steps_per_s"), Pair("mean"), Pair("var"), o["threads"]?.GetValue<int>() ?? 1, o["layout"]?.GetValue<string>(), load, o);
    }
}
