using System.Text.Json.Nodes;

namespace FokkerPlanck.Cli.Bench;

/// <summary>The figures of one <c>evolve_ref.py valley N</c> run (the SciPy peer: <c>solve_ivp</c>, BDF, sparse Jacobian).</summary>
/// <param name="SolveSeconds"><c>t_solve</c>: wall clock of <c>solve_ivp</c> (generator builds at each temperature, LU factorizations, steps).</param>
/// <param name="CpuSeconds"><c>cpu_solve</c>: process CPU time of the same.</param>
/// <param name="Status"><c>status</c> of <c>solve_ivp</c> (0: reached the end).</param>
/// <param name="RhsEvaluations"><c>nfev</c>: right-hand-side evaluations.</param>
/// <param name="Jacobians"><c>njev</c>: Jacobian evaluations.</param>
/// <param name="Factorizations"><c>nlu</c>: LU factorizations.</param>
/// <param name="RelativeTolerance"><c>rtol</c> (its atol is 1e-12/n).</param>
/// <param name="Times">The checkpoints.</param>
/// <param name="ExcessLoss">Excess loss per checkpoint.</param>
/// <param name="L1">L1 distance to π_c per checkpoint.</param>
/// <param name="MassError">|Σp − 1| at the end.</param>
/// <param name="PeakMemoryMib"><c>rss_peak_MiB</c> (ru_maxrss).</param>
/// <param name="Raw">The whole JSON line as printed.</param>
internal sealed record EvolvePeerResult(double SolveSeconds, double CpuSeconds, int Status, int RhsEvaluations, int Jacobians, int Factorizations,
    double RelativeTolerance, double[] Times, double[] ExcessLoss, double[] L1, double MassError, double PeakMemoryMib, JsonObject Raw)
{
    /// <summary>Parses the peer's JSON line.</summary>
    /// <exception cref="FormatException">A field is missing.</exception>
    public static EvolvePeerResult Parse(string line)
    {
        var o = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("peer output is not a JSON object");
        double Get(string key) => o[key]?.GetValue<double>() ?? throw new FormatException($"peer output lacks '{key}'");
        int Count(string key) => o[key]?.GetValue<int>() ?? throw new FormatException($"peer output lacks '{key}'");
        double[] Array(string key) => [.. (o[key] as JsonArray ?? throw new FormatException($"peer output lacks '{key}'")).Select(r => r!.GetValue<double>())];
        return new EvolvePeerResult(Get("t_solve"), Get("cpu_solve"), Count("status"), Count("nfev"), Count("njev"), Count("nlu"), Get("rtol"),
            Array("times"), Array("excess_loss"), Array("l1"), Get("mass_error"), Get("rss_peak_MiB"), o);
    }
}
