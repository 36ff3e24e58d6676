using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Factorization;

/// <summary>
/// Solves with several right-hand sides at once (<see cref="SparseLdlt"/> and <see cref="SparseLu"/>,
/// both served by the supernodal triangular solver) against separate single solves.
/// </summary>
public class MultipleRightHandSidesTests
{
    /// <summary>
    /// Grid side: large enough that the subtrees are solved as parallel tasks and that some fronts
    /// have more than 512 rows below a group of pivot columns (the row chunking of the
    /// several-right-hand-side kernels is exercised), small enough to factor in well under a second.
    /// </summary>
    private const int GridSide = 400;

    /// <summary>Relative residual bound for the well-conditioned test systems.</summary>
    private const double ResidualTolerance = 1e-10;

    private static readonly Lazy<(CsrMatrix A, ILinearSolver Solver)> Ldlt = new(() =>
    {
        var a = SparseTestMatrices.RandomSpdGrid(GridSide, GridSide, seed: 11);
        return (a, SparseLdlt.Create(a, SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(GridSide, GridSide))));
    });

    private static readonly Lazy<(CsrMatrix A, ILinearSolver Solver)> Lu = new(() =>
    {
        var a = SparseTestMatrices.UpwindConvectionDiffusion(GridSide, GridSide, speed: 20.0, c: 0.05);
        return (a, SparseLu.Create(a, SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(GridSide, GridSide))));
    });

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(false, 3)]
    [InlineData(false, 5)]
    [InlineData(false, 8)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    [InlineData(true, 3)]
    [InlineData(true, 5)]
    [InlineData(true, 8)]
    public void Solve_SeveralRightHandSides_BitIdenticalToSeparateSolves(bool lu, int count)
    {
        var (a, solver) = lu ? Lu.Value : Ldlt.Value;
        int n = a.RowCount;
        var b = SparseTestMatrices.RandomVector(n * count, 100 + count);
        // a zero right-hand side among the others: its columns must stay exactly zero
        if (count > 2) Array.Clear(b, n, n);
        var x = new double[n * count];
        solver.Solve(b, x, count);
        var xq = new double[n];
        for (int q = 0; q < count; q++)
        {
            var bq = b.AsSpan(q * n, n);
            solver.Solve(bq, xq);
            Assert.Equal(xq, x.AsSpan(q * n, n).ToArray());
            if (q == 1 && count > 2) Assert.All(xq, v => Assert.Equal(0.0, v));
            else Assert.True(SparseTestMatrices.RelativeResidual(a, xq, bq) < ResidualTolerance);
        }
    }
}
