using FokkerPlanck.Core.Analysis.Statistics;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>The histogram of one coordinate of the particles, binned on the grid's faces, against the Fokker–Planck marginal.</summary>
/// <param name="Axis">"x" or "y".</param>
/// <param name="Faces">The bin edges (the grid's faces along the axis).</param>
/// <param name="Counts">Particles per bin.</param>
/// <param name="Expected">Expected particles per bin, <c>n</c> times the FP marginal mass.</param>
/// <param name="Test">The G-test of the counts against the marginal (sparse bins merged; see <see cref="GTest"/>).</param>
public sealed record MarginalComparison(string Axis, double[] Faces, long[] Counts, double[] Expected, GTestResult Test);
