using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Factorization;

public class SparseLdltTests
{
    /// <summary>Relative residual bound for well-conditioned SPD systems: κ ≲ 10³ times ε, with margin.</summary>
    private const double SpdResidualTolerance = 1e-12;

    /// <summary>Relative residual bound for the indefinite shifted Laplacian (no pivoting, moderate growth).</summary>
    private const double IndefiniteResidualTolerance = 1e-9;

    /// <summary>Minimum distance of the shift from every eigenvalue, so the inertia is unambiguous.</summary>
    private const double ShiftSeparation = 1e-3;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(1, 37)]
    [InlineData(3, 60)]
    [InlineData(40, 40)]
    [InlineData(70, 45)]
    public void Solve_RandomSpdGrid_ManufacturedSolutionRecovered(int nx, int ny)
    {
        var a = SparseTestMatrices.RandomSpdGrid(nx, ny, seed: nx * 1000 + ny);
        var symbolic = SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(nx, ny));
        var ldlt = SparseLdlt.Create(a, symbolic);
        AssertSolves(a, ldlt, SpdResidualTolerance);
        Assert.Equal(0, ldlt.NegativePivotCount);
        Assert.Equal(a.RowCount, ldlt.PositivePivotCount);
    }

    [Fact]
    public void Solve_RandomNonGridPattern_DefaultOrdering_ManufacturedSolutionRecovered()
    {
        var a = SparseTestMatrices.RandomSpdPattern(700, 5, seed: 17);
        var ldlt = SparseLdlt.Create(a);
        AssertSolves(a, ldlt, SpdResidualTolerance);
    }

    [Fact]
    public void Create_IndefiniteShiftedLaplacian_InertiaCountsEigenvaluesBelowShift()
    {
        const int nx = 23, ny = 17;
        const double sigma = 2.3;
        int below = 0;
        for (int i = 1; i <= nx; i++)
            for (int j = 1; j <= ny; j++)
            {
                double lambda = 4 * Math.Pow(Math.Sin(Math.PI * i / (2.0 * (nx + 1))), 2)
                              + 4 * Math.Pow(Math.Sin(Math.PI * j / (2.0 * (ny + 1))), 2);
                Assert.True(Math.Abs(lambda - sigma) > ShiftSeparation);
                if (lambda < sigma) below++;
            }
        var a = SparseTestMatrices.DirichletLaplacian(nx, ny, sigma);
        var ldlt = SparseLdlt.Create(a, SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(nx, ny)));
        Assert.Equal(below, ldlt.NegativePivotCount);
        Assert.Equal(nx * ny - below, ldlt.PositivePivotCount);
        AssertSolves(a, ldlt, IndefiniteResidualTolerance);
    }

    [Theory]
    [InlineData(2.3)]   // indefinite, inside the spectrum
    [InlineData(-0.5)]  // positive definite
    public void Create_WithShift_SameFactorAsShiftedCopy(double sigma)
    {
        // σ subtracted as each front is assembled gives the very values of factorizing A − σI formed explicitly
        const int nx = 23, ny = 17;
        var a = SparseTestMatrices.DirichletLaplacian(nx, ny, 0.0);
        var symbolic = SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(nx, ny));
        using var copy = SparseLdlt.Create(a.AddDiagonal(-sigma), symbolic);
        using var shifted = SparseLdlt.Create(a, symbolic, sigma);
        Assert.Equal(copy.NegativePivotCount, shifted.NegativePivotCount);
        var b = Enumerable.Range(0, a.RowCount).Select(i => Math.Sin(0.37 * i)).ToArray();
        var x1 = new double[b.Length]; var x2 = new double[b.Length];
        copy.Solve(b, x1);
        shifted.Solve(b, x2);
        Assert.Equal(x1, x2);
        AssertSolves(a.AddDiagonal(-sigma), shifted, sigma > 0 ? IndefiniteResidualTolerance : SpdResidualTolerance);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_NonFiniteShift_ThrowsArgumentOutOfRange(double sigma)
    {
        var a = SparseTestMatrices.DirichletLaplacian(4, 4, 0.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => SparseLdlt.Create(a, null, sigma));
    }

    [Fact]
    public void Solve_MultipleRightHandSides_EqualsColumnByColumn()
    {
        var a = SparseTestMatrices.RandomSpdGrid(30, 25, seed: 5);
        var ldlt = SparseLdlt.Create(a, SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(30, 25)));
        const int count = 5;
        int n = a.RowCount;
        var b = SparseTestMatrices.RandomVector(n * count, 9);
        var x = new double[n * count];
        ldlt.Solve(b, x, count);
        var xq = new double[n];
        for (int q = 0; q < count; q++)
        {
            ldlt.Solve(b.AsSpan(q * n, n), xq);
            Assert.Equal(xq, x.AsSpan(q * n, n).ToArray());
        }
    }

    [Fact]
    public void Create_SameMatrixTwice_BitIdenticalSolutions()
    {
        // large enough that subtrees run as parallel tasks and the top fronts use the parallel update
        var a = SparseTestMatrices.RandomSpdGrid(220, 200, seed: 2);
        var symbolic = SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(220, 200));
        var b = SparseTestMatrices.RandomVector(a.RowCount, 4);
        var x1 = new double[a.RowCount];
        var x2 = new double[a.RowCount];
        SparseLdlt.Create(a, symbolic).Solve(b, x1);
        SparseLdlt.Create(a, symbolic).Solve(b, x2);
        Assert.Equal(x1, x2);
        Assert.True(SparseTestMatrices.RelativeResidual(a, x1, b) < SpdResidualTolerance);
    }

    [Fact]
    public void Refactor_NewValuesSamePattern_MatchesFreshFactorization()
    {
        var a1 = SparseTestMatrices.RandomSpdGrid(60, 50, seed: 1);
        var a2 = SparseTestMatrices.DirichletLaplacian(60, 50, 1.7);
        var symbolic = SymbolicFactorization.Analyze(a1, NestedDissection.ForGrid(60, 50));
        var ldlt = SparseLdlt.Create(a1, symbolic);
        ldlt.Refactor(a2);
        var fresh = SparseLdlt.Create(a2, symbolic);
        var b = SparseTestMatrices.RandomVector(a2.RowCount, 8);
        var x1 = new double[b.Length];
        var x2 = new double[b.Length];
        ldlt.Solve(b, x1);
        fresh.Solve(b, x2);
        Assert.Equal(x2, x1);
        Assert.Equal(fresh.NegativePivotCount, ldlt.NegativePivotCount);
        Assert.True(ldlt.NegativePivotCount > 0);
    }

    [Fact]
    public void Refactor_SingularValues_ThrowsAndSolveRefusesUntilRefactored()
    {
        var a = SparseTestMatrices.GridLaplacian(7, 1, 1.0);
        var singular = SparseTestMatrices.GridLaplacian(7, 1, 0.0);
        var symbolic = SymbolicFactorization.Analyze(a, Permutation.Identity(7));
        var ldlt = SparseLdlt.Create(a, symbolic);
        Assert.Throws<FactorizationException>(() => ldlt.Refactor(singular));
        Assert.Throws<InvalidOperationException>(() => ldlt.Solve(new double[7], new double[7]));
        ldlt.Refactor(a);
        AssertSolves(a, ldlt, SpdResidualTolerance);
    }

    [Fact]
    public void Create_SingularMatrix_ThrowsFactorizationException()
    {
        // pure graph Laplacian of a path: singular, the last pivot is exactly zero
        var a = SparseTestMatrices.GridLaplacian(6, 1, 0.0);
        var ex = Assert.Throws<FactorizationException>(() => SparseLdlt.Create(a, SymbolicFactorization.Analyze(a, Permutation.Identity(6))));
        Assert.Equal(5, ex.Column);
    }

    [Fact]
    public void Create_EmptyMatrix_FactorizesToNothing()
    {
        var a = CsrMatrix.FromTriplets(0, 0, []);
        var ldlt = SparseLdlt.Create(a);
        Assert.Equal(0, ldlt.Size);
        Assert.Equal(0, ldlt.NonZerosInFactor);
        ldlt.Solve(ReadOnlySpan<double>.Empty, Span<double>.Empty);
    }

    [Fact]
    public void Create_NonSquare_ThrowsArgumentException()
    {
        var a = CsrMatrix.FromTriplets(2, 3, [(0, 0, 1.0), (1, 1, 1.0)]);
        Assert.Throws<ArgumentException>(() => SparseLdlt.Create(a));
    }

    [Fact]
    public void Create_Unsymmetric_ThrowsArgumentException()
    {
        var a = CsrMatrix.FromTriplets(2, 2, [(0, 0, 2.0), (0, 1, 1.0), (1, 0, 0.5), (1, 1, 2.0)]);
        Assert.Throws<ArgumentException>(() => SparseLdlt.Create(a));
    }

    [Fact]
    public void Create_StructurallyUnsymmetric_ThrowsArgumentException()
    {
        var a = CsrMatrix.FromTriplets(3, 3, [(0, 0, 2.0), (0, 2, 0.5), (1, 1, 2.0), (2, 2, 2.0)]);
        Assert.Throws<ArgumentException>(() => SparseLdlt.Create(a));
    }

    [Fact]
    public void Create_PatternDiffersFromSymbolic_ThrowsArgumentException()
    {
        var a = SparseTestMatrices.GridLaplacian(5, 5, 1.0);
        var other = SparseTestMatrices.GridLaplacian(5, 5, 1.0).AddDiagonal(0.0);
        var b = SparseTestMatrices.GridLaplacian(4, 6, 1.0);
        var symbolic = SymbolicFactorization.Analyze(a);
        _ = SparseLdlt.Create(other, symbolic);
        Assert.Throws<ArgumentException>(() => SparseLdlt.Create(b, symbolic));
    }

    [Fact]
    public void Create_WithProgress_ReportsCompletion()
    {
        var a = SparseTestMatrices.RandomSpdGrid(40, 40, seed: 1);
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        _ = SparseLdlt.Create(a, null, progress);
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1]);
    }

    [Fact]
    public void Solve_WrongLength_ThrowsArgumentException()
    {
        var a = SparseTestMatrices.GridLaplacian(4, 4, 1.0);
        var ldlt = SparseLdlt.Create(a);
        Assert.Throws<ArgumentException>(() => ldlt.Solve(new double[15], new double[16]));
    }

    internal static void AssertSolves(CsrMatrix a, ILinearSolver solver, double tolerance)
    {
        int n = a.RowCount;
        var xTrue = SparseTestMatrices.RandomVector(n, 42);
        var b = new double[n];
        a.Multiply(xTrue, b);
        var x = new double[n];
        solver.Solve(b, x);
        double residual = SparseTestMatrices.RelativeResidual(a, x, b);
        Assert.True(residual < tolerance, $"relative residual {residual:G3}");
    }

    private sealed class SynchronousProgress(List<double> sink) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (sink) sink.Add(value);
        }
    }
}
