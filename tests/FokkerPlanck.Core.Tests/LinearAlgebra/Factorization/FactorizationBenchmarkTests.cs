using FokkerPlanck.Core.LinearAlgebra.Factorization;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Factorization;

public class FactorizationBenchmarkTests
{
    /// <summary>Residual bound for the benchmark's SPD matrices on a small grid.</summary>
    private const double ResidualTolerance = 1e-12;

    [Theory]
    [InlineData(BenchmarkMatrix.ShiftedGraphLaplacian)]
    [InlineData(BenchmarkMatrix.SymmetrizedFokkerPlanck)]
    public void Run_SmallGrid_ReportsConsistentFigures(BenchmarkMatrix matrix)
    {
        var r = FactorizationBenchmark.Run(24, 20, matrix, rhsCount: 3);
        Assert.Equal(24 * 20, r.Size);
        Assert.True(r.NonZerosInFactor >= r.Size);
        Assert.True(r.FlopCount > 0);
        Assert.True(r.RelativeResidual < ResidualTolerance);
        Assert.True(r.PeakWorkingSetBytes > 0);
        Assert.Equal(3, r.RhsCount);
    }

    [Fact]
    public void Run_NonPositiveSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FactorizationBenchmark.Run(0, 4));
    }
}
