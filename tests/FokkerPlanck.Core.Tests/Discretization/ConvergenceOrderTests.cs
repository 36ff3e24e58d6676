using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Discretization;

/// <summary>Observed order of accuracy of the relaxation rates under grid refinement.</summary>
public class ConvergenceOrderTests
{
    /// <summary>Second order means an observed order near 2; pre-asymptotic effects on these coarse grids stay within ±0.25.</summary>
    private const double MinimumSecondOrder = 1.75;

    private static double[] Rates(TensorGrid g, Core.Landscapes.ILandscape l, double t, int count)
    {
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, l), t);
        if (g.CellCount <= 600)
            return DenseSpectrum.SymmetricEigenvalues(op.Assemble(FokkerPlanckOperator.Form.SymmetricPositive)).Take(count).ToArray();
        // larger grids: the sparse solver, itself checked against the dense reference in its own tests
        var s = new Core.Spectral.Relaxation.RelaxationSpectrumSolver().Solve(op, new Core.Spectral.Relaxation.SpectrumOptions { Modes = count, RefineLeftVectors = false });
        Assert.Equal(0, s.MissedEigenvalues);
        return s.Eigenvalues;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OrnsteinUhlenbeck2D_RatesConvergeAtSecondOrder(bool nonUniform)
    {
        // U = (kx x² + ky y²)/2: exact rates n kx + m ky, independent of T.
        const double kx = 1.0, ky = 1.3, t = 1.0, half = 6.0;
        double[] exact = [0, kx, ky, 2 * kx, kx + ky];
        var errors = new List<double>();
        foreach (int n in new[] { 24, 48, 96 })
        {
            Axis Ax() => nonUniform ? Axis.Clustered(-half, half, n, 0.3, 1.5) : Axis.Uniform(-half, half, n);
            var r = Rates(new TensorGrid(Ax(), Ax()), TestLandscapes.Harmonic(kx, ky), t, exact.Length);
            Assert.True(Math.Abs(r[0]) < 1e-10);
            errors.Add(Enumerable.Range(1, exact.Length - 1).Max(k => Math.Abs(r[k] - exact[k])));
        }
        double order = Math.Log2(errors[1] / errors[2]);
        Assert.True(order > MinimumSecondOrder, $"observed order {order:F2}; errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}");
        Assert.True(errors[2] < 1e-2, $"errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}");
    }

    /// <summary>
    /// Smallest positive root of sin(k l₁) cos(k l₂) + r cos(k l₁) sin(k l₂) = 0 (r = e^{−Δ/T}):
    /// the exact λ₂ = T k² of a potential step at y₀ (interface conditions: flux and p e^{U/T}
    /// continuous). Bracketed by scanning, refined by bisection.
    /// </summary>
    private static double StepExactRate(double a, double b, double y0, double delta, double t)
    {
        double l1 = y0 - a, l2 = b - y0, r = Math.Exp(-delta / t);
        double F(double k) => Math.Sin(k * l1) * Math.Cos(k * l2) + r * Math.Cos(k * l1) * Math.Sin(k * l2);
        double lo = 1e-6, step = 1e-3, flo = F(lo);
        while (F(lo + step) * flo > 0) lo += step;
        double hi = lo + step;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (F(mid) * flo > 0) lo = mid; else hi = mid;
        }
        double kk = 0.5 * (lo + hi);
        return t * kk * kk;
    }

    [Fact]
    public void PotentialStep_FaceOnJump_KeepsSecondOrder()
    {
        const double a = -1.0, b = 2.0, y0 = 0.37, delta = 0.8, t = 0.5;
        double exact = StepExactRate(a, b, y0, delta, t);
        var errors = new List<double>();
        foreach (int n in new[] { 50, 100, 200, 400 })
        {
            var land = TestLandscapes.Step1D(y0, delta);
            var axis = Axis.Uniform(a, b, n).SnapFacesTo(land.JumpsAlongY(a, b));
            Assert.Contains(y0, axis.Faces.ToArray());
            errors.Add(Math.Abs(Rates(TensorGrid.OneDimensional(axis), land, t, 2)[1] - exact));
        }
        double order = Math.Log2(errors[^2] / errors[^1]);
        Assert.True(order > MinimumSecondOrder, $"observed order {order:F2}; errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}");
    }

    [Fact]
    public void PotentialStep_JumpInsideCell_IsOnlyFirstOrder()
    {
        // The control experiment: without a face on the jump the two-point flux smears it (order ~1).
        const double a = -1.0, b = 2.0, y0 = 0.37, delta = 0.8, t = 0.5;
        double exact = StepExactRate(a, b, y0, delta, t);
        var errors = new List<double>();
        foreach (int n in new[] { 101, 201, 401 })
        {
            var land = TestLandscapes.Step1D(y0, delta);
            errors.Add(Math.Abs(Rates(TensorGrid.OneDimensional(Axis.Uniform(a, b, n)), land, t, 2)[1] - exact));
        }
        double order = Math.Log2(errors[^2] / errors[^1]);
        Assert.True(order < 1.5, $"observed order {order:F2}");
    }
}
