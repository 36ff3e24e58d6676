using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Analysis.Mpemba;

public class MpembaScanTests
{
    /// <summary>
    /// Exact solution for a piecewise-constant potential (levels U_r on intervals): on each interval
    /// the backward eigenfunction is v = α cos(k(y − s)) + β sin(k(y − s)), λ = T k²; at a jump v
    /// and e^{−U/T} v′ are continuous; v′ = 0 at the walls. a₂(T_h) ∝ Σ_r e^{−U_r/T_h} ∫_r v /
    /// Σ_r e^{−U_r/T_h} |r|, so its zeros are the zeros of N(T_h) = Σ_r e^{−U_r/T_h} I_r.
    /// </summary>
    private sealed class PiecewiseConstantExact(double[] levels, double[] bounds, double tc)
    {
        private (double Dv, double[] Integrals) Shoot(double k)
        {
            double al = 1, be = 0, dv = 0;
            var integrals = new double[levels.Length];
            for (int r = 0; r < levels.Length; r++)
            {
                double len = bounds[r + 1] - bounds[r];
                integrals[r] = al * Math.Sin(k * len) / k + be * (1 - Math.Cos(k * len)) / k;
                double v = al * Math.Cos(k * len) + be * Math.Sin(k * len);
                dv = k * (-al * Math.Sin(k * len) + be * Math.Cos(k * len));
                if (r + 1 < levels.Length)
                {
                    dv *= Math.Exp((levels[r + 1] - levels[r]) / tc);
                    al = v; be = dv / k;
                }
            }
            return (dv, integrals);
        }

        public double K()
        {
            double k = 1e-4, step = 1e-4, f0 = Shoot(k).Dv;
            while (Shoot(k + step).Dv * f0 > 0) k += step;
            return BrentRootFinder.FindRoot(x => Shoot(x).Dv, k, k + step, 1e-14);
        }

        public double Lambda2 => tc * K() * K();

        public double N(double th)
        {
            var ints = Shoot(K()).Integrals;
            return levels.Select((u, r) => Math.Exp(-u / th) * ints[r]).Sum();
        }

        public double Z(double th) => levels.Select((u, r) => Math.Exp(-u / th) * (bounds[r + 1] - bounds[r])).Sum();
    }

    private static (RelaxationSpectrum Spectrum, MpembaScanResult Scan) Run1D(double[] levels, double[] bounds, double tc, int cells, double[] plateau)
    {
        double U(double y)
        {
            for (int r = 0; r < levels.Length - 1; r++) if (y < bounds[r + 1]) return levels[r];
            return levels[^1];
        }
        var jumps = bounds[1..^1];
        var land = new PotentialLandscape1D(new ScalarField1D("piecewise", U, _ => 0, (lo, hi) => jumps.Where(j => j > lo && j < hi).ToArray()));
        var grid = TensorGrid.OneDimensional(Axis.Uniform(bounds[0], bounds[^1], cells).SnapFacesTo(jumps));
        var sampled = DiscreteLandscape.Sample(grid, land);
        var s = new RelaxationSpectrumSolver().Solve(FokkerPlanckOperator.Create(sampled, tc), new SpectrumOptions { Modes = 4 });
        return (s, MpembaScan.Run(s, new EquilibriumStateFamily(sampled, 1.0), 1.0, tc, plateau));
    }

    private static double[] LogSpaced(double lo, double hi, int n) => Enumerable.Range(0, n).Select(i => lo * Math.Pow(hi / lo, i / (n - 1.0))).ToArray();

    [Fact]
    public void PiecewiseConstant_StrongPointMatchesExactSolution()
    {
        double[] levels = [0, -0.4, -0.3], bounds = [0, 1, 3, 4];
        const double tc = 0.1;
        var exact = new PiecewiseConstantExact(levels, bounds, tc);
        double exactRoot = BrentRootFinder.FindRoot(th => exact.N(th) / (th - tc), 0.2, 0.5, 1e-12);
        var (s, scan) = Run1D(levels, bounds, tc, 800, LogSpaced(0.11, 2.0, 40));
        Assert.True(Math.Abs(s.Eigenvalues[1] - exact.Lambda2) < 1e-4 * exact.Lambda2, $"λ₂ {s.Eigenvalues[1]} vs exact {exact.Lambda2}");
        var p = Assert.Single(scan.Points);
        Assert.Equal("cooling", p.Kind);
        Assert.True(Math.Abs(p.Lr - exactRoot) < 1e-4 * exactRoot, $"η* = {p.Lr} vs exact {exactRoot}");
        // the shape of a₂(T_h): ratios are normalization-free
        double R(double t1, double t2) => exact.N(t1) * exact.Z(t2) / (exact.N(t2) * exact.Z(t1));
        var a = scan.Scan;
        int i1 = 5, i2 = 30;
        double ours = a[i1].EffectiveA2 / a[i2].EffectiveA2, theirs = R(a[i1].Lr, a[i2].Lr);
        Assert.True(Math.Abs(ours - theirs) < 1e-3 * Math.Abs(theirs), $"a₂ ratio {ours} vs exact {theirs}");
    }

    [Fact]
    public void PotentialStep_HasNoStrongPoint_AndSaysWhereAmplitudeIsSmallest()
    {
        // one jump: N(T_h) ∝ e^{−Δ/T_h} − e^{−Δ/T_c} vanishes only at T_h = T_c
        double[] levels = [0, 0.5], bounds = [-1, 0.3, 2];
        const double tc = 0.2;
        var (_, scan) = Run1D(levels, bounds, tc, 300, LogSpaced(0.05, 3.0, 30));
        Assert.Empty(scan.Points);
        Assert.True(double.IsFinite(scan.SmallestLr));
        Assert.True(Math.Abs(scan.SmallestLr - tc) > MpembaScan.TrivialNeighbourhood * tc);
        var exact = new PiecewiseConstantExact(levels, bounds, tc);
        double ours = scan.Scan[3].EffectiveA2 / scan.Scan[25].EffectiveA2;
        double theirs = exact.N(scan.Scan[3].Lr) * exact.Z(scan.Scan[25].Lr) / (exact.N(scan.Scan[25].Lr) * exact.Z(scan.Scan[3].Lr));
        Assert.True(Math.Abs(ours - theirs) < 2e-3 * Math.Abs(theirs), $"{ours} vs {theirs}");
    }

    [Fact]
    public void SymmetricWell_OddModesVanish_EffectiveModeIsTheFirstEvenOne()
    {
        // U = (x² + 1.3y²)/2 with equilibria even in x and y: the odd modes x (λ=1), y (λ=1.3), xy (λ=2.3) have zero overlap.
        var g = new TensorGrid(Axis.Uniform(-7, 7, 96), Axis.Uniform(-7, 7, 96));
        var sampled = DiscreteLandscape.Sample(g, TestLandscapes.Harmonic(1.0, 1.3));
        var s = new RelaxationSpectrumSolver().Solve(FokkerPlanckOperator.Create(sampled, 0.5), new SpectrumOptions { Modes = 6 });
        var scan = MpembaScan.Run(s, new EquilibriumStateFamily(sampled, 1.0), 1.0, 0.5, LogSpaced(0.6, 2.0, 8));
        Assert.Equal([2, 3, 5], scan.VanishingModes);
        Assert.Equal(4, scan.EffectiveMode);
        Assert.Equal(6, scan.NextMode);
        Assert.True(Math.Abs(scan.EffectiveRate - 2.0) < 0.05, $"λ_eff = {scan.EffectiveRate}");
        Assert.Empty(scan.Points); // an OU well has no Mpemba point
        Assert.False(MpembaScan.DecidedByLowestModes(scan, 1.0)); // v₂ and v₃ vanish: more modes were needed
    }

    /// <summary>The equilibrium family's masses (one exponential per cell) equal e^{ln p} from its log masses, where the hot state underflows too.</summary>
    [Theory]
    [InlineData(0.05)]
    [InlineData(2.0)]
    public void EquilibriumFamily_MassesEqualTheExponentialOfItsLogMasses(double lr)
    {
        var g = new TensorGrid(Axis.Uniform(-7, 7, 40), Axis.Uniform(-7, 7, 30));
        var family = new EquilibriumStateFamily(DiscreteLandscape.Sample(g, TestLandscapes.Harmonic(1.0, 1.3)), 1.0);
        var log = new double[g.CellCount];
        var scratch = new double[g.CellCount];
        var masses = new double[g.CellCount];
        family.LogMasses(lr, log);
        family.Masses(lr, scratch, masses);
        Assert.Equal(1.0, masses.Sum(), 13);
        // e^x carries the rounding of x itself, |x|·ε relative: the two ways of forming x differ by a few ulps of it
        for (int i = 0; i < g.CellCount; i++)
            Assert.True(Math.Abs(masses[i] - Math.Exp(log[i])) <= 8e-16 * (1 + Math.Abs(log[i])) * Math.Exp(log[i]) + 1e-300, $"cell {i}: {masses[i]:R} vs {Math.Exp(log[i]):R}");
        Assert.Equal(lr < 1, masses.Contains(0.0)); // at η = 0.05 the corners underflow (U/T ≈ 1100); at 2.0 nothing does
    }
}
