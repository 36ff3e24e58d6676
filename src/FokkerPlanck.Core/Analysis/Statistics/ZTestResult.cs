namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>A two-sided z-test of an estimate against a reference (see <see cref="ZTest"/>).</summary>
/// <param name="Estimate">The estimate.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Reference">The reference value.</param>
/// <param name="ReferenceError">The reference's own standard error (0 when exact).</param>
/// <param name="Statistic">z = (estimate − reference)/√(SE² + SE_ref²).</param>
/// <param name="PValue">2·Φ(−|z|).</param>
public sealed record ZTestResult(double Estimate, double StandardError, double Reference, double ReferenceError, double Statistic, double PValue)
{
    /// <summary>estimate − reference.</summary>
    public double Difference => Estimate - Reference;

    /// <summary>The standard error of the difference, √(SE² + SE_ref²).</summary>
    public double CombinedError => Math.Sqrt(StandardError * StandardError + ReferenceError * ReferenceError);

    /// <summary>The verdict at level α.</summary>
    public Verdict VerdictAt(double level = Significance.DefaultLevel) => Significance.Judge(PValue, level);
}
