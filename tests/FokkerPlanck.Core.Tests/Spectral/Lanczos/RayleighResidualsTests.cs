using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Spectral.Lanczos;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Spectral.Lanczos;

public class RayleighResidualsTests
{
    /// <summary>Straightforward one-vector reference: normalize, multiply, Rayleigh quotient, explicit residual.</summary>
    private static (double Lambda, double Residual, double[] Unit) Reference(CsrMatrix a, double[] u)
    {
        double norm = Math.Sqrt(u.Sum(z => z * z));
        var unit = u.Select(z => z / norm).ToArray();
        var w = new double[unit.Length];
        for (int i = 0; i < a.RowCount; i++)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++) w[i] += a.Values[k] * unit[a.ColumnIndices[k]];
        double lambda = 0;
        for (int i = 0; i < w.Length; i++) lambda += unit[i] * w[i];
        double r = 0;
        for (int i = 0; i < w.Length; i++) r += (w[i] - lambda * unit[i]) * (w[i] - lambda * unit[i]);
        return (lambda, Math.Sqrt(r), unit);
    }

    [Theory]
    [InlineData(6, 5, 1)]
    [InlineData(120, 90, 3)]   // several row chunks, partial last chunk
    [InlineData(300, 230, 2)]  // enough chunks for the parallel sweeps
    public void Compute_MatchesOneVectorReference_AndNormalizes(int nx, int ny, int count)
    {
        var a = SparseTestMatrices.RandomSpdGrid(nx, ny, seed: 7);
        var vectors = Enumerable.Range(0, count).Select(j => SparseTestMatrices.RandomVector(a.RowCount, seed: 10 + j)).ToArray();
        var expected = vectors.Select(v => Reference(a, v)).ToArray();
        var (lambda, residual) = RayleighResiduals.Compute(a, vectors);
        for (int j = 0; j < count; j++)
        {
            Assert.Equal(expected[j].Lambda, lambda[j], 1e-12 * Math.Abs(expected[j].Lambda));
            Assert.Equal(expected[j].Residual, residual[j], 1e-10 * expected[j].Residual);
            for (int i = 0; i < a.RowCount; i++) Assert.Equal(expected[j].Unit[i], vectors[j][i], 1e-14);
        }
    }

    [Fact]
    public void Compute_ResolvesTinyResidualsOfExactEigenvectors()
    {
        // Neumann Laplacian of a 64 × 48 grid: cos(πi/nx) in x is an exact eigenvector, λ = 2 − 2cos(π/nx).
        int nx = 64, ny = 48;
        var a = Laplacians.Neumann2D(nx, ny, 1.0, 1.0);
        var u = new double[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) u[i + nx * j] = 3.0 * Math.Cos(Math.PI * (i + 0.5) / nx);
        var (lambda, residual) = RayleighResiduals.Compute(a, [u]);
        Assert.Equal(2 - 2 * Math.Cos(Math.PI / nx), lambda[0], 1e-14);
        Assert.True(residual[0] < 1e-14, $"residual {residual[0]:E2}: must not be swamped by cancellation");
    }

    [Fact]
    public void Compute_ZeroVectorGivesNonFiniteValues()
    {
        var a = SparseTestMatrices.RandomSpdGrid(4, 4, seed: 1);
        var (lambda, residual) = RayleighResiduals.Compute(a, [new double[16]]);
        Assert.False(double.IsFinite(lambda[0]) && double.IsFinite(residual[0]));
    }
}
