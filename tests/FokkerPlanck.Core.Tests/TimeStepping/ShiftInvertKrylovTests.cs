using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.TimeStepping;
using static FokkerPlanck.Core.Tests.TimeStepping.TimeSteppingFixtures;

namespace FokkerPlanck.Core.Tests.TimeStepping;

public class ShiftInvertKrylovTests
{
    /// <summary>exp(τL)δ on a 60-cell problem against the dense Padé exponential of the whole generator, and the error bound holds.</summary>
    [Theory]
    [InlineData(0.05)]
    [InlineData(1.0)]
    [InlineData(20.0)]
    public void Evaluate_MatchesTheDenseExponential_WithinItsBound(double tau)
    {
        var family = Harmonic1D(1.0, 6.0, 60);
        var l = family.OperatorAt(0.3).Assemble(FokkerPlanckOperator.Form.Forward);
        int n = l.Size;
        var dense = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = l.RowPointers[i]; k < l.RowPointers[i + 1]; k++) dense[i, l.ColumnIndices[k]] = tau * l.Values[k];
        var p0 = Equilibrium(family, 1.0); var pc = Equilibrium(family, 0.3);
        var delta = p0.Zip(pc, (a, b) => a - b).ToArray();
        var exact = DenseMatrixExponential.Apply(dense, delta);

        var cache = new OperatorCache(family);
        using var solver = new StageSolver(cache, TimeIntegrator.AnalyzeGrid(family.Landscape.Grid));
        var krylov = new ShiftInvertKrylov(cache, solver, 0.3, 50);
        Assert.True(krylov.Build(delta, 0.5, 20.0, 1e-11));
        var y = new double[n];
        krylov.Evaluate(tau, y);
        double error = L1(y, exact);
        Assert.True(error <= Math.Max(krylov.Bound, 1e-13) * 10, $"error {error:E2}, bound {krylov.Bound:E2}");
        Assert.True(error < 1e-10, $"error {error:E2}");
        Assert.True(Math.Abs(y.Sum()) < 1e-14, "a deviation keeps zero mass");
    }

    [Fact]
    public void Build_TooSmallADimension_ReportsFailure()
    {
        var family = Harmonic1D(1.0, 6.0, 200);
        var cache = new OperatorCache(family);
        using var solver = new StageSolver(cache, TimeIntegrator.AnalyzeGrid(family.Landscape.Grid));
        var delta = Equilibrium(family, 1.0).Zip(Equilibrium(family, 0.05), (a, b) => a - b).ToArray();
        var krylov = new ShiftInvertKrylov(cache, solver, 0.05, 8);
        Assert.False(krylov.Build(delta, 1e-3, 100, 1e-14));
    }
}

public class DenseMatrixExponentialTests
{
    [Fact]
    public void Exponential_Rotation_IsCosineAndSine()
    {
        double th = 2.3;
        var e = DenseMatrixExponential.Exponential(new[,] { { 0, th }, { -th, 0 } });
        Assert.Equal(Math.Cos(th), e[0, 0], 1e-14);
        Assert.Equal(Math.Sin(th), e[0, 1], 1e-14);
        Assert.Equal(-Math.Sin(th), e[1, 0], 1e-14);
    }

    [Fact]
    public void Exponential_JordanBlockWithLargeNorm_MatchesTheClosedForm()
    {
        // exp([[a, b], [0, a]]) = e^a [[1, b], [0, 1]]; scaling and squaring is exercised by the large norm
        double a = -7.5, b = 40;
        var e = DenseMatrixExponential.Exponential(new[,] { { a, b }, { 0, a } });
        Assert.Equal(Math.Exp(a), e[0, 0], 1e-15);
        Assert.True(Math.Abs(e[0, 1] / (b * Math.Exp(a)) - 1) < 1e-13);
        Assert.Equal(0, e[1, 0]);
    }

    [Fact]
    public void Exponential_NotSquare_Throws()
        => Assert.Throws<ArgumentException>(() => DenseMatrixExponential.Exponential(new double[2, 3]));
}

public class GeneratorFamilyTests
{
    /// <summary>
    /// In-place refills give the fresh assembly's entries to the last bit, at every temperature, in all
    /// three forms, for a flux evaluated at each temperature (SG) and one whose T = 1 conductances the
    /// family keeps (SQRA).
    /// </summary>
    [Theory]
    [InlineData("sg")]
    [InlineData("sqra")]
    public void AssembleInto_EqualsAFreshAssembly_BitForBit(string flux)
    {
        var valley = SmallValley(20, 700);  // 700 rows: the assembly's row blocks are crossed
        var family = new GeneratorFamily(valley.Landscape, FaceFluxCatalog.Get(flux));
        var target = family.CreateMatrix();
        foreach (double t in new[] { 0.1, 0.37, 2.0 })
            foreach (var form in new[] { FokkerPlanckOperator.Form.Forward, FokkerPlanckOperator.Form.Backward })
            {
                family.AssembleInto(t, form, target);
                Assert.Equal(family.OperatorAt(t).Assemble(form).Values.ToArray(), target.Values.ToArray());
            }
        var symmetric = family.CreateSymmetricMatrix();
        foreach (double t in new[] { 0.1, 2.0 })
        {
            family.AssembleInto(t, FokkerPlanckOperator.Form.SymmetricPositive, symmetric);
            Assert.Equal(family.OperatorAt(t).AssembleSymmetricAndBackward().Symmetric.Values.ToArray(), symmetric.Values.ToArray());
        }
    }

    [Fact]
    public void EquilibriumScale_IsTheSimilarityOfTheTwoForms()
    {
        // L = −S A S⁻¹ with S = diag(s), s = √(π/max π): check it entry by entry on a cold valley
        var family = SmallValley(12, 30);
        const double t = 0.05;
        var scale = new double[family.Size];
        double halfLogRange = family.EquilibriumScaleInto(t, scale);
        var op = family.OperatorAt(t);
        var logPi = op.LogEquilibrium;
        Assert.Equal(0.5 * (logPi.ToArray().Min() - logPi.ToArray().Max()), halfLogRange, 1e-9);
        Assert.Equal(1.0, scale.Max(), 15);
        var forward = op.Assemble(FokkerPlanckOperator.Form.Forward);
        var symmetric = op.AssembleSymmetricAndBackward().Symmetric;
        for (int i = 0; i < family.Size; i++)
            for (int p = forward.RowPointers[i]; p < forward.RowPointers[i + 1]; p++)
            {
                int j = forward.ColumnIndices[p];
                double similar = -scale[i] * symmetric[i, j] / scale[j];
                Assert.Equal(forward.Values[p], similar, Math.Abs(forward.Values[p]) * 1e-12 + 1e-300);
            }
    }

    [Fact]
    public void AssembleInto_BadArguments_Throw()
    {
        var family = SmallValley();
        var other = SmallValley(8, 8).CreateMatrix();
        Assert.Throws<ArgumentException>(() => family.AssembleInto(1, FokkerPlanckOperator.Form.Forward, other));
        Assert.Throws<ArgumentOutOfRangeException>(() => family.AssembleInto(-1, FokkerPlanckOperator.Form.Forward, family.CreateMatrix()));
        Assert.Throws<ArgumentException>(() => family.AssembleInto(1, FokkerPlanckOperator.Form.SymmetricPositive, family.CreateMatrix()));
        Assert.Throws<ArgumentException>(() => family.AssembleInto(1, FokkerPlanckOperator.Form.Forward, family.CreateSymmetricMatrix()));
        Assert.Throws<ArgumentException>(() => family.EquilibriumScaleInto(1, new double[3]));
    }
}
