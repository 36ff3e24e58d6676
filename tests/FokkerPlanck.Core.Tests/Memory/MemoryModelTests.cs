using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Memory;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Memory;

/// <summary>
/// The memory model's terms against what a real factorization of a grid Laplacian stores (its own
/// accounting of the native panels), and the guard's refusal and its suggested grid.
/// </summary>
public sealed class MemoryModelTests
{
    /// <summary>σ = −1 makes the singular Neumann Laplacian positive definite.</summary>
    private const double Shift = -1.0;

    [Theory]
    [InlineData(24, 16)]
    [InlineData(40, 40)]
    [InlineData(1, 300)]
    public void FactorTerm_EqualsTheNumericFactorsStorage(int nx, int ny)
    {
        var model = MemoryModel.ForGrid(nx, ny);
        var a = Laplacians.Neumann2D(nx, ny, 1.0, 1.0);
        var symbolic = RelaxationSpectrumSolver.AnalyzeGrid(a, nx, ny);
        using var ldlt = SparseLdlt.Create(a, symbolic, Shift);
        using var lu = SparseLu.Create(a, symbolic, Shift);
        Assert.Equal(ldlt.StoredEntries, model.FactorEntries);
        Assert.Equal(lu.StoredEntries, 2 * model.FactorEntries);
        Assert.Equal((long)nx * ny, model.Cells);
        Assert.Equal(a.NonZerosCount, model.NonZeros);
        // one LDLᵀ (refactored in place for the inertia count), or the backward generator's LU
        var factor = Assert.Single(model.Spectrum(6).Terms, t => t.Name.StartsWith("factor", StringComparison.Ordinal));
        Assert.Equal(ldlt.StoredEntries * sizeof(double), factor.Bytes);
        var backward = Assert.Single(model.Spectrum(6, backwardLu: true).Terms, t => t.Name.StartsWith("factor", StringComparison.Ordinal));
        Assert.Equal(lu.StoredEntries * sizeof(double), backward.Bytes);
        var luTerm = Assert.Single(model.Evolve(6).Terms, t => t.Name.Contains("factor", StringComparison.Ordinal));
        Assert.Equal(lu.StoredEntries * sizeof(double), luTerm.Bytes);
    }

    [Fact]
    public void KrylovAndEnsembleTerms_FollowTheirSizes()
    {
        var model = MemoryModel.ForGrid(64, 64);
        // m + b = max(2·nev, 20) + 3b vectors with nev = 5, b = 2
        var krylov = Assert.Single(model.Spectrum(6).Terms, t => t.Name.StartsWith("Krylov", StringComparison.Ordinal));
        Assert.Equal(26L * 64 * 64 * sizeof(double), krylov.Bytes);
        var wide = Assert.Single(model.Spectrum(21, blockSize: 4).Terms, t => t.Name.StartsWith("Krylov", StringComparison.Ordinal));
        Assert.Equal(52L * 64 * 64 * sizeof(double), wide.Bytes);
        long small = model.Langevin(1_000, 6).TotalBytes, big = model.Langevin(1_001_000, 6).TotalBytes;
        Assert.Equal(1_000_000L * MemoryModel.BytesPerParticle, big - small);
    }

    /// <summary>Solves at once share the runtime, and everything else is held once per solve; the count that fits is the largest whose sum does.</summary>
    [Fact]
    public void ConcurrentSolves_ShareTheRuntime_AndFitByTheirSum()
    {
        var one = MemoryModel.ForGrid(64, 64).Spectrum(6, backwardLu: true);
        long runtime = Assert.Single(one.Terms, t => t.PerProcess).Bytes;
        Assert.Equal(MemoryModel.RuntimeBaselineBytes, runtime);
        var three = one.Concurrent(3);
        Assert.Equal(runtime + 3 * (one.TotalBytes - runtime), three.TotalBytes);
        Assert.Equal(one.Terms.Count, three.Terms.Count);
        Assert.Same(one, one.Concurrent(1));
        Assert.Equal(3, one.ConcurrentWithin(three.TotalBytes, 4));
        Assert.Equal(2, one.ConcurrentWithin(three.TotalBytes - 1, 4));
        Assert.Equal(2, one.ConcurrentWithin(three.TotalBytes, 2));
        Assert.Equal(1, one.ConcurrentWithin(one.TotalBytes, 4));
        Assert.Equal(1, one.ConcurrentWithin(0, 4)); // the single solve is the guard's to refuse
        Assert.Throws<ArgumentOutOfRangeException>(() => one.Concurrent(0));
    }

    [Fact]
    public void FrontPool_HoldsAtLeastTheLargestBlockAndAtMostAllOfThem()
    {
        var model = MemoryModel.ForGrid(96, 96);
        var s = RelaxationSpectrumSolver.AnalyzeGrid(Laplacians.Neumann2D(96, 96, 1.0, 1.0), 96, 96);
        long largest = 0, all = 0, largestFront = 0;
        for (int sn = 0; sn < s.SupernodeCount; sn++)
        {
            long mb = s.FrontSize(sn) - s.Columns(sn);
            largest = Math.Max(largest, mb * mb * sizeof(double));
            all += mb * mb * sizeof(double);
            largestFront = Math.Max(largestFront, (long)s.FrontSize(sn) * s.FrontSize(sn) * sizeof(double));
        }
        Assert.InRange(model.LdltPoolBytes, largest, all + largestFront);
        Assert.InRange(model.LuPoolBytes, largestFront, all + 2 * largestFront);
    }

    [Fact]
    public void Guard_RefusesWithSizesAndAGridThatFits()
    {
        // a model that grows like n: 1 KiB per cell
        static MemoryEstimate Linear(int nx, int ny) => new(MemoryWorkload.Spectrum, $"{nx}x{ny}", [new MemoryTerm("cells", 1024L * nx * ny)]);
        long available = 64L << 20;
        var e = Assert.Throws<MemoryLimitException>(() => MemoryGuard.Enforce("spectrum", new GridCells(512, 512), Linear, available, "--max-memory"));
        Assert.Contains("needs about 256 MiB", e.Message, StringComparison.Ordinal);
        Assert.Contains("64.0 MiB available (--max-memory)", e.Message, StringComparison.Ordinal);
        var grid = System.Text.RegularExpressions.Regex.Match(e.Message, @"--grid (\d+)x(\d+)");
        Assert.True(grid.Success, e.Message);
        int nx = int.Parse(grid.Groups[1].Value), ny = int.Parse(grid.Groups[2].Value);
        Assert.True(Linear(nx, ny).TotalBytes <= available);
        Assert.True(nx >= 200, $"suggested {nx}x{ny} is needlessly small");
        Assert.Equal(256L << 20, MemoryGuard.Enforce("spectrum", new GridCells(512, 512), Linear, 256L << 20, "MemAvailable").TotalBytes);
    }

    /// <summary>
    /// The default two-basin scenario's equilibrium spans more than √π can hold (its left vectors take the
    /// backward generator's LU: two factors' storage); the peer valley's does not (one LDLᵀ). The
    /// estimate follows, and the coarse sample agrees with the operator on the scenario's own grid.
    /// </summary>
    [Theory]
    [InlineData("two-basin.json", true)]
    [InlineData("peer-valley.json", false)]
    public void NeedsBackwardLu_FollowsTheEquilibriumsRange(string file, bool expected)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Scenarios.ScenarioLoaderTests.RepoRoot(), "data", "scenarios", file));
        Assert.Equal(expected, MemoryModel.NeedsBackwardLu(scenario));
        var fine = ScenarioSetup.Create(scenario).OperatorAt(scenario.FinalLr);
        Assert.Equal(expected, SharedShiftLeftVectors.ScalingUnderflows(fine.LogEquilibrium));
        var model = MemoryModel.ForGrid(16, 24);
        long difference = model.Spectrum(4, backwardLu: true).TotalBytes - model.Spectrum(4).TotalBytes;
        Assert.True(difference >= model.FactorEntries * sizeof(double), $"the LU adds {difference} bytes, one factor is {model.FactorEntries * sizeof(double)}");
    }
}
