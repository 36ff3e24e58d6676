using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Lanczos;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Spectral.Lanczos;

public class ThickRestartLanczosTests
{
    /// <summary>Requested relative residual τ (the project target).</summary>
    private const double Tolerance = 1e-10;

    /// <summary>
    /// Eigenvalue agreement with the exact discrete spectrum, relative to ‖A‖: a residual τ‖A‖
    /// bounds the eigenvalue error by τ‖A‖ (Weyl), and in practice it is quadratic and far smaller.
    /// </summary>
    private const double EigenvalueTolerance = 1e-10;

    private const ulong Seed = 7;

    /// <summary>Orthogonality of computed vectors to the deflated mode (projected twice, so ≈ ε).</summary>
    private const double DeflationOrthogonality = 1e-12;

    internal static EigenProblem Laplacian1DProblem(int n, out double[] exact, bool deflate = true)
    {
        double h = 1.0 / n;
        var a = Laplacians.Neumann1D(n, h);
        exact = Laplacians.Spectrum1D(n, h);
        return new EigenProblem
        {
            Matrix = a,
            ShiftedSolverFactory = s => new TridiagonalSolver(a, s),
            KnownVectors = deflate ? [Laplacians.ConstantMode(n)] : [],
            KnownValues = deflate ? [0.0] : [],
        };
    }

    private static void AssertMatchesSpectrum(EigenResult result, double[] exact, double normA)
    {
        Assert.Equal(EigenStatus.Converged, result.Status);
        for (int j = 0; j < result.Values.Count; j++)
        {
            Assert.True(Math.Abs(result.Values[j] - exact[j]) <= EigenvalueTolerance * normA,
                $"λ_{j} = {result.Values[j]:R}, exact {exact[j]:R}");
            Assert.True(result.Residuals[j] <= Tolerance * Math.Max(Math.Abs(result.Values[j]), result.NormEstimate),
                $"residual_{j} = {result.Residuals[j]}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Solve_NeumannLaplacian1D_MatchesExactSpectrum(int blockSize)
    {
        const int n = 400;
        var problem = Laplacian1DProblem(n, out var exact);
        var options = new EigenOptions { Count = 6, Shift = -1.0, BlockSize = blockSize, Seed = Seed };

        var result = new ThickRestartLanczos().Solve(problem, options);

        Assert.Equal(6, result.Values.Count);
        AssertMatchesSpectrum(result, exact, exact[^1]);
        Assert.Equal(0.0, result.Values[0]);
        Assert.True(result.OperatorApplications > 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Solve_ShiftInsideTheWantedRange_SameSpectrumAndStoppingRuleAsBelow(int blockSize)
    {
        // λ₂…λ₆ ≈ π²(1, 4, 9, 16, 25): σ = 13π² is nearer to each of them than to λ₇ ≈ 36π², and
        // A − σI is indefinite; with the tolerance measured from below the spectrum the run must
        // return the same pairs to the same residual rule as a shift below it
        const int n = 400;
        var problem = Laplacian1DProblem(n, out var exact);
        double sigma = 0.5 * (exact[1] + exact[5]);
        var inside = new ThickRestartLanczos().Solve(problem,
            new EigenOptions { Count = 6, Shift = sigma, ToleranceReference = -1.0, BlockSize = blockSize, Seed = Seed });
        AssertMatchesSpectrum(inside, exact, exact[^1]);
        for (int j = 1; j < 6; j++)
            Assert.True(inside.Residuals[j] <= Math.Max(Tolerance * Math.Abs(inside.Values[j] + 1.0), 8 * 2.2e-16 * (inside.NormEstimate + inside.Values[j])),
                $"residual_{j} = {inside.Residuals[j]} against the rule measured from ρ = −1");
    }

    [Fact]
    public void Options_NonFiniteToleranceReference_Throws()
    {
        var problem = Laplacian1DProblem(50, out _);
        Assert.Throws<ArgumentException>(() => new ThickRestartLanczos().Solve(problem,
            new EigenOptions { Count = 3, Shift = -1.0, ToleranceReference = double.NaN }));
    }

    /// <summary>
    /// Absolute residual of the SciPy/ARPACK peer's measure, ‖Au − λu‖ / max(1, max|λ|), that the
    /// purified Ritz vectors must reach on a fine grid where ‖A‖ is 10⁵–10⁶ times the wanted rates.
    /// </summary>
    private const double PeerResidualTolerance = 1e-10;

    /// <summary>Sine of the angle to the exact discrete eigenvector cos(πk(i + ½)/n) (gaps are O(1) relative).</summary>
    private const double EigenvectorAngleTolerance = 1e-10;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Solve_FineGrid_PurifiedVectorsMeetAbsoluteResidualAndExactModes(int blockSize)
    {
        // ‖A‖ = 4/h² = 1.6e7 while λ₂…λ₆ = 9.9…395: the old normwise criterion τ·‖A‖ allowed absolute
        // residuals of 1.6e-3 here; the shift-invert criterion with purification reaches the rounding
        // floor, 8ε‖A‖ = 2.8e-8 = 7e-11 × λ₆ (below the peer's 1e-10).
        const int n = 2000;
        var problem = Laplacian1DProblem(n, out var exact);
        var options = new EigenOptions { Count = 6, Shift = -1.0, BlockSize = blockSize, Seed = Seed };

        var result = new ThickRestartLanczos().Solve(problem, options);

        Assert.Equal(EigenStatus.Converged, result.Status);
        var a = Laplacians.Neumann1D(n, 1.0 / n);
        double scale = Math.Max(1.0, result.Values.Max(Math.Abs));
        var au = new double[n];
        for (int j = 1; j < result.Values.Count; j++)
        {
            var u = result.Vectors[j];
            a.Apply(u, au);
            double r = 0, norm = 0, dot = 0, exactNorm = 0;
            for (int i = 0; i < n; i++)
            {
                double d = au[i] - result.Values[j] * u[i];
                r += d * d;
                norm += u[i] * u[i];
                double e = Math.Cos(Math.PI * j * (i + 0.5) / n);
                dot += e * u[i];
                exactNorm += e * e;
            }
            double residual = Math.Sqrt(r / norm) / scale;
            Assert.True(residual <= PeerResidualTolerance, $"block {blockSize}, mode {j}: residual {residual:E2}");
            // distance between the unit vectors (≈ the angle; 1 − cos² would lose half the digits)
            double sign = Math.Sign(dot), sine = 0;
            for (int i = 0; i < n; i++)
            {
                double d = u[i] / Math.Sqrt(norm) - sign * Math.Cos(Math.PI * j * (i + 0.5) / n) / Math.Sqrt(exactNorm);
                sine += d * d;
            }
            sine = Math.Sqrt(sine);
            Assert.True(sine <= EigenvectorAngleTolerance, $"block {blockSize}, mode {j}: sin angle {sine:E2}");
        }
    }

    [Fact]
    public void Solve_NoKnownVectors_FindsStationaryModeByIteration()
    {
        var problem = Laplacian1DProblem(300, out var exact, deflate: false);
        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 4, Shift = -1.0, Seed = Seed });
        AssertMatchesSpectrum(result, exact, exact[^1]);
    }

    [Fact]
    public void Solve_DeflatedStationaryMode_ComputedVectorsOrthogonalToIt()
    {
        const int n = 200;
        var problem = Laplacian1DProblem(n, out _);
        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 5, Shift = -0.5, Seed = Seed });
        var q = Laplacians.ConstantMode(n);
        Assert.Equal(0.0, result.Values[0]);
        Assert.True(result.Residuals[0] <= Tolerance * result.NormEstimate);
        for (int j = 1; j < result.Values.Count; j++)
        {
            double dot = 0;
            for (int i = 0; i < n; i++) dot += q[i] * result.Vectors[j][i];
            Assert.True(Math.Abs(dot) <= DeflationOrthogonality, $"⟨q₁, u_{j}⟩ = {dot}");
        }
    }

    [Theory]
    [InlineData(24, 17, 1.0)]      // distinct eigenvalues
    [InlineData(20, 20, 1.0)]      // square: pairs λ(k,l) = λ(l,k) are exactly degenerate
    [InlineData(20, 20, 1.0 + 1e-7)] // nearly square: pairs split by ~1e-7 relative
    public void Solve_NeumannLaplacian2D_FindsSpectrumWithMultiplicity(int nx, int ny, double aspect)
    {
        double hx = 1.0 / nx, hy = aspect / ny;
        var a = Laplacians.Neumann2D(nx, ny, hx, hy);
        var exact = Laplacians.Spectrum2D(nx, ny, hx, hy);
        var problem = new EigenProblem
        {
            Matrix = a,
            ShiftedSolverFactory = s => new KroneckerSumSolver(nx, ny, hx, hy, s),
            KnownVectors = [Laplacians.ConstantMode(nx * ny)],
            KnownValues = [0.0],
            EigenvalueCounter = x => exact.Count(l => l < x),
        };
        var options = new EigenOptions { Count = 9, Shift = -1.0, BlockSize = 4, Seed = Seed };

        var result = new ThickRestartLanczos().Solve(problem, options);

        AssertMatchesSpectrum(result, exact, exact[^1]);
        Assert.Equal(0, result.MissedEigenvalues);
    }

    [Fact]
    public void Solve_SingleVectorOnDegenerateSpectrumWithInertiaCounter_NeverReportsWrongSpectrumAsConverged()
    {
        // b = 1 holds one vector per eigenspace in exact arithmetic, so degenerate partners may be
        // skipped; the inertia check must then demote the status instead of reporting success.
        const int side = 20;
        double h = 1.0 / side;
        var a = Laplacians.Neumann2D(side, side, h, h);
        var exact = Laplacians.Spectrum2D(side, side, h, h);
        var problem = new EigenProblem
        {
            Matrix = a,
            ShiftedSolverFactory = s => new KroneckerSumSolver(side, side, h, h, s),
            KnownVectors = [Laplacians.ConstantMode(side * side)],
            KnownValues = [0.0],
            EigenvalueCounter = x => exact.Count(l => l < x),
        };
        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 6, Shift = -1.0, BlockSize = 1, Seed = Seed });

        if (result.Status == EigenStatus.Converged) AssertMatchesSpectrum(result, exact, exact[^1]);
        else Assert.True(result.MissedEigenvalues > 0, result.Messages);
    }

    [Fact]
    public void Solve_InertiaCounterReportsExtraEigenvalue_StatusNotConvergedWithMissedCount()
    {
        var problem = Laplacian1DProblem(100, out var exact);
        problem = problem with { EigenvalueCounter = x => exact.Count(l => l < x) + (x > 1.0 ? 1 : 0) };
        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 3, Shift = -1.0, Seed = Seed });
        Assert.Equal(1, result.MissedEigenvalues);
        Assert.Equal(EigenStatus.NotConverged, result.Status);
        Assert.Contains("Inertia", result.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_HardProblemWithOneRestart_ReportsNotConvergedWithoutThrowing()
    {
        // Shift far below the wanted eigenvalues: ν = 1/(λ − σ) are nearly equal, so one small Krylov space cannot resolve them.
        var problem = Laplacian1DProblem(1000, out _);
        var options = new EigenOptions { Count = 6, Shift = -1e5, MaxRestarts = 1, KrylovDimension = 12, BlockSize = 1, Seed = Seed };

        var result = new ThickRestartLanczos().Solve(problem, options);

        Assert.Equal(EigenStatus.NotConverged, result.Status);
        Assert.Equal(6, result.Values.Count);
        Assert.Equal(1, result.Iterations);
        Assert.NotEmpty(result.Messages);
        var ex = Assert.Throws<ConvergenceException>(() => new ThickRestartLanczos().SolveOrThrow(problem, options));
        Assert.Equal(EigenStatus.NotConverged, ex.Result!.Status);
    }

    [Fact]
    public void Solve_MinimalKrylovDimensionWithBlocks_StillConverges()
    {
        // m = Count + BlockSize is the smallest allowed space: every restart keeps nev vectors and adds one block.
        var problem = Laplacian1DProblem(200, out var exact);
        var options = new EigenOptions { Count = 6, Shift = -1.0, BlockSize = 4, KrylovDimension = 10, Seed = Seed };
        var result = new ThickRestartLanczos().Solve(problem, options);
        AssertMatchesSpectrum(result, exact, exact[^1]);
    }

    [Fact]
    public void Solve_BlockKrylovSpaceExhausted_BreakdownsReplacedAndMultiplicitiesFound()
    {
        // diag(1,1,1,2,2,2,5,…,5): a block of 4 spans the whole invariant space after a few blocks, so
        // the block Gram–Schmidt meets rank-deficient blocks (breakdowns) and must replace them with
        // fresh orthogonal directions while keeping the basis orthonormal.
        const int n = 60;
        var diagonal = Enumerable.Range(0, n).Select(i => i < 3 ? 1.0 : i < 6 ? 2.0 : 5.0).ToArray();
        var a = CsrMatrix.FromTriplets(n, n, Enumerable.Range(0, n).Select(i => (i, i, diagonal[i])));
        var problem = new EigenProblem { Matrix = a, ShiftedSolverFactory = s => new DenseLuSolver(DenseLuSolver.ToDense(a), s) };
        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 6, Shift = -0.5, BlockSize = 4, Seed = Seed });
        Assert.Equal(EigenStatus.Converged, result.Status);
        Assert.Equal(new[] { 1.0, 1.0, 1.0, 2.0, 2.0, 2.0 }, result.Values.Select(v => Math.Round(v, 12)).ToArray());
        for (int i = 0; i < 6; i++)
            for (int j = 0; j <= i; j++)
            {
                double dot = result.Vectors[i].Zip(result.Vectors[j], (x, y) => x * y).Sum();
                Assert.True(Math.Abs(dot - (i == j ? 1 : 0)) < 1e-12, $"<u{i}, u{j}> = {dot}");
            }
        Assert.Contains("breakdown", result.Messages, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Solve_StartVectorsNearTheModes_ConvergeInFewerSolvesToTheSameSpectrum()
    {
        var problem = Laplacian1DProblem(400, out var exact);
        var options = new EigenOptions { Count = 6, Shift = -1.0, BlockSize = 1, Seed = Seed };
        var random = new ThickRestartLanczos().Solve(problem, options);
        // exact cosine modes 1..5, perturbed by 1e-3 and summed into the single start column
        int n = 400;
        var rng = new Random(3);
        var starts = Enumerable.Range(1, 5).Select(k => Enumerable.Range(0, n).Select(i => Math.Cos(Math.PI * k * (i + 0.5) / n) + 1e-3 * (rng.NextDouble() - 0.5)).ToArray()).ToArray();
        var started = new ThickRestartLanczos().Solve(problem, options with { StartVectors = starts });
        AssertMatchesSpectrum(started, exact, exact[^1]);
        Assert.True(started.OperatorApplications < random.OperatorApplications,
            $"{started.OperatorApplications} applications from near-modes, {random.OperatorApplications} from random");
        var wrongLength = options with { StartVectors = [new double[n - 1]] };
        Assert.Throws<ArgumentException>(() => new ThickRestartLanczos().Solve(problem, wrongLength));
    }

    [Fact]
    public void Solve_CountEqualsKnownCount_ReturnsKnownPairsWithoutIterating()
    {
        var problem = Laplacian1DProblem(50, out _);
        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 1, Shift = -1.0 });
        Assert.Equal(EigenStatus.Converged, result.Status);
        Assert.Equal([0.0], result.Values);
        Assert.Equal(0, result.OperatorApplications);
    }

    [Fact]
    public void Solve_SolverReturnsNaN_ReportsNumericalIssueWithoutThrowing()
    {
        var problem = Laplacian1DProblem(60, out _) with { ShiftedSolverFactory = _ => new NonFiniteSolver(60) };
        var result = new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 3, Shift = 0.0 });
        Assert.Equal(EigenStatus.NumericalIssue, result.Status);
        Assert.Contains("non-finite", result.Messages, StringComparison.Ordinal);
        Assert.Equal([0.0], result.Values); // the known pair is still reported
    }

    [Fact]
    public void Solve_SameSeed_GivesIdenticalResults()
    {
        var problem = Laplacian1DProblem(150, out _);
        var options = new EigenOptions { Count = 4, Shift = -1.0, Seed = 99 };
        var r1 = new ThickRestartLanczos().Solve(problem, options);
        var r2 = new ThickRestartLanczos().Solve(problem, options);
        Assert.Equal(r1.Values, r2.Values);
        Assert.Equal(r1.OperatorApplications, r2.OperatorApplications);
        Assert.Equal(99UL, r1.Seed);
    }

    public static TheoryData<EigenOptions, string> InvalidOptions => new()
    {
        { new EigenOptions { Count = 0, Shift = -1 }, nameof(EigenOptions.Count) },
        { new EigenOptions { Count = 3, Shift = double.NaN }, nameof(EigenOptions.Shift) },
        { new EigenOptions { Count = 3, Shift = -1, Tolerance = 0 }, nameof(EigenOptions.Tolerance) },
        { new EigenOptions { Count = 3, Shift = -1, MaxRestarts = 0 }, nameof(EigenOptions.MaxRestarts) },
        { new EigenOptions { Count = 3, Shift = -1, BlockSize = 0 }, nameof(EigenOptions.BlockSize) },
        { new EigenOptions { Count = 3, Shift = -1, BlockSize = 2, KrylovDimension = 4 }, nameof(EigenOptions.KrylovDimension) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Solve_InvalidOptions_ThrowsArgumentExceptionNamingTheOption(EigenOptions options, string name)
    {
        var problem = Laplacian1DProblem(50, out _);
        var ex = Assert.ThrowsAny<ArgumentException>(() => new ThickRestartLanczos().Solve(problem, options));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Solve_CountBelowKnownCount_ThrowsArgumentException()
    {
        var problem = Laplacian1DProblem(50, out _);
        problem = problem with { KnownVectors = [Laplacians.ConstantMode(50), Laplacians.ConstantMode(50).Select((v, i) => i % 2 == 0 ? v : -v).ToArray()], KnownValues = [0.0, 1.0] };
        var ex = Assert.Throws<ArgumentException>(() => new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 1, Shift = -1 }));
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Solve_ProblemTooSmallForKrylovSpace_ThrowsArgumentException()
    {
        var problem = Laplacian1DProblem(6, out _);
        Assert.Throws<ArgumentException>(() => new ThickRestartLanczos().Solve(problem, new EigenOptions { Count = 5, Shift = -1, BlockSize = 4 }));
    }
}
