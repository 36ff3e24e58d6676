namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>A two-sided confidence interval <c>[Low, High]</c> at confidence <see cref="Level"/> (e.g. 0.95).</summary>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end.</param>
/// <param name="Level">Confidence level 1 − α.</param>
public sealed record ConfidenceInterval(double Low, double High, double Level)
{
    /// <summary>Whether <paramref name="value"/> lies inside (ends included).</summary>
    public bool Contains(double value) => value >= Low && value <= High;

    /// <summary>Half the width.</summary>
    public double HalfWidth => 0.5 * (High - Low);
}
