using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Factorization;

public class SparseLuTests
{
    /// <summary>Relative residual bound for the diagonally dominant test matrices.</summary>
    private const double ResidualTolerance = 1e-12;

    /// <summary>Agreement with the dense (partial pivoting) reference, relative to ‖x‖∞.</summary>
    private const double DenseAgreementTolerance = 1e-10;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(60, 1)]
    [InlineData(4, 50)]
    [InlineData(35, 30)]
    public void Solve_UpwindMMatrix_MatchesDenseReference(int nx, int ny)
    {
        var a = SparseTestMatrices.UpwindConvectionDiffusion(nx, ny, speed: 20.0, c: 0.05);
        Assert.True(a.SymmetryDefect() > 0 || nx * ny == 1);
        var lu = SparseLu.Create(a, SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(nx, ny)));
        int n = a.RowCount;
        var b = SparseTestMatrices.RandomVector(n, 3);
        var x = new double[n];
        lu.Solve(b, x);
        Assert.True(SparseTestMatrices.RelativeResidual(a, x, b) < ResidualTolerance);
        var dense = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++) dense[i, a.ColumnIndices[k]] = a.Values[k];
        var reference = dense.Solve(Vector<double>.Build.DenseOfArray(b));
        double scale = reference.InfinityNorm();
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(x[i] - reference[i]) <= DenseAgreementTolerance * scale);
    }

    [Fact]
    public void Solve_LargeUpwindGrid_ParallelPathManufacturedSolutionRecovered()
    {
        var a = SparseTestMatrices.UpwindConvectionDiffusion(170, 160, speed: 30.0, c: 0.01);
        var lu = SparseLu.Create(a, SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(170, 160)));
        SparseLdltTests.AssertSolves(a, lu, ResidualTolerance);
    }

    [Fact]
    public void Solve_NonGridPattern_ManufacturedSolutionRecovered()
    {
        var a = SparseTestMatrices.RandomSpdPattern(400, 4, seed: 8);
        SparseLdltTests.AssertSolves(a, SparseLu.Create(a), ResidualTolerance);
    }

    [Fact]
    public void Solve_MultipleRightHandSides_EqualsColumnByColumn()
    {
        var a = SparseTestMatrices.UpwindConvectionDiffusion(20, 24, speed: 5.0, c: 0.1);
        var lu = SparseLu.Create(a, SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(20, 24)));
        const int count = 3;
        int n = a.RowCount;
        var b = SparseTestMatrices.RandomVector(n * count, 1);
        var x = new double[n * count];
        lu.Solve(b, x, count);
        var xq = new double[n];
        for (int q = 0; q < count; q++)
        {
            lu.Solve(b.AsSpan(q * n, n), xq);
            Assert.Equal(xq, x.AsSpan(q * n, n).ToArray());
        }
    }

    [Fact]
    public void Refactor_NewValuesSamePattern_SolvesNewSystem()
    {
        var a1 = SparseTestMatrices.UpwindConvectionDiffusion(30, 20, speed: 5.0, c: 0.1);
        var a2 = SparseTestMatrices.UpwindConvectionDiffusion(30, 20, speed: -40.0, c: 1.0);
        var lu = SparseLu.Create(a1, SymbolicFactorization.Analyze(a1, NestedDissection.ForGrid(30, 20)));
        lu.Refactor(a2);
        SparseLdltTests.AssertSolves(a2, lu, ResidualTolerance);
    }

    [Fact]
    public void CreateAndRefactor_WithShift_SameSolutionsAsShiftedCopy()
    {
        // σ subtracted on each front's pivot diagonal gives the values of factorizing A − σI formed explicitly
        const double sigma = 0.7;
        var a = SparseTestMatrices.UpwindConvectionDiffusion(30, 20, speed: 5.0, c: 0.1);
        var symbolic = SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(30, 20));
        var b = SparseTestMatrices.RandomVector(a.RowCount, 5);
        var expected = new double[b.Length];
        using (var copy = SparseLu.Create(a.AddDiagonal(-sigma), symbolic)) copy.Solve(b, expected);
        using var shifted = SparseLu.Create(a, symbolic, sigma);
        var x = new double[b.Length];
        shifted.Solve(b, x);
        Assert.Equal(expected, x);
        shifted.Refactor(a, 0.0);
        shifted.Refactor(a, sigma);
        shifted.Solve(b, x);
        Assert.Equal(expected, x);
        Assert.Throws<ArgumentOutOfRangeException>(() => shifted.Refactor(a, double.NaN));
    }

    [Fact]
    public void Create_ZeroPivot_ThrowsFactorizationException()
    {
        // [[0, 1], [1, 1]] needs pivoting: the first pivot is exactly zero
        var a = CsrMatrix.FromTriplets(2, 2, [(0, 0, 0.0), (0, 1, 1.0), (1, 0, 1.0), (1, 1, 1.0)]);
        var ex = Assert.Throws<FactorizationException>(() => SparseLu.Create(a, SymbolicFactorization.Analyze(a, Permutation.Identity(2))));
        Assert.Equal(0, ex.Column);
    }

    [Fact]
    public void Create_NonFinite_ThrowsFactorizationException()
    {
        var a = CsrMatrix.FromTriplets(2, 2, [(0, 0, double.NaN), (1, 1, 1.0)]);
        Assert.Throws<FactorizationException>(() => SparseLu.Create(a));
    }

    [Fact]
    public void Create_NonSquare_ThrowsArgumentException()
    {
        var a = CsrMatrix.FromTriplets(3, 2, [(0, 0, 1.0)]);
        Assert.Throws<ArgumentException>(() => SparseLu.Create(a));
    }

    /// <summary>
    /// The backward generator of a tilted double well is diagonally similar to the symmetric A: the
    /// pivots of the unpivoted LU of <c>G − σI</c> are A's, so their negative count is the number of A's
    /// eigenvalues below σ (dense reference), for shifts below, between and above the slow rates.
    /// </summary>
    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(40.0)]
    public void NegativePivotCount_OfADetailedBalanceGenerator_IsTheSymmetricInertia(double shift)
    {
        var landscape = new FokkerPlanck.Core.Landscapes.PotentialLandscape1D(new FokkerPlanck.Core.Landscapes.ScalarField1D("(y^2-1)^2+0.25y",
            y => Math.Pow(y * y - 1, 2) + 0.25 * y, y => 4 * y * (y * y - 1) + 0.25));
        var op = FokkerPlanck.Core.Discretization.FokkerPlanckOperator.Create(FokkerPlanck.Core.Discretization.DiscreteLandscape.Sample(
            FokkerPlanck.Core.Grids.TensorGrid.OneDimensional(FokkerPlanck.Core.Grids.Axis.Uniform(-2, 2, 120)), landscape), 0.2);
        var g = op.Assemble(FokkerPlanck.Core.Discretization.FokkerPlanckOperator.Form.Backward).Scale(-1.0);
        var eigenvalues = DenseSpectrum.SymmetricEigenvalues(op.Assemble(FokkerPlanck.Core.Discretization.FokkerPlanckOperator.Form.SymmetricPositive));
        int below = eigenvalues.Count(l => l < shift);
        Assert.InRange(eigenvalues.Min(l => Math.Abs(l - shift)), 1e-3, double.MaxValue); // the shift is not an eigenvalue
        using var lu = SparseLu.Create(g, null, shift);
        Assert.Equal(below, lu.NegativePivotCount);
        lu.Refactor(g, -1.0);
        Assert.Equal(0, lu.NegativePivotCount);
    }
}
