using FokkerPlanck.Core.Spectral.Dense;
using FokkerPlanck.Core.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.Spectral.Dense;

public class DenseSymmetricEigenTests
{
    /// <summary>Backward-stable O(n³) algorithm: errors are a modest multiple of ε‖A‖.</summary>
    private const double RelativeTolerance = 1e-12;

    private const int Seed = 12345;

    private static Matrix<double> RandomSymmetric(int n, int seed)
    {
        var m = Matrix<double>.Build.Random(n, n, new MathNet.Numerics.Distributions.ContinuousUniform(-1, 1, new Random(seed)));
        return 0.5 * (m + m.Transpose());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(60)]
    public void Compute_RandomSymmetric_MatchesMathNetAndHasSmallResidual(int n)
    {
        var a = RandomSymmetric(n, Seed + n);
        var eig = DenseSymmetricEigen.Compute(a.ToColumnMajorArray(), n);
        var reference = a.Evd(Symmetricity.Symmetric).EigenValues.Real().ToArray();
        Array.Sort(reference);
        double norm = a.L2Norm();

        Assert.True(eig.Converged);
        for (int j = 0; j < n; j++)
        {
            Assert.True(Math.Abs(eig.Values[j] - reference[j]) <= RelativeTolerance * norm, $"λ_{j}: {eig.Values[j]} vs {reference[j]}");
            var u = Vector<double>.Build.DenseOfArray(eig.Vector(j).ToArray());
            Assert.True((a * u - eig.Values[j] * u).L2Norm() <= RelativeTolerance * norm);
            Assert.True(Math.Abs(u.L2Norm() - 1.0) <= RelativeTolerance);
        }
        var v = Matrix<double>.Build.Dense(n, n, eig.Vectors.ToArray());
        Assert.True((v.TransposeThisAndMultiply(v) - Matrix<double>.Build.DenseIdentity(n)).L2Norm() <= RelativeTolerance * n);
    }

    [Fact]
    public void Compute_NeumannLaplacian1D_MatchesExactDiscreteSpectrum()
    {
        const int n = 100;
        double h = 1.0 / n;
        var a = DenseLuSolver.ToDense(Laplacians.Neumann1D(n, h));
        var eig = DenseSymmetricEigen.Compute(a.ToColumnMajorArray(), n);
        var exact = Laplacians.Spectrum1D(n, h);
        for (int k = 0; k < n; k++)
            Assert.True(Math.Abs(eig.Values[k] - exact[k]) <= RelativeTolerance * exact[^1], $"k={k}");
    }

    [Fact]
    public void Compute_RepeatedEigenvalues_ReturnsOrthonormalBasis()
    {
        // Identity plus a rank-one term: eigenvalue 1 with multiplicity n − 1.
        const int n = 20;
        var a = Matrix<double>.Build.DenseIdentity(n) + Matrix<double>.Build.Dense(n, n, 1.0);
        var eig = DenseSymmetricEigen.Compute(a.ToColumnMajorArray(), n);
        for (int j = 0; j < n - 1; j++) Assert.True(Math.Abs(eig.Values[j] - 1.0) <= RelativeTolerance * n);
        Assert.True(Math.Abs(eig.Values[n - 1] - (n + 1.0)) <= RelativeTolerance * n);
        var v = Matrix<double>.Build.Dense(n, n, eig.Vectors.ToArray());
        Assert.True((v.TransposeThisAndMultiply(v) - Matrix<double>.Build.DenseIdentity(n)).L2Norm() <= RelativeTolerance * n);
    }

    [Fact]
    public void Compute_EmptyMatrix_ReturnsNoValues()
    {
        var eig = DenseSymmetricEigen.Compute(ReadOnlySpan<double>.Empty, 0);
        Assert.Equal(0, eig.Values.Length);
        Assert.True(eig.Converged);
    }

    [Fact]
    public void Compute_WrongLength_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => DenseSymmetricEigen.Compute(new double[5], 2));
        Assert.Equal("matrix", ex.ParamName);
    }
}
