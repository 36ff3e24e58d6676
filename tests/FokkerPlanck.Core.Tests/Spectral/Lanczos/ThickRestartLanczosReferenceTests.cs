using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Lanczos;
using FokkerPlanck.Core.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.Spectral.Lanczos;

/// <summary>Lanczos against MathNet dense EVD on random sparse SPD and manufactured tiny-gap matrices.</summary>
public class ThickRestartLanczosReferenceTests
{
    private const double Tolerance = 1e-10;

    /// <summary>Eigenvalue agreement relative to ‖A‖ (both solvers are backward stable).</summary>
    private const double EigenvalueTolerance = 1e-11;

    /// <summary>
    /// 1 − |⟨u, u_ref⟩| ≈ θ²/2 with sin θ ≤ residual/gap (Davis–Kahan); residual ≤ τ‖A‖ and the
    /// gaps here are ≳ 1e-3‖A‖, so θ² ≲ 1e-14; 1e-9 leaves ample margin.
    /// </summary>
    private const double OverlapDefect = 1e-9;

    private const int MatrixSeed = 2024;

    /// <summary>The slow eigenvalue λ₂ = 1e-6·λ₃ of the manufactured tiny-gap spectrum.</summary>
    private const double SlowEigenvalue = 1e-6;

    /// <summary>
    /// Relative accuracy demanded of λ₂: the Rayleigh quotient error is ≈ residual²/gap plus rounding
    /// ε‖A‖ ≈ 4e-15, i.e. ≈ 4e-9 relative to λ₂; 1e-6 keeps a wide margin while proving λ₂ is resolved.
    /// </summary>
    private const double SlowEigenvalueRelativeTolerance = 1e-6;

    /// <summary>Absolute agreement for the undeflated run (rounding ε‖A‖ ≈ 4e-15 with ‖A‖ ≈ 11).</summary>
    private const double UndeflatedAbsoluteTolerance = 1e-12;

    private static CsrMatrix RandomSparseSpd(int n, int perRow, int seed)
    {
        var rng = new Random(seed);
        var t = new List<(int, int, double)>();
        var diag = new double[n];
        for (int i = 0; i < n; i++)
            for (int e = 0; e < perRow; e++)
            {
                int j = rng.Next(n);
                if (j == i) continue;
                double v = rng.NextDouble() * 2 - 1;
                t.Add((i, j, v));
                t.Add((j, i, v));
                diag[i] += Math.Abs(v);
                diag[j] += Math.Abs(v);
            }
        for (int i = 0; i < n; i++) t.Add((i, i, diag[i] + 0.05 + rng.NextDouble()));
        return CsrMatrix.FromTriplets(n, n, t);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Solve_RandomSparseSpd_MatchesDenseEvdValuesAndVectors(int blockSize)
    {
        const int n = 300, count = 6;
        var a = RandomSparseSpd(n, 3, MatrixSeed);
        var dense = DenseLuSolver.ToDense(a);
        var evd = dense.Evd(Symmetricity.Symmetric);
        var problem = new EigenProblem { Matrix = a, ShiftedSolverFactory = s => new DenseLuSolver(dense, s) };

        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = count, Shift = 0.0, BlockSize = blockSize, Seed = 3 });

        Assert.Equal(EigenStatus.Converged, result.Status);
        double normA = evd.EigenValues.Real().AbsoluteMaximum();
        for (int j = 0; j < count; j++)
        {
            Assert.True(Math.Abs(result.Values[j] - evd.EigenValues[j].Real) <= EigenvalueTolerance * normA, $"λ_{j}");
            double overlap = Math.Abs(evd.EigenVectors.Column(j).DotProduct(Vector<double>.Build.DenseOfArray(result.Vectors[j])));
            Assert.True(1 - overlap <= OverlapDefect, $"|⟨u_{j}, u_ref⟩| = {overlap:R}");
            Assert.True(result.Residuals[j] <= Tolerance * result.NormEstimate);
        }
    }

    /// <summary>A = Q diag(λ) Qᵀ with Q a seeded random orthogonal matrix.</summary>
    private static Matrix<double> Manufactured(double[] lambda, int seed, out Matrix<double> q)
    {
        int n = lambda.Length;
        var g = Matrix<double>.Build.Random(n, n, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(seed)));
        q = g.QR().Q;
        var a = q * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * q.Transpose();
        return 0.5 * (a + a.Transpose());
    }

    private static double[] TinyGapSpectrum(int n)
    {
        var lambda = new double[n];
        lambda[0] = 0.0;
        lambda[1] = SlowEigenvalue;   // λ₂ = 1e-6 λ₃: metastable double-well-like slow mode
        for (int i = 2; i < n; i++) lambda[i] = 1.0 + 0.05 * (i - 2);
        return lambda;
    }

    [Fact]
    public void Solve_TinyGapWithDeflatedStationaryMode_ResolvesSlowModeAccurately()
    {
        const int n = 200;
        var lambda = TinyGapSpectrum(n);
        var a = Manufactured(lambda, MatrixSeed, out var q);
        var problem = new EigenProblem
        {
            Matrix = new DenseOperator(a),
            ShiftedSolverFactory = s => new DenseLuSolver(a, s),
            KnownVectors = [q.Column(0).ToArray()],
            KnownValues = [0.0],
        };

        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 4, Shift = -0.01, Seed = 5 });

        Assert.Equal(EigenStatus.Converged, result.Status);
        Assert.True(Math.Abs(result.Values[1] - SlowEigenvalue) <= SlowEigenvalueRelativeTolerance * SlowEigenvalue, $"λ₂ = {result.Values[1]:R}");
        for (int j = 2; j < 4; j++) Assert.True(Math.Abs(result.Values[j] - lambda[j]) <= EigenvalueTolerance * lambda[^1]);
        double overlap = Math.Abs(q.Column(1).DotProduct(Vector<double>.Build.DenseOfArray(result.Vectors[1])));
        Assert.True(1 - overlap <= OverlapDefect, $"overlap {overlap:R}");
    }

    [Fact]
    public void Solve_TinyGapWithoutDeflation_SeparatesZeroAndSlowMode()
    {
        const int n = 200;
        var lambda = TinyGapSpectrum(n);
        var a = Manufactured(lambda, MatrixSeed + 1, out _);
        var problem = new EigenProblem { Matrix = new DenseOperator(a), ShiftedSolverFactory = s => new DenseLuSolver(a, s) };

        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 4, Shift = -0.01, Seed = 5 });

        Assert.Equal(EigenStatus.Converged, result.Status);
        for (int j = 0; j < 4; j++)
            Assert.True(Math.Abs(result.Values[j] - lambda[j]) <= UndeflatedAbsoluteTolerance * Math.Max(1.0, lambda[j]), $"λ_{j} = {result.Values[j]:R}");
    }
}
