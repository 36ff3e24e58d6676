using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Lanczos;
using FokkerPlanck.Core.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.Spectral.Lanczos;

/// <summary>
/// Symmetrized 1D Fokker–Planck generator of a double well (square-root approximation rates
/// k_{i→j} = h⁻² √(π_j/π_i)): A = −Π^{1/2} Q Π^{-1/2} has off-diagonals −h⁻², diagonal
/// h⁻² Σ_j √(π_j/π_i), the exact null vector √π, and a Kramers gap λ₂ ∝ e^{−ΔU/T} ≪ λ₃.
/// </summary>
public class DoubleWellSpectrumTests

{
    private const double Tolerance = 1e-10;

    /// <summary>Agreement with the dense reference relative to ‖A‖ (both backward stable).</summary>
    private const double EigenvalueTolerance = 1e-11;

    /// <summary>1 − |⟨u, u_ref⟩| bound; gaps here are ≥ λ₃ − λ₂ ≈ λ₃ so the angle is tiny.</summary>
    private const double OverlapDefect = 1e-9;

    /// <summary>The Kramers gap must be tiny for the test to be meaningful: λ₂/λ₃ below this.</summary>
    private const double MaxGapRatio = 1e-4;

    internal static CsrMatrix SymmetrizedDoubleWell(int n, double temperature, out double[] sqrtPi)
    {
        double lo = -2.0, h = 4.0 / n;
        var u = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = lo + (i + 0.5) * h;
            u[i] = (x * x - 1) * (x * x - 1);
        }
        sqrtPi = u.Select(v => Math.Exp(-v / (2 * temperature))).ToArray(); // √π up to normalization
        double norm = Math.Sqrt(sqrtPi.Sum(v => v * v));
        for (int i = 0; i < n; i++) sqrtPi[i] /= norm;
        var t = new List<(int, int, double)>();
        double s = 1.0 / (h * h);
        for (int i = 0; i < n; i++)
        {
            double diag = 0.0;
            foreach (int j in new[] { i - 1, i + 1 })
            {
                if (j < 0 || j >= n) continue;
                t.Add((i, j, -s));
                diag += s * Math.Exp(-(u[j] - u[i]) / (2 * temperature)); // √(π_j/π_i)
            }
            t.Add((i, i, diag));
        }
        return CsrMatrix.FromTriplets(n, n, t);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Solve_SymmetrizedDoubleWell_ResolvesKramersGapAgainstDenseReference(int blockSize)
    {
        const int n = 400, count = 4;
        var a = SymmetrizedDoubleWell(n, 0.08, out var sqrtPi);
        var evd = DenseLuSolver.ToDense(a).Evd(Symmetricity.Symmetric);
        var problem = new EigenProblem
        {
            Matrix = a,
            ShiftedSolverFactory = s => new TridiagonalSolver(a, s),
            KnownVectors = [sqrtPi],
            KnownValues = [0.0],
        };

        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = count, Shift = -0.5, BlockSize = blockSize, Seed = 11 });

        Assert.Equal(EigenStatus.Converged, result.Status);
        double normA = evd.EigenValues.Real().AbsoluteMaximum();
        Assert.True(result.Values[1] / result.Values[2] < MaxGapRatio, $"gap λ₂/λ₃ = {result.Values[1] / result.Values[2]:E2}");
        Assert.True(Math.Abs(evd.EigenValues[0].Real) <= EigenvalueTolerance * normA, "√π is the null vector");
        for (int j = 1; j < count; j++)
        {
            Assert.True(Math.Abs(result.Values[j] - evd.EigenValues[j].Real) <= EigenvalueTolerance * normA, $"λ_{j}");
            double overlap = Math.Abs(evd.EigenVectors.Column(j).DotProduct(Vector<double>.Build.DenseOfArray(result.Vectors[j])));
            Assert.True(1 - overlap <= OverlapDefect, $"|⟨u_{j}, u_ref⟩| = {overlap:R}");
            Assert.True(result.Residuals[j] <= Tolerance * result.NormEstimate);
        }
    }
}
