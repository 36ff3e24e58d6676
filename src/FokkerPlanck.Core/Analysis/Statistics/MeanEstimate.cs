using MathNet.Numerics.Distributions;

namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>
/// A sample mean with its standard error <c>s/√n</c> (s the sample standard deviation, n − 1 in the
/// denominator) and normal-theory confidence intervals.
/// </summary>
/// <remarks>
/// The interval is <c>mean ± z_{(1+c)/2} · s/√n</c> with the standard normal quantile (MathNet
/// <c>Normal.InvCDF</c>): the large-sample interval of the central limit theorem, which is what the
/// ensembles here (thousands of particles and more) call for; for n below a few dozen a Student-t
/// quantile would be the exact one for normal data (Wasserman, <i>All of Statistics</i>, 2004, §6.3.2).
/// </remarks>
/// <param name="Mean">The sample mean.</param>
/// <param name="StandardError">s/√n (NaN for n &lt; 2).</param>
/// <param name="Count">n.</param>
public sealed record MeanEstimate(double Mean, double StandardError, long Count)
{
    /// <summary>The estimate of <paramref name="values"/> (one pass, <see cref="RunningMean"/>).</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static MeanEstimate Of(ReadOnlySpan<double> values)
    {
        var m = new RunningMean();
        foreach (double v in values) m.Add(v);
        return m.Estimate();
    }

    /// <summary>The two-sided interval at confidence <paramref name="confidence"/> (e.g. 0.95 or 1 − α).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The confidence is not in (0, 1).</exception>
    public ConfidenceInterval Interval(double confidence)
    {
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence level lies in (0, 1), e.g. 0.95.");
        double z = Normal.InvCDF(0, 1, 0.5 * (1 + confidence));
        return new ConfidenceInterval(Mean - z * StandardError, Mean + z * StandardError, confidence);
    }

    /// <summary>The two-sided z-test of this mean against <paramref name="reference"/> (with its own standard error <paramref name="referenceError"/>).</summary>
    public ZTestResult TestAgainst(double reference, double referenceError = 0) => ZTest.TwoSided(Mean, StandardError, reference, referenceError);
}
