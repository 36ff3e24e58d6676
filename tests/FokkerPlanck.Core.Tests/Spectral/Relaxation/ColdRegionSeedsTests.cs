using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Spectral.Relaxation;

/// <summary>
/// The left-vector seeds on the cold cells (<see cref="ColdRegionSeeds"/>) against the converged left
/// vectors, and the shared-shift iteration they start.
/// </summary>
public class ColdRegionSeedsTests
{
    /// <summary>
    /// On the benchmark valley the cut seeds are zero on the cold rim (π below ~1e-20 of its peak); the
    /// restricted backward equation fills them with the converged left vectors' values, to the accuracy
    /// of the boundary values around them (the seeds' own error, up to 1e-6 relative where φ is 1e-10
    /// of its peak), far from the O(1) error of the zeros; with the LDLᵀ of the symmetrized block through
    /// the scaling and with the LU of the backward generator's block alike.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fill_OnTheValleysColdRim_AgreesWithTheConvergedLeftVectors(bool symmetricBlock)
    {
        var op = Valley();
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 6 });
        int m = s.Count - 1, n = op.Size;
        var seeds = Enumerable.Range(0, m).Select(_ => new double[n]).ToArray();
        var cold = LeftEigenvectorRefinement.Seed(s.SymmetricModes[1..], LeftEigenvectorRefinement.SquareRootOfMasses(op.LogEquilibrium), seeds);
        int coldCells = cold.Count(c => c);
        Assert.InRange(coldCells, n / 20, n / 2);
        var (a, backward) = op.AssembleSymmetricAndBackward();
        var outcome = ColdRegionSeeds.Fill(backward, s.Eigenvalues[1..], cold, seeds, ordering: null, symmetricBlock ? a : null, op.LogEquilibrium);
        Assert.Equal(new ColdRegionSeeds.Outcome(coldCells, outcome.Steps, m), outcome);
        Assert.InRange(outcome.Steps, 2, ColdRegionSeeds.MaxSteps);
        for (int k = 0; k < m; k++)
        {
            var exact = s.LeftVectors[k + 1];
            double peak = exact.Max(Math.Abs), worst = 0;
            for (int i = 0; i < n; i++)
                if (cold[i]) worst = Math.Max(worst, Math.Abs(seeds[k][i] - exact[i]) / Math.Max(Math.Abs(exact[i]), 1e-12 * peak));
            Assert.True(worst < 1e-4, $"v{k + 2}: cold-cell seeds off by {worst:E2} relative");
        }
    }

    /// <summary>
    /// A rate far above every rate of the cold cells' restricted problem (μ₁ and all others) cannot be
    /// reached by the iteration: the LU at the midpoint shift has negative pivots, the one at zero makes
    /// the iteration grow, and the column keeps its cut seed rather than a diverged one.
    /// </summary>
    [Fact]
    public void Fill_ARateAboveTheRestrictedSpectrum_KeepsTheCutSeed()
    {
        var op = Valley();
        var backward = op.Assemble(FokkerPlanckOperator.Form.Backward);
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 3 });
        var seeds = new[] { new double[op.Size] };
        var cold = LeftEigenvectorRefinement.Seed(s.SymmetricModes[1..2], LeftEigenvectorRefinement.SquareRootOfMasses(op.LogEquilibrium), seeds);
        var before = (double[])seeds[0].Clone();
        double beyond = 10 * backward.Diagonal().Max(Math.Abs);
        var outcome = ColdRegionSeeds.Fill(backward, [beyond], cold, seeds, ordering: null);
        Assert.Equal(0, outcome.FilledColumns);
        Assert.Equal(before, seeds[0]);
    }

    /// <summary>
    /// From the filled seeds the shared-shift iteration with the eigen solve's LDLᵀ reaches its target in
    /// two sweeps on the valley at 256² (measured; six from the cut seeds before the fill), with the grid's
    /// ordering restricted to the cold cells or the cold cells' own nested dissection alike.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SharedShift_FromTheFilledSeeds_ConvergesInTwoSweeps(bool gridOrdering)
    {
        var op = Valley();
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 6 });
        int m = s.Count - 1;
        var a = op.Assemble(FokkerPlanckOperator.Form.SymmetricPositive);
        var symbolic = RelaxationSpectrumSolver.AnalyzeGrid(a, op.Grid.Nx, op.Grid.Ny);
        using var factor = SparseLdlt.Create(a, symbolic, s.Shift);
        var left = Enumerable.Range(0, m).Select(_ => new double[op.Size]).ToArray();
        var result = SharedShiftLeftVectors.TryCompute(op.Assemble(FokkerPlanckOperator.Form.Backward), factor, s.Eigenvalues[1..], s.SymmetricModes[1..],
            op.LogEquilibrium, left, gridOrdering ? symbolic.Ordering : null);
        Assert.NotNull(result);
        Assert.InRange(result.Value.Sweeps, 1, 2);
        Assert.All(result.Value.Residuals, r => Assert.True(r < SharedShiftLeftVectors.ResidualTarget, $"componentwise residual {r:E2}"));
        for (int k = 0; k < m; k++)
        {
            double peak = s.LeftVectors[k + 1].Max(Math.Abs);
            for (int i = 0; i < op.Size; i++)
                Assert.True(Math.Abs(left[k][i] - s.LeftVectors[k + 1][i]) <= 1e-8 * Math.Max(Math.Abs(s.LeftVectors[k + 1][i]), 1e-12 * peak), $"v{k + 2}[{i}]");
        }
    }

    /// <summary>The benchmark valley at 256²: fine enough for the eigen solve to resolve the modes' cold tails (on 64 × 96 and 128 × 192 the slowest column needs 5–6 sweeps, limited by the shared shift, not by the seeds).</summary>
    private static FokkerPlanckOperator Valley()
        => FokkerPlanckOperator.Create(DiscreteLandscape.Sample(new TensorGrid(Axis.Uniform(-1, 1, 256), Axis.Uniform(-2.5, 2.5, 256)), TestLandscapes.PeerValley()), 0.25);
}
