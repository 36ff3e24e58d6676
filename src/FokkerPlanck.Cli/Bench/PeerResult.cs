using System.Text.Json.Nodes;

namespace FokkerPlanck.Cli.Bench;

/// <summary>The figures of one <c>sqra_ref.py CASE N si_mmd</c> run (the SciPy peer), times in seconds.</summary>
/// <param name="BuildSeconds"><c>t_build</c>: assembly of A, L and π.</param>
/// <param name="FactorSeconds"><c>t_factor</c>: SuperLU with the MMD(AᵀA + A) ordering (part of <see cref="EigenSeconds"/>).</param>
/// <param name="EigenSeconds"><c>t_eig</c>: factorization plus <c>eigsh</c>.</param>
/// <param name="PeakMemoryMib"><c>rss_peak_MiB</c> (ru_maxrss).</param>
/// <param name="Rates">Eigenvalues, ascending.</param>
/// <param name="MaxResidual"><c>max ‖Aφ − λφ‖ / max(1, |λ|max)</c>.</param>
/// <param name="CpuSeconds"><c>cpu_build + cpu_eig</c>: process CPU time of the measured stages.</param>
/// <param name="Raw">The whole JSON line as printed.</param>
internal sealed record PeerResult(double BuildSeconds, double FactorSeconds, double EigenSeconds, double PeakMemoryMib,
    double[] Rates, double MaxResidual, double CpuSeconds, JsonObject Raw)
{
    /// <summary>Build plus eigen time (the counterpart of our total).</summary>
    public double TotalSeconds => BuildSeconds + EigenSeconds;

    /// <summary>Parses the peer's JSON line.</summary>
    /// <exception cref="FormatException">A field is missing.</exception>
    public static PeerResult Parse(string line)
    {
        var o = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("peer output is not a JSON object");
        double Get(string key) => o[key]?.GetValue<double>() ?? throw new FormatException($"peer output lacks '{key}'");
        var rates = (o["rates"] as JsonArray ?? throw new FormatException("peer output lacks 'rates'")).Select(r => r!.GetValue<double>()).ToArray();
        return new PeerResult(Get("t_build"), Get("t_factor"), Get("t_eig"), Get("rss_peak_MiB"), rates, Get("max_rel_residual"), Get("cpu_build") + Get("cpu_eig"), o);
    }
}
