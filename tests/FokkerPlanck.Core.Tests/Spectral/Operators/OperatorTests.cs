using FokkerPlanck.Core.Spectral.Operators;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Spectral.Operators;

public class ShiftInvertOperatorTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Apply_EigenvectorOfLaplacian_ScalesByInverseShiftedEigenvalue()
    {
        const int n = 50;
        double h = 1.0 / n, shift = -3.0;
        var a = Laplacians.Neumann1D(n, h);
        var op = new ShiftInvertOperator(new TridiagonalSolver(a, shift), shift);
        var lambda = Laplacians.Spectrum1D(n, h);
        const int k = 3;
        var u = new double[n];
        for (int i = 0; i < n; i++) u[i] = Math.Cos(Math.PI * k * (i + 0.5) / n);
        var y = new double[n];
        op.Apply(u, y);
        double nu = op.FromEigenvalue(lambda[k]);
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(y[i] - nu * u[i]) <= Tolerance * Math.Abs(nu));
        Assert.True(Math.Abs(op.ToEigenvalue(nu) - lambda[k]) <= Tolerance * lambda[k]);
        Assert.Equal(shift, op.Shift);
    }

    [Fact]
    public void Constructor_NonFiniteShift_ThrowsArgumentException()
    {
        var a = Laplacians.Neumann1D(4, 1.0);
        var ex = Assert.Throws<ArgumentException>(() => new ShiftInvertOperator(new TridiagonalSolver(a, -1), double.NaN));
        Assert.Equal("shift", ex.ParamName);
    }
}

public class DeflatedOperatorTests
{
    private const double Tolerance = 1e-13;

    [Fact]
    public void Apply_AnyVector_ResultOrthogonalToKnownVectors()
    {
        const int n = 40;
        var a = Laplacians.Neumann1D(n, 1.0 / n);
        var known = Laplacians.ConstantMode(n);
        var op = new DeflatedOperator(a, [known]);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 1.0 + Math.Sin(i);
        var y = new double[2 * n];
        op.Apply(x, y.AsSpan(0, n));
        op.Apply(x.Concat(x).ToArray(), y, 2);
        double dot = 0, scale = 0;
        for (int i = 0; i < n; i++) { dot += known[i] * y[i]; scale += y[i] * y[i]; }
        Assert.True(Math.Abs(dot) <= Tolerance * Math.Sqrt(scale));
        for (int i = 0; i < n; i++) Assert.Equal(y[i], y[n + i], 12);
        Assert.Equal(1, op.DeflatedCount);
    }

    [Theory]
    [InlineData(1.0)]     // generic: one pass (DGKS)
    [InlineData(1e-9)]    // nearly along q: heavy cancellation, second pass
    public void Project_LongVector_OrthogonalToWorkingPrecision(double offAxis)
    {
        const int n = 100_000; // several parallel panels
        var a = Laplacians.Neumann1D(n, 1.0);
        var q = Laplacians.ConstantMode(n);
        var op = new DeflatedOperator(a, [q]);
        var r = SparseTestMatrices.RandomVector(n, 5);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 3.0 * q[i] + offAxis * r[i];
        var expected = (double[])x.Clone();
        double c = 0; for (int i = 0; i < n; i++) c += q[i] * x[i];
        for (int i = 0; i < n; i++) expected[i] -= c * q[i];
        op.Project(x);
        double dot = 0, norm = 0, diff = 0;
        for (int i = 0; i < n; i++) { dot += q[i] * x[i]; norm += x[i] * x[i]; diff = Math.Max(diff, Math.Abs(x[i] - expected[i])); }
        norm = Math.Sqrt(norm);
        Assert.True(Math.Abs(dot) <= 1e-13 * norm, $"qᵀPx = {dot:E2}, ‖Px‖ = {norm:E2}");
        Assert.True(diff <= 1e-6 * norm / Math.Sqrt(n), $"max |Px − (x − (qᵀx)q)| = {diff:E2}");
    }

    [Fact]
    public void Constructor_DependentVectors_ThrowsArgumentException()
    {
        var a = Laplacians.Neumann1D(5, 1.0);
        var q = Laplacians.ConstantMode(5);
        var ex = Assert.Throws<ArgumentException>(() => new DeflatedOperator(a, [q, q.Select(v => 2 * v).ToArray()]));
        Assert.Equal("knownVectors", ex.ParamName);
    }

    [Fact]
    public void Constructor_WrongLength_ThrowsArgumentException()
    {
        var a = Laplacians.Neumann1D(5, 1.0);
        Assert.Throws<ArgumentException>(() => new DeflatedOperator(a, [new double[4]]));
    }
}
