namespace FokkerPlanck.Core.Expressions;

/// <summary>Settings of <see cref="Formula.FindDiscontinuities"/>.</summary>
/// <param name="SampleCount">Number of equal sub-intervals on which each switching function is sampled
/// before bisection; two switches closer than one sub-interval can be missed.</param>
/// <param name="IncludeKinks">Also report kinks (points where the formula is continuous but its
/// derivative jumps): the zeros of the argument of <c>abs</c> and the crossings of the two
/// arguments of <c>min</c>/<c>max</c>. Off by default: only jumps of the value are reported.</param>
/// <param name="FixedValues">Values of all variables (in <see cref="Formula.Variables"/> order) used
/// while scanning one of them; the scanned entry is ignored. Null means all zero.</param>
public sealed record DiscontinuitySearchOptions(
    int SampleCount = DiscontinuitySearchOptions.DefaultSampleCount,
    bool IncludeKinks = false,
    IReadOnlyList<double>? FixedValues = null)
{
    /// <summary>Default <see cref="SampleCount"/>: fine enough for landscapes with features a few
    /// thousandths of the domain wide, cheap enough to run once per grid construction.</summary>
    public const int DefaultSampleCount = 4096;
}
