using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.TimeStepping;
using static FokkerPlanck.Core.Tests.TimeStepping.TimeSteppingFixtures;

namespace FokkerPlanck.Core.Tests.TimeStepping;

public class StageSolverTests
{
    private static StageSolver Solver(GeneratorFamily family, StageFactorization kind)
        => new(new OperatorCache(family), TimeIntegrator.AnalyzeGrid(family.Landscape.Grid), RefactorizationPolicy.Always with { Factorization = kind });

    /// <summary>
    /// The symmetric factor (LDLᵀ of I + cA applied through √π) and the LU of I − cL solve the same
    /// stage equation: the residual of each is at round-off in every row against the row's own terms,
    /// mass is kept, and no entry of a positive right-hand side's solution goes negative (W⁻¹ ≥ 0).
    /// </summary>
    [Theory]
    [InlineData(1.0, 0.3)]
    [InlineData(0.05, 2.0)]   // cold: π spans ~e^−500, the scaling still in range
    [InlineData(0.25, 1e-3)]  // a tiny step: W ≈ I
    public void SymmetricAndLuFactors_SolveTheSameStageEquation(double temperature, double c)
    {
        var family = SmallValley(20, 36);
        var l = family.OperatorAt(temperature).Assemble(FokkerPlanckOperator.Form.Forward);
        var rng = new Random(7);
        var b = Enumerable.Range(0, family.Size).Select(_ => rng.NextDouble()).ToArray();
        var solutions = new List<double[]>();
        foreach (var kind in new[] { StageFactorization.Symmetric, StageFactorization.Lu })
        {
            using var solver = Solver(family, kind);
            solver.Factorize(c, temperature);
            Assert.Equal(kind == StageFactorization.Symmetric, solver.SymmetricFactor);
            var x = new double[family.Size];
            solver.ApplyInverse(b, x);
            // r = b − x + c L x, every row against |b| + |x| + c|L||x|
            var lx = new double[x.Length];
            l.Multiply(x, lx);
            double worst = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double scale = Math.Abs(b[i]) + Math.Abs(x[i]) + c * Math.Abs(l[i, i] * x[i]) * 2;
                worst = Math.Max(worst, Math.Abs(b[i] - x[i] + c * lx[i]) / scale);
            }
            Assert.True(worst < 1e-13, $"{kind}: componentwise residual {worst:E2}");
            Assert.Equal(b.Sum(), x.Sum(), 1e-12 * b.Sum());
            Assert.True(x.Min() >= 0, $"{kind}: most negative entry {x.Min():E2}");
            solutions.Add(x);
        }
        for (int i = 0; i < family.Size; i++) Assert.Equal(solutions[1][i], solutions[0][i], 1e-11 * Math.Abs(solutions[1][i]) + 1e-300);
    }

    /// <summary>Where √π would leave the normal range (π spans more than e^−1288) the symmetric kind falls back to the LU, and still solves.</summary>
    [Fact]
    public void SymmetricKind_TooColdForTheScaling_FallsBackToLu()
    {
        var family = SmallValley(20, 36);
        const double cold = 0.01;
        var scale = new double[family.Size];
        Assert.True(family.EquilibriumScaleInto(cold, scale) < FokkerPlanck.Core.Spectral.Relaxation.SharedShiftLeftVectors.MinHalfLogScale);
        using var solver = Solver(family, StageFactorization.Symmetric);
        solver.Factorize(0.5, cold);
        Assert.False(solver.SymmetricFactor);
        solver.Factorize(0.5, 1.0);
        Assert.True(solver.SymmetricFactor);
        var b = Enumerable.Repeat(1.0, family.Size).ToArray();
        var x = new double[family.Size];
        solver.Factorize(0.5, cold);
        solver.ApplyInverse(b, x);
        Assert.Equal(b.Sum(), x.Sum(), 1e-12 * b.Sum());
    }
}
