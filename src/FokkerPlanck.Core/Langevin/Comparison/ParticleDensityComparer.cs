using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Spectral;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>
/// Compares particle positions with a Fokker–Planck density given as cell masses on a grid: the
/// marginal histograms (G-tests), the excess loss and the mode amplitudes (z-tests), and one verdict
/// per time, Holm-corrected over those tests. Build once per grid and landscape; <see cref="Compare"/>
/// then costs one pass over the particles and O(cells) memory.
/// </summary>
/// <remarks>
/// <para>The FP solution stands for the piecewise-constant density with mass <c>p_k</c> uniform in cell
/// k (what <c>InitialEnsemble.FromMasses</c> samples). Against it, particles are binned on the grid's
/// faces; the marginal of the FP density in a bin is then exact, and so is the amplitude <c>⟨v_k, p⟩</c>
/// when <c>v_k</c> is read at the particle's cell. The loss is evaluated at the particles' positions, so
/// its FP value, taken at the cell centres, carries a quadrature error of order (cell width)²; its size
/// (<see cref="LossComparison.FokkerPlanckError"/>) enters the z-test as the reference's error.</para>
/// <para>Masses are used as probabilities: negative round-off is set to 0 and the total normalized to 1.
/// The tests treat the particles as independent draws; particles of one run at one time that share
/// their past (e.g. one SGD trajectory sampled often) are not independent, and the p-values would then
/// be too small.</para>
/// <para>What "consistent" can mean: with n particles, differences below about 2.6 standard errors go
/// unseen, and with very large n the FP discretization error itself (of order h² in the density) becomes
/// detectable in the marginals, which carry no allowance for it.</para>
/// </remarks>
public sealed partial class ParticleDensityComparer
{
    private readonly ILandscape _landscape;
    private readonly double[] _centreLoss;
    private readonly double[] _quadratureCorrection;

    /// <summary>Creates the comparer, sampling the loss at every cell centre and its cell average (3×3 Simpson).</summary>
    /// <exception cref="ArgumentException">The options do not fit the grid.</exception>
    public ParticleDensityComparer(TensorGrid grid, ILandscape landscape, ParticleComparerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(landscape);
        Options = options ?? new ParticleComparerOptions();
        Options.Validate(grid.CellCount);
        Grid = grid;
        _landscape = landscape;
        (_centreLoss, _quadratureCorrection) = SampleLoss(grid, landscape);
    }

    /// <summary>The grid.</summary>
    public TensorGrid Grid { get; }

    /// <summary>The options.</summary>
    public ParticleComparerOptions Options { get; }

    /// <summary>The loss at the cell centres, <c>L(c_k)</c>.</summary>
    public ReadOnlySpan<double> CentreLoss => _centreLoss;

    /// <summary>Compares particles <c>(x[i], y[i])</c> with the FP cell masses <paramref name="masses"/>.</summary>
    /// <param name="x">x positions (ignored, and may be empty, on a one-dimensional grid).</param>
    /// <param name="y">y positions; at least 2.</param>
    /// <param name="masses">FP cell masses at the same time, index <c>i + Nx·j</c>.</param>
    /// <param name="amplitudes">The FP amplitudes <c>⟨v_k, p⟩</c> of <see cref="ParticleComparerOptions.LeftVectors"/> if known (computed from <paramref name="masses"/> otherwise).</param>
    /// <exception cref="ArgumentException">Sizes do not fit, fewer than 2 particles, masses negative beyond round-off or not finite, or particles outside the grid box (the message says how many and where).</exception>
    public ParticleComparison Compare(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> masses, IReadOnlyList<double>? amplitudes = null)
    {
        CheckInputs(x, y, masses, amplitudes);
        var p = Probabilities(masses);
        var sums = Accumulate(x, y);
        var yTest = Marginal("y", Grid.Y, sums.CountsY, MarginalY(p), sums.Count);
        var xTest = Grid.IsOneDimensional ? null : Marginal("x", Grid.X, sums.CountsX, MarginalX(p), sums.Count);
        var loss = Loss(p, sums.Loss.Estimate());
        var modes = new AmplitudeComparison[Options.LeftVectors.Count];
        for (int m = 0; m < modes.Length; m++)
        {
            double fp = amplitudes?[m] ?? VectorOps.Dot(Options.LeftVectors[m], p);
            var estimate = sums.Amplitudes[m].Estimate();
            modes[m] = new AmplitudeComparison(Options.FirstMode + m, estimate, fp, estimate.TestAgainst(fp));
        }
        var named = new List<(string Name, double P)> { ("y marginal", yTest.Test.PValue) };
        if (xTest is not null) named.Add(("x marginal", xTest.Test.PValue));
        named.Add(("excess loss", loss.Test.PValue));
        named.AddRange(modes.Select(a => ($"a{a.Mode}", a.Test.PValue)));
        var holm = HolmBonferroni.Apply([.. named.Select(t => t.P)], Options.Level);
        var tests = named.Select((t, i) => new TestOutcome(t.Name, t.P, holm.AdjustedPValues[i], holm.VerdictOf(i))).ToArray();
        return new ParticleComparison(y.Length, yTest, xTest, loss, modes, tests, holm);
    }

    /// <summary>The loss comparison: particles' mean excess loss against the centre-quadrature FP value with its quadrature error.</summary>
    private LossComparison Loss(double[] p, MeanEstimate particles)
    {
        double fp = 0, correction = 0;
        for (int k = 0; k < p.Length; k++)
        {
            fp += p[k] * _centreLoss[k];
            correction += p[k] * _quadratureCorrection[k];
        }
        double reference = Options.EquilibriumLoss ?? 0;
        double error = Math.Abs(correction);
        return new LossComparison(particles, particles.Interval(1 - Options.Level), fp - reference, error, Options.EquilibriumLoss,
            particles.TestAgainst(fp - reference, error));
    }

    private static MarginalComparison Marginal(string axis, Axis a, long[] counts, double[] marginal, long n)
    {
        var expected = new double[marginal.Length];
        for (int i = 0; i < expected.Length; i++) expected[i] = n * marginal[i];
        return new MarginalComparison(axis, a.Faces.ToArray(), counts, expected, GTest.Run(counts, marginal));
    }
}
