using FokkerPlanck.Core.Benchmarks;

namespace FokkerPlanck.Cli.Bench;

/// <summary>
/// Ours against one peer run at the same particles, steps and dt: z-scores of the ensemble means and
/// variances of x and y (different noise, so they agree only statistically).
/// </summary>
/// <param name="Peer">The peer's run.</param>
/// <param name="Ours">Our run at the peer's step count.</param>
internal sealed record LangevinSanity(LangevinPeerResult Peer, LangevinBenchmarkResult Ours)
{
    /// <summary>
    /// Largest |z| accepted: four standard errors, so that the eight figures of a correct pair raise a
    /// false alarm with probability ≈ 5·10⁻⁴.
    /// </summary>
    public const double ZLimit = 4.0;

    /// <summary>
    /// <c>(mean x, mean y, var x, var y)</c>: difference over its standard error. Means: √(v₁/n₁ + v₂/n₂).
    /// Variances: √((μ₄ − v²)(1/n₁ + 1/n₂)) with our fourth moment (the peer prints none).
    /// </summary>
    public double[] Z
    {
        get
        {
            double n1 = Ours.Particles, n2 = Peer.Particles;
            var z = new double[4];
            for (int c = 0; c < 2; c++)
            {
                z[c] = (Ours.Mean[c] - Peer.Mean[c]) / Math.Sqrt(Ours.Variance[c] / n1 + Peer.Variance[c] / n2);
                double spread = Ours.FourthMoment[c] - Ours.Variance[c] * Ours.Variance[c];
                z[2 + c] = (Ours.Variance[c] - Peer.Variance[c]) / Math.Sqrt(spread * (1 / n1 + 1 / n2));
            }
            return z;
        }
    }

    /// <summary>True when every |z| ≤ <see cref="ZLimit"/>.</summary>
    public bool Agrees => Z.All(v => Math.Abs(v) <= ZLimit);
}
