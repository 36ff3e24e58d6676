using System.Numerics;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Arnoldi;
using FokkerPlanck.Core.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace FokkerPlanck.Core.Tests.Spectral.Arnoldi;

public class ThickRestartArnoldiTests
{
    /// <summary>
    /// A = S D S⁻¹ with D block diagonal: 2×2 rotation–scaling blocks (eigenvalues r e^{±iφ}) and real
    /// entries, S a random well-conditioned matrix, so A is far from normal and its spectrum is known exactly.
    /// </summary>
    private static (Matrix<double> A, Complex[] Spectrum) KnownSpectrum(int n, int seed)
    {
        var rng = new Random(seed);
        var d = Matrix<double>.Build.Dense(n, n);
        var spectrum = new List<Complex>();
        // the wanted end: 0.99 ± 0.05i, 0.97, 0.95 ± 0.2i, then the bulk inside |z| < 0.8
        void Pair(int k, double re, double im) { d[k, k] = re; d[k + 1, k + 1] = re; d[k, k + 1] = im; d[k + 1, k] = -im; spectrum.Add(new(re, im)); spectrum.Add(new(re, -im)); }
        Pair(0, 0.99, 0.05);
        d[2, 2] = 0.97; spectrum.Add(0.97);
        Pair(3, 0.95, 0.2);
        for (int k = 5; k < n; k++) { double v = 0.8 * (2 * rng.NextDouble() - 1); d[k, k] = v; spectrum.Add(v); }
        var s = Matrix<double>.Build.Dense(n, n, (i, j) => (i == j ? 2.0 : 0.0) + 0.5 * (rng.NextDouble() - 0.5));
        return (s * d * s.Inverse(), [.. spectrum]);
    }

    [Fact]
    public void FindsAComplexPairARealValueAndTheNextPairWithTrueResiduals()
    {
        var (a, spectrum) = KnownSpectrum(200, 7);
        var result = ThickRestartArnoldi.Solve(new DenseOperator(a), new ArnoldiOptions { Wanted = 5, BasisSize = 24, Selection = RitzSelection.LargestReal });
        Assert.Equal(EigenStatus.Converged, result.Status);
        var expected = spectrum.OrderByDescending(z => z.Real).ThenByDescending(z => z.Imaginary).Take(5).ToArray();
        for (int k = 0; k < 5; k++) Assert.True(Complex.Abs(result.Values[k] - expected[k]) < 1e-9, $"{result.Values[k]} vs {expected[k]}");
        Assert.All(result.Residuals, r => Assert.True(r < 1e-8, $"residual {r}"));
        // the pair's vectors are conjugate and satisfy A x = θ x in complex arithmetic
        var x = result.Vectors[0];
        Assert.False(x.IsReal);
        var ar = a * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(x.Re);
        var ai = a * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(x.Im!);
        var theta = result.Values[0];
        double err = 0;
        for (int i = 0; i < 200; i++)
            err = Math.Max(err, Complex.Abs(new Complex(ar[i], ai[i]) - theta * new Complex(x.Re[i], x.Im![i])));
        Assert.True(err < 1e-8, $"max |Ax − θx| = {err}");
        Assert.Equal(Complex.Conjugate(result.Values[0]), result.Values[1]);
        Assert.True(result.Vectors[2].IsReal);
    }

    [Fact]
    public void LargestMagnitudeSelectsTheOuterValues()
    {
        var (a, spectrum) = KnownSpectrum(120, 3);
        var result = ThickRestartArnoldi.Solve(new DenseOperator(a), new ArnoldiOptions { Wanted = 3, Selection = RitzSelection.LargestMagnitude });
        Assert.Equal(EigenStatus.Converged, result.Status);
        var expected = spectrum.OrderByDescending(z => z.Magnitude).Take(3).Select(z => z.Magnitude).ToArray();
        for (int k = 0; k < 3; k++) Assert.Equal(expected[k], result.Values[k].Magnitude, 9);
    }

    [Fact]
    public void TooFewRestartsIsAStatusNotAnException()
    {
        var (a, _) = KnownSpectrum(200, 11);
        var result = ThickRestartArnoldi.Solve(new DenseOperator(a), new ArnoldiOptions { Wanted = 5, BasisSize = 12, MaxRestarts = 1 });
        Assert.Equal(EigenStatus.NotConverged, result.Status);
        Assert.Contains("restarts", result.Messages);
    }

    [Fact]
    public void ASmallOperatorIsSolvedExactly()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, -1, 0 }, { 1, 0, 0 }, { 0, 0, 0.5 } });
        var result = ThickRestartArnoldi.Solve(new DenseOperator(a), new ArnoldiOptions { Wanted = 3, Selection = RitzSelection.LargestMagnitude });
        Assert.Equal(EigenStatus.Converged, result.Status);
        Assert.Equal(1.0, result.Values[0].Magnitude, 12);
        Assert.Equal(0.5, result.Values[2].Real, 12);
    }
}
