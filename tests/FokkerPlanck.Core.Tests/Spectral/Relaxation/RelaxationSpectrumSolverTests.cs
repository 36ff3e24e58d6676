using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Spectral.Relaxation;

public class RelaxationSpectrumSolverTests
{
    private const double ResidualTolerance = 1e-10;

    private static RelaxationSpectrum Solve(TensorGrid g, ILandscape l, double t, int modes = 6)
        => new RelaxationSpectrumSolver().Solve(FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, l), t), new SpectrumOptions { Modes = modes });

    /// <summary>The peer's valley at T = 0.25 on an N × N grid.</summary>
    private static FokkerPlanckOperator PeerValley(int cellsPerAxis)
        => FokkerPlanckOperator.Create(DiscreteLandscape.Sample(new TensorGrid(Axis.Uniform(-1, 1, cellsPerAxis), Axis.Uniform(-2.5, 2.5, cellsPerAxis)), TestLandscapes.PeerValley()), 0.25);

    /// <summary>The first <paramref name="count"/> rates agree to 1e-9 of the largest reference rate.</summary>
    private static void AssertSameRates(RelaxationSpectrum actual, RelaxationSpectrum reference, int count)
    {
        for (int k = 0; k < count; k++)
            Assert.True(Math.Abs(actual.Eigenvalues[k] - reference.Eigenvalues[k]) < 1e-9 * reference.Eigenvalues[^1], $"λ{k + 1}: {actual.Eigenvalues[k]} vs {reference.Eigenvalues[k]}");
    }

    [Fact]
    public void SmallValley_MatchesDenseReference()
    {
        var g = new TensorGrid(Axis.Clustered(-1, 1, 14, 0.0, 1.5), Axis.Uniform(-2.5, 2.5, 11));
        var s = Solve(g, TestLandscapes.PeerValley(), 0.25, 7);
        var dense = DenseSpectrum.SymmetricEigenvalues(s.Operator.Assemble(FokkerPlanckOperator.Form.SymmetricPositive));
        Assert.Equal(EigenStatus.Converged, s.Status);
        Assert.Equal(0, s.MissedEigenvalues);
        for (int k = 0; k < 7; k++) Assert.True(Math.Abs(s.Eigenvalues[k] - dense[k]) < 1e-9 * dense[^1], $"λ{k + 1}: {s.Eigenvalues[k]} vs {dense[k]}");
        Assert.All(s.Residuals, r => Assert.True(r < ResidualTolerance));
    }

    [Fact]
    public void CoarseGridStart_SameSpectrum_FewerSolves()
    {
        // 128² valley with a 24² coarse level (1/28 of the unknowns): the start block from the coarse
        // modes must not change the result, only where the iteration begins.
        var g = new TensorGrid(Axis.Uniform(-1, 1, 128), Axis.Uniform(-2.5, 2.5, 128));
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, TestLandscapes.PeerValley()), 0.25);
        var random = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 6, CoarseStart = false, RefineLeftVectors = false });
        var coarse = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 6, CoarseCellsPerAxis = 24, RefineLeftVectors = false });
        Assert.Equal(EigenStatus.Converged, coarse.Status);
        Assert.Equal(0, coarse.MissedEigenvalues);
        Assert.Equal(5, coarse.StartVectors);
        Assert.Equal(0, random.StartVectors);
        // the coarse rates place σ inside the wanted range; without them it stays below the spectrum
        Assert.InRange(coarse.Shift, coarse.Eigenvalues[1], coarse.Eigenvalues[^1]);
        Assert.Equal(RelaxationSpectrumSolver.ShiftFor(op), random.Shift);
        Assert.DoesNotContain("rejected", coarse.Messages, StringComparison.Ordinal);
        for (int k = 0; k < 6; k++)
        {
            Assert.True(Math.Abs(coarse.Eigenvalues[k] - random.Eigenvalues[k]) < 1e-9 * random.Eigenvalues[^1], $"λ{k + 1}: {coarse.Eigenvalues[k]} vs {random.Eigenvalues[k]}");
            double overlap = Math.Abs(Dot(coarse.SymmetricModes[k], random.SymmetricModes[k]));
            Assert.True(Math.Abs(overlap - 1) < 1e-9, $"mode {k + 1}: overlap {overlap}");
        }
        Assert.All(coarse.Residuals, r => Assert.True(r < ResidualTolerance));
        Assert.True(coarse.Solves < random.Solves, $"coarse start {coarse.Solves} solves, random start {random.Solves}");
    }

    [Fact]
    public void CoarseGridStart_OneDimensionalDoubleWell_SameSpectrumAsRandomStart()
    {
        // 1D grids coarsen along y only; a tilted double well at low temperature puts λ₂ far below
        // λ₃ (a metastable mode), which the coarse level must carry over as well.
        var land = new PotentialLandscape1D(new ScalarField1D("(y^2-1)^2+0.25y", y => Math.Pow(y * y - 1, 2) + 0.25 * y, y => 4 * y * (y * y - 1) + 0.25));
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(TensorGrid.OneDimensional(Axis.Uniform(-2, 2, 1600)), land), 0.1);
        var random = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 5, CoarseStart = false, RefineLeftVectors = false });
        var coarse = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 5, CoarseCellsPerAxis = 100, RefineLeftVectors = false });
        Assert.Equal(4, coarse.StartVectors);
        Assert.Equal(EigenStatus.Converged, coarse.Status);
        Assert.Equal(0, coarse.MissedEigenvalues);
        AssertSameRates(coarse, random, 5);
        Assert.True(coarse.Eigenvalues[1] < 1e-3 * coarse.Eigenvalues[2], $"metastable λ₂ = {coarse.Eigenvalues[1]}, λ₃ = {coarse.Eigenvalues[2]}");
    }

    [Fact]
    public void ShiftInsideSpectrumMissingLowerModes_RejectedByInertiaAndRepeatedBelow()
    {
        // σ between λ₇ and λ₈: the five rates nearest to it leave out λ₂ and λ₃, which the LDLᵀ
        // inertia of A − σI still counts below σ, so the run must be repeated below the spectrum
        var op = PeerValley(64);
        var reference = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 8, CoarseStart = false, RefineLeftVectors = false });
        double sigma = 0.5 * (reference.Eigenvalues[6] + reference.Eigenvalues[7]);
        var forced = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 6, Shift = sigma, RefineLeftVectors = false });
        Assert.Contains("rejected", forced.Messages, StringComparison.Ordinal);
        Assert.Equal(RelaxationSpectrumSolver.ShiftFor(op), forced.Shift);
        Assert.Equal(EigenStatus.Converged, forced.Status);
        Assert.Equal(0, forced.MissedEigenvalues);
        AssertSameRates(forced, reference, 6);
    }

    [Fact]
    public void ShiftInsideSpectrum_AcceptedWhenEveryRateBelowItIsFound()
    {
        // σ at the centre of [λ₂, λ₆] (what the coarse rates give): same spectrum as σ below it
        var op = PeerValley(64);
        var below = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 6, CoarseStart = false, RefineLeftVectors = false });
        double sigma = 0.5 * (below.Eigenvalues[1] + below.Eigenvalues[5]);
        var inside = new RelaxationSpectrumSolver().Solve(op, new SpectrumOptions { Modes = 6, Shift = sigma, CoarseStart = false, RefineLeftVectors = false });
        Assert.Equal(sigma, inside.Shift);
        Assert.Equal(EigenStatus.Converged, inside.Status);
        Assert.Equal(0, inside.MissedEigenvalues);
        AssertSameRates(inside, below, 6);
        Assert.All(inside.Residuals, r => Assert.True(r < ResidualTolerance));
    }

    [Fact]
    public void CoarseGridStart_SkippedWhenTheGridIsSmall()
    {
        var g = new TensorGrid(Axis.Uniform(-1, 1, 40), Axis.Uniform(-2.5, 2.5, 40));
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, TestLandscapes.PeerValley()), 0.25);
        Assert.Null(CoarseGridStart.Compute(op, 5, 1, coarseCellsPerAxis: 20)); // 1/4 of the unknowns: would not pay
        Assert.NotNull(CoarseGridStart.Compute(op, 5, 1, coarseCellsPerAxis: 10));
    }

    [Fact]
    public void SquareBox_DegenerateModes_FoundWithMultiplicity()
    {
        // free diffusion in a square: λ(m,n) = T(4/h²)(sin²(πm/2N) + sin²(πn/2N)) has exact pairs
        // (m,n)/(n,m); a single-vector Lanczos can miss a partner, the inertia count notices and the
        // solver repeats with a wider block.
        const int n = 20; const double t = 1.0, len = 2.0;
        var g = new TensorGrid(Axis.Uniform(0, len, n), Axis.Uniform(0, len, n));
        var s = new RelaxationSpectrumSolver().Solve(FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, TestLandscapes.Flat2D()), t),
            new SpectrumOptions { Modes = 6, BlockSize = 1 });
        double h = len / n;
        double L(int a, int b) => t * 4 / (h * h) * (Math.Pow(Math.Sin(Math.PI * a / (2.0 * n)), 2) + Math.Pow(Math.Sin(Math.PI * b / (2.0 * n)), 2));
        double[] exact = [0, L(1, 0), L(0, 1), L(1, 1), L(2, 0), L(0, 2)];
        Assert.Equal(0, s.MissedEigenvalues);
        for (int k = 0; k < 6; k++) Assert.True(Math.Abs(s.Eigenvalues[k] - exact[k]) < 1e-9 * exact[^1], $"λ{k + 1} = {s.Eigenvalues[k]} vs {exact[k]}; {s.Messages}");
    }

    [Fact]
    public void SquareBox_RepeatedSolve_HandsOverTheVectorsOfEachRun()
    {
        // the square box of the test above: block size 1 misses a partner, the count makes the solve repeat,
        // and each run's vectors are handed over before its count; only the last ones are the spectrum's
        const int n = 20;
        var g = new TensorGrid(Axis.Uniform(0, 2.0, n), Axis.Uniform(0, 2.0, n));
        var handed = new List<FinalVectors>();
        var s = new RelaxationSpectrumSolver().Solve(FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, TestLandscapes.Flat2D()), 1.0),
            new SpectrumOptions { Modes = 6, BlockSize = 1, VectorsFinal = handed.Add });
        Assert.Contains("repeated with block size 2", s.Messages, StringComparison.Ordinal);
        Assert.Equal(2, handed.Count);
        Assert.False(handed[0].AreThoseOf(s));
        Assert.True(handed[1].AreThoseOf(s));
    }

    [Fact]
    public void PendingAnalysis_UsedWhenItMatches_IgnoredForAnotherGrid()
    {
        var g = new TensorGrid(Axis.Uniform(-1, 1, 24), Axis.Uniform(-2.5, 2.5, 40));
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, TestLandscapes.PeerValley()), 0.25);
        var options = new SpectrumOptions { Modes = 5 };
        var plain = new RelaxationSpectrumSolver().Solve(op, options);
        var early = new RelaxationSpectrumSolver(RelaxationSpectrumSolver.AnalyzeGridAsync(g)).Solve(op, options);
        var other = new TensorGrid(Axis.Uniform(-1, 1, 20), Axis.Uniform(-2.5, 2.5, 40));
        var mismatched = new RelaxationSpectrumSolver(RelaxationSpectrumSolver.AnalyzeGridAsync(other)).Solve(op, options);
        Assert.Equal(plain.Eigenvalues, early.Eigenvalues);      // same ordering, same arithmetic: bit for bit
        Assert.Equal(plain.Eigenvalues, mismatched.Eigenvalues); // the foreign analysis is not used
    }

    [Fact]
    public void LeftResiduals_SignedMatrix_EqualNegatedCopy_OverSeveralChunks()
    {
        // 140 × 130 cells: more than one row chunk of the parallel residual sweep
        var g = new TensorGrid(Axis.Uniform(-1, 1, 140), Axis.Uniform(-2.5, 2.5, 130));
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, TestLandscapes.PeerValley()), 0.25);
        var backward = op.Assemble(FokkerPlanckOperator.Form.Backward);
        double[] values = [0.5, 3.0];
        var vectors = new[] { SparseTestMatrices.RandomVector(op.Size, 1), SparseTestMatrices.RandomVector(op.Size, 2) };
        var signed = LeftEigenvectorRefinement.Residuals(backward, values, vectors, matrixSign: -1.0);
        var copied = LeftEigenvectorRefinement.Residuals(backward.Scale(-1.0), values, vectors);
        Assert.Equal(copied, signed);
        Assert.All(signed, r => Assert.InRange(r, 1e-3, 1.0)); // random vectors are far from eigenvectors
    }

    [Fact]
    public void Vectors_AreBiorthonormal_AndFollowTheSignRule()
    {
        var g = new TensorGrid(Axis.Clustered(-1, 1, 24, 0.0, 1.5), Axis.Uniform(-2.5, 2.5, 40));
        var s = Solve(g, TestLandscapes.PeerValley(), 0.25);
        var lp = s.Operator.LogEquilibrium;
        for (int j = 0; j < s.Count; j++)
        {
            var v = s.LeftVectors[j];
            double norm = 0;
            for (int i = 0; i < v.Length; i++) norm += Math.Exp(lp[i]) * v[i] * v[i];
            Assert.Equal(1.0, norm, 8);
            for (int k = 0; k < s.Count; k++)
            {
                var u = s.RightVector(k);
                double dot = 0;
                for (int i = 0; i < v.Length; i++) dot += v[i] * u[i];
                Assert.True(Math.Abs(dot - (j == k ? 1 : 0)) < 1e-8, $"<v{j + 1},u{k + 1}> = {dot}");
            }
            if (j > 0)
            {
                var u = s.RightVector(j);
                double eu = 0;
                for (int i = 0; i < v.Length; i++) eu += u[i] * s.Operator.Landscape.CentreValues[i];
                Assert.True(eu >= 0);
            }
        }
    }

    [Fact]
    public void OrnsteinUhlenbeck2D_ExactRatesWithinDiscretizationError()
    {
        const double kx = 1.0, ky = 1.3;
        var g = new TensorGrid(Axis.Uniform(-6, 6, 96), Axis.Uniform(-6, 6, 96));
        var s = Solve(g, TestLandscapes.Harmonic(kx, ky), 1.0, 7);
        double[] exact = [0, kx, ky, 2 * kx, kx + ky, 2 * ky, 3 * kx];
        Assert.Equal(0, s.MissedEigenvalues);
        for (int k = 1; k < 7; k++) Assert.True(Math.Abs(s.Eigenvalues[k] - exact[k]) < 5e-3 * exact[k], $"λ{k + 1} = {s.Eigenvalues[k]} vs {exact[k]}");
        Assert.All(s.LeftResiduals, r => Assert.True(r < 1e-9, $"left residual {r}"));
    }

    [Fact]
    public void ColdDoubleWell_LeftVectorAccurateWherePiBelow1e200()
    {
        // U = (y² − 1)² + 0.25y, T = 0.015: π at the walls is ~1e-200 of its peak, λ₂ ~ 1e-24 (Kramers);
        // the tilt makes the two wells' curvatures differ, so no mode is (near-)degenerate.
        const double t = 0.015;
        var land = new PotentialLandscape1D(new ScalarField1D("(y^2-1)^2+0.25y", y => Math.Pow(y * y - 1, 2) + 0.25 * y, y => 4 * y * (y * y - 1) + 0.25));
        var g = TensorGrid.OneDimensional(Axis.Uniform(-2, 2, 400));
        var s = Solve(g, land, t, 4);
        var lp = s.Operator.LogEquilibrium;
        double maxLog = lp.ToArray().Max();
        int wall = 0; // π(wall) / π(max) < 1e-200
        Assert.True(lp[wall] - maxLog < Math.Log(1e-200));
        Assert.All(s.LeftResiduals, r => Assert.True(r < 1e-9, $"left residual {r}"));

        // independent: inverse iteration on the tridiagonal backward operator with partial pivoting
        var gmat = s.Operator.Assemble(FokkerPlanckOperator.Form.Backward).Scale(-1.0);
        int checkedCells = 0;
        // v₂: two-state (Kramers) limit, exact up to O(λ₂) ~ 1e-24: constant on each side of the
        // barrier, with E_π[v₂] = 0 and E_π[v₂²] = 1 ⇒ v = −√(p_R/p_L) left, +√(p_L/p_R) right.
        var piAll = lp.ToArray().Select(Math.Exp).ToArray();
        int barrier = Enumerable.Range(150, 100).MaxBy(i => s.Operator.Landscape.CentreValues[i]);
        double pL = piAll.Take(barrier).Sum(), pR = piAll.Skip(barrier).Sum();
        double sgn = Math.Sign(s.LeftVectors[1][399]);
        Assert.True(Math.Abs(s.LeftVectors[1][0] + sgn * Math.Sqrt(pR / pL)) < 1e-6 * Math.Sqrt(pR / pL), $"v2 left wall {s.LeftVectors[1][0]} vs {-sgn * Math.Sqrt(pR / pL)}");
        Assert.True(Math.Abs(s.LeftVectors[1][399] - sgn * Math.Sqrt(pL / pR)) < 1e-6 * Math.Sqrt(pL / pR), $"v2 right wall {s.LeftVectors[1][399]} vs {sgn * Math.Sqrt(pL / pR)}");
        // v₃, v₄: inverse iteration with an independent tridiagonal solver
        for (int k = 2; k < 4; k++)
        {
            // shift just below λ_k; the constant mode (λ₁ = 0) is removed by the π-weighted mean each sweep
            double mu = s.Eigenvalues[k] - 1e-6 * Math.Max(s.Eigenvalues[k], 1.0);
            var pi = lp.ToArray().Select(Math.Exp).ToArray();
            var w = TridiagonalInverseIteration(gmat, mu, 4, pi);
            // scale to our vector at its largest entry
            int peak = Enumerable.Range(0, w.Length).MaxBy(i => Math.Abs(s.LeftVectors[k][i]));
            double scale = s.LeftVectors[k][peak] / w[peak];
            for (int i = 0; i < w.Length; i++)
            {
                if (lp[i] - maxLog > Math.Log(1e-30)) continue; // only where the equilibrium is tiny
                double expected = w[i] * scale, got = s.LeftVectors[k][i];
                // values 1e-12 below the mode's own peak are round-off for any double-precision method
                if (Math.Abs(expected) < 1e-12 * Math.Abs(s.LeftVectors[k][peak])) continue;
                checkedCells++;
                Assert.True(Math.Abs(got - expected) <= 1e-6 * Math.Abs(expected), $"v{k + 1}[{i}] = {got} vs {expected}");
            }
        }
        Assert.True(checkedCells >= 10, $"only {checkedCells} cells compared");
        // physics: the slowest left mode is flat inside each well, up to the walls
        var v2 = s.LeftVectors[1];
        Assert.True(Math.Abs(v2[300] - v2[399]) < 1e-8 * Math.Abs(v2[300]), $"{v2[300]} vs {v2[399]}");
        Assert.True(Math.Abs(v2[100] - v2[0]) < 1e-8 * Math.Abs(v2[100]), $"{v2[100]} vs {v2[0]}");
    }

    /// <summary>Inverse iteration with a tridiagonal LU with partial pivoting (LAPACK gttrf/gtts2 style), written here independently.</summary>
    private static double[] TridiagonalInverseIteration(Core.LinearAlgebra.CsrMatrix g, double mu, int sweeps, double[] pi)
    {
        int n = g.RowCount;
        var x = Enumerable.Range(0, n).Select(i => 1.0 + 0.1 * Math.Sin(i)).ToArray();
        for (int s = 0; s < sweeps; s++)
        {
            var dl = new double[n]; var d = new double[n]; var du = new double[n]; var du2 = new double[n];
            for (int i = 0; i < n; i++)
            {
                d[i] = g[i, i] - mu;
                if (i + 1 < n) { du[i] = g[i, i + 1]; dl[i] = g[i + 1, i]; }
            }
            double mean = x.Zip(pi).Sum(p => p.First * p.Second);
            var b = x.Select(z => z - mean).ToArray();
            // forward elimination with row interchanges
            for (int i = 0; i < n - 1; i++)
            {
                if (Math.Abs(d[i]) >= Math.Abs(dl[i]))
                {
                    double f = dl[i] / d[i];
                    d[i + 1] -= f * du[i];
                    b[i + 1] -= f * b[i];
                    dl[i] = 0;
                }
                else
                {
                    double f = d[i] / dl[i];
                    d[i] = dl[i];
                    double tmp = d[i + 1];
                    d[i + 1] = du[i] - f * tmp;
                    if (i + 1 < n - 1) { du2[i] = du[i + 1]; du[i + 1] = -f * du2[i]; }
                    du[i] = tmp;
                    (b[i], b[i + 1]) = (b[i + 1], b[i] - f * b[i + 1]);
                }
            }
            x[n - 1] = b[n - 1] / d[n - 1];
            if (n > 1) x[n - 2] = (b[n - 2] - du[n - 2] * x[n - 1]) / d[n - 2];
            for (int i = n - 3; i >= 0; i--) x[i] = (b[i] - du[i] * x[i + 1] - du2[i] * x[i + 2]) / d[i];
            double norm = x.Max(Math.Abs);
            for (int i = 0; i < n; i++) x[i] /= norm;
        }
        return x;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
