using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Spectral.Relaxation;

/// <summary>The deep cells' restricted solves (<see cref="DeepCellSolve"/>) against the converged left vectors.</summary>
public class DeepCellSolveTests
{
    /// <summary>
    /// A steep valley (π below 1e-1000 of its peak at the walls): the deep cells are where √(π/π_max)
    /// leaves the normal range; with them wiped, one restricted solve per mode from the other cells gives
    /// back the converged left vectors there, to the accuracy of the vectors themselves.
    /// </summary>
    [Fact]
    public void Apply_WithTheDeepCellsWiped_RecoversTheConvergedLeftVectors()
    {
        var op = SteepValley();
        var s = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 4 });
        var backward = op.Assemble(FokkerPlanckOperator.Form.Backward);
        using var deep = DeepCellSolve.Create(backward, op.LogEquilibrium, s.Eigenvalues[1..], ordering: null);
        Assert.NotNull(deep);
        Assert.InRange(deep.Count, 1, op.Size / 2);
        for (int k = 0; k < s.Count - 1; k++)
        {
            var exact = s.LeftVectors[k + 1];
            var v = (double[])exact.Clone();
            for (int i = 0; i < v.Length; i++) if (deep.Deep[i]) v[i] = 0.0;
            deep.Apply(k, v);
            for (int i = 0; i < v.Length; i++)
                if (deep.Deep[i]) Assert.True(Math.Abs(v[i] - exact[i]) <= 1e-9 * Math.Abs(exact[i]), $"v{k + 2}[{i}] = {v[i]} vs {exact[i]}");
        }
    }

    /// <summary>A rate above the deep cells' restricted spectrum (a negative pivot) gives no solve: the caller falls back.</summary>
    [Fact]
    public void Create_ARateAboveTheRestrictedSpectrum_ReturnsNull()
    {
        var op = SteepValley();
        var backward = op.Assemble(FokkerPlanckOperator.Form.Backward);
        Assert.Null(DeepCellSolve.Create(backward, op.LogEquilibrium, [10 * backward.Diagonal().Max(Math.Abs)], ordering: null));
    }

    /// <summary>Valley walls of curvature 400 at T = 0.01: π below 1e-1000 of its peak at the walls.</summary>
    private static FokkerPlanckOperator SteepValley()
        => FokkerPlanckOperator.Create(DiscreteLandscape.Sample(new TensorGrid(Axis.Uniform(-0.5, 0.5, 40), Axis.Uniform(-1, 1, 60)),
            TestLandscapes.ValleyRiver(y => 0.5 * y * y, y => y, _ => 400.0, _ => 0.0)), 0.01);
}
