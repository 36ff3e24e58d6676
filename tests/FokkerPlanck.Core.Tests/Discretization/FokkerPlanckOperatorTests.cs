using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.Discretization;

public class FokkerPlanckOperatorTests
{
    /// <summary>Round-off bound for column sums and symmetry, relative to the largest diagonal entry.</summary>
    private const double RoundOff = 1e-13;

    /// <summary>Eigenvalues of the discrete Neumann Laplacian match the closed form to this relative accuracy (dense EVD round-off).</summary>
    private const double SpectrumTolerance = 1e-9;

    public static TheoryData<string> Fluxes() => [.. FaceFluxCatalog.All.Select(f => f.Name)];

    private static FokkerPlanckOperator Build(TensorGrid g, Core.Landscapes.ILandscape l, double t, string flux)
        => FokkerPlanckOperator.Create(DiscreteLandscape.Sample(g, l), t, FaceFluxCatalog.Get(flux));

    private static TensorGrid NonUniformGrid(int nx, int ny, double lx, double ly)
        => new(Axis.Clustered(-lx, lx, nx, 0.1, 2.0), Axis.Clustered(-ly, ly, ny, -0.2, 1.5));

    [Fact]
    public void Sample_RowEvaluation_EqualsPointwisePotential()
    {
        var g = NonUniformGrid(19, 27, 1.0, 2.5);
        var l = TestLandscapes.PeerValley();
        var d = DiscreteLandscape.Sample(g, l);
        var xc = g.X.Centres.ToArray(); var yc = g.Y.Centres.ToArray(); var xf = g.X.Faces.ToArray(); var yf = g.Y.Faces.ToArray();
        for (int j = 0; j < g.Ny; j++)
            for (int i = 0; i < g.Nx; i++)
            {
                Assert.Equal(l.Potential(xc[i], yc[j]), d.CentreValues[i + g.Nx * j]);
                if (i + 1 < g.Nx)
                {
                    Assert.Equal(l.Potential(xf[i + 1], yc[j]), d.XFaceMinus[i + (g.Nx - 1) * j]);
                    Assert.Equal(l.Potential(xf[i + 1], yc[j]), d.XFacePlus[i + (g.Nx - 1) * j]);
                }
                if (j + 1 < g.Ny)
                {
                    Assert.Equal(l.Potential(xc[i], yf[j + 1]), d.YFaceMinus[i + g.Nx * j]);
                    Assert.Equal(l.Potential(xc[i], yf[j + 1]), d.YFacePlus[i + g.Nx * j]);
                }
            }
    }

    [Theory]
    [InlineData(17, 23)]
    [InlineData(1, 40)]   // 1D along y
    [InlineData(300, 2)]  // several parallel rows, two cells high
    public void PatternFor_IsTheAssembledStructure(int nx, int ny)
    {
        var g = new TensorGrid(Axis.Uniform(-1, 1, nx), Axis.Uniform(-2.5, 2.5, ny));
        var a = Build(g, TestLandscapes.PeerValley(), 0.25, FaceFluxCatalog.All[0].Name).Assemble(FokkerPlanckOperator.Form.Backward);
        var p = FokkerPlanckOperator.PatternFor(g);
        Assert.Equal(a.RowPointers.ToArray(), p.RowPointers.ToArray());
        Assert.Equal(a.ColumnIndices.ToArray(), p.ColumnIndices.ToArray());
        Assert.All(p.Values.ToArray(), v => Assert.Equal(0.0, v));
    }

    [Theory, MemberData(nameof(Fluxes))]
    public void Forward_ColumnsSumToZero_MassConserved(string flux)
    {
        var op = Build(NonUniformGrid(17, 23, 1.0, 2.5), TestLandscapes.PeerValley(), 0.05, flux);
        Assert.True(OperatorDiagnostics.MassConservationResidual(op.Assemble(FokkerPlanckOperator.Form.Forward)) < RoundOff);
    }

    [Theory, MemberData(nameof(Fluxes))]
    public void Forward_DetailedBalanceWithCellBoltzmannWeights(string flux)
    {
        var op = Build(NonUniformGrid(15, 19, 1.0, 2.5), TestLandscapes.PeerValley(), 0.1, flux);
        var (err, skipped) = OperatorDiagnostics.DetailedBalanceResidual(op.Assemble(FokkerPlanckOperator.Form.Forward), op.LogEquilibrium);
        Assert.Equal(0, skipped);
        Assert.True(err < 1e-11, $"detailed balance log error {err}");
        // and L π = 0 with π = e^{−U/T}|V|/Z computed independently
        var l = op.Assemble(FokkerPlanckOperator.Form.Forward);
        var pi = new double[op.Size];
        var g = op.Grid; double z = 0;
        for (int k = 0; k < pi.Length; k++)
        {
            pi[k] = Math.Exp(-op.Landscape.CentreValues[k] / 0.1) * g.Volume(k);
            z += pi[k];
        }
        for (int k = 0; k < pi.Length; k++) pi[k] /= z;
        var r = new double[op.Size];
        l.Multiply(pi, r);
        double scale = l.Diagonal().Max(Math.Abs) * pi.Max();
        Assert.True(r.Max(Math.Abs) < 1e-12 * scale);
    }

    [Theory, MemberData(nameof(Fluxes))]
    public void Symmetrized_IsSymmetricAndSimilarToForward(string flux)
    {
        var op = Build(NonUniformGrid(9, 11, 1.0, 2.5), TestLandscapes.PeerValley(), 0.2, flux);
        var a = op.Assemble(FokkerPlanckOperator.Form.SymmetricPositive);
        var l = op.Assemble(FokkerPlanckOperator.Form.Forward);
        double scale = a.Diagonal().Max();
        Assert.True(a.SymmetryDefect() < RoundOff * scale);
        // A = −Π^{-1/2} L Π^{1/2} entry by entry
        var lp = op.LogEquilibrium;
        for (int i = 0; i < a.RowCount; i++)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
            {
                int j = a.ColumnIndices[k];
                double expected = -l[i, j] * Math.Exp(0.5 * (lp[j] - lp[i]));
                Assert.True(Math.Abs(a.Values[k] - expected) <= 1e-12 * scale, $"A[{i},{j}]={a.Values[k]} vs {expected}");
            }
    }

    [Fact]
    public void Backward_IsTransposeOfForward_RowsSumToZero()
    {
        var op = Build(NonUniformGrid(8, 10, 1.0, 2.5), TestLandscapes.PeerValley(), 0.3, "sg");
        var l = op.Assemble(FokkerPlanckOperator.Form.Forward);
        var b = op.Assemble(FokkerPlanckOperator.Form.Backward);
        var lt = l.Transpose();
        for (int i = 0; i < b.RowCount; i++)
        {
            double rowSum = 0;
            for (int k = b.RowPointers[i]; k < b.RowPointers[i + 1]; k++)
            {
                Assert.Equal(lt[i, b.ColumnIndices[k]], b.Values[k]);
                rowSum += b.Values[k];
            }
            Assert.True(Math.Abs(rowSum) < RoundOff * Math.Abs(b[i, i]));
        }
    }

    [Fact]
    public void Assembly_SeveralRowBlocks_EveryEntryIsItsFaceRate()
    {
        // 31 × 700 cells: the assembly evaluates face rates in blocks of rows (about 8k cells), so this
        // grid crosses block edges, where the y-faces are evaluated by both blocks
        const double t = 0.15;
        var g = NonUniformGrid(31, 700, 1.0, 2.5);
        var op = Build(g, TestLandscapes.PeerValley(), t, "sqra");
        var (a, b) = op.AssembleSymmetricAndBackward();
        var l = op.Assemble(FokkerPlanckOperator.Form.Forward);
        Assert.Equal(op.Assemble(FokkerPlanckOperator.Form.SymmetricPositive).Values.ToArray(), a.Values.ToArray());
        Assert.Equal(op.Assemble(FokkerPlanckOperator.Form.Backward).Values.ToArray(), b.Values.ToArray());
        Assert.Equal(l.Transpose().Values.ToArray(), b.Values.ToArray());
        Assert.True(OperatorDiagnostics.MassConservationResidual(l) < RoundOff);
        // the symmetrized form is marked exactly symmetric (the factorizations then skip their check): it is
        Assert.True(a.IsSymmetricByConstruction);
        Assert.Equal(0.0, Core.LinearAlgebra.Factorization.FactorizationInput.SymmetryDefect(a));
        Assert.False(b.IsSymmetricByConstruction);
        Assert.False(l.IsSymmetricByConstruction);
        // the SQRA rate from cell k to its neighbour m, from the geometry alone:
        // e^{ℓ + (U_k − U_m)/(2T)}/|V_k| with e^ℓ = T·(face area)/(centre distance)
        var xc = g.X.Centres.ToArray(); var yc = g.Y.Centres.ToArray(); var wx = g.X.Widths.ToArray(); var wy = g.Y.Widths.ToArray();
        var u = op.Landscape.CentreValues.ToArray();
        int nx = g.Nx;
        for (int k = 0; k < op.Size; k++)
            for (int p = b.RowPointers[k]; p < b.RowPointers[k + 1]; p++)
            {
                int m = b.ColumnIndices[p];
                if (m == k) continue;
                int i = k % nx, j = k / nx, im = m % nx, jm = m / nx;
                double conductance = j == jm ? t * wy[j] / Math.Abs(xc[im] - xc[i]) : t * wx[i] / Math.Abs(yc[jm] - yc[j]);
                double expected = conductance * Math.Exp((u[k] - u[m]) / (2 * t)) / (wx[i] * wy[j]);
                Assert.True(Math.Abs(b.Values[p] - expected) <= 1e-13 * expected, $"k({k}→{m}) = {b.Values[p]} vs {expected}");
                double symmetric = -conductance / Math.Sqrt(wx[i] * wy[j] * wx[im] * wy[jm]);
                Assert.True(Math.Abs(a[k, m] - symmetric) <= 1e-13 * Math.Abs(symmetric), $"A[{k},{m}] = {a[k, m]} vs {symmetric}");
            }
    }

    [Fact]
    public void ExtremeColdTemperature_NothingOverflows()
    {
        // U/T up to ~1e4 over the grid: logs stay finite, the symmetrized matrix stays finite.
        var op = Build(new TensorGrid(Axis.Uniform(-1, 1, 64), Axis.Uniform(-2.5, 2.5, 64)), TestLandscapes.PeerValley(), 1e-3, "sg");
        Assert.All(op.LogEquilibrium.ToArray(), v => Assert.True(double.IsFinite(v)));
        double minLog = op.LogEquilibrium.ToArray().Min();
        Assert.True(minLog < -5000, $"the test should reach U/T ~ 1e4, min ln π = {minLog}");
        var a = op.Assemble(FokkerPlanckOperator.Form.SymmetricPositive);
        Assert.All(a.Values.ToArray(), v => Assert.True(double.IsFinite(v)));
        var b = op.Assemble(FokkerPlanckOperator.Form.Backward);
        Assert.All(b.Values.ToArray(), v => Assert.True(double.IsFinite(v)));
        Assert.True(OperatorDiagnostics.MassConservationResidual(op.Assemble(FokkerPlanckOperator.Form.Forward)) < RoundOff);
    }

    [Theory, MemberData(nameof(Fluxes))]
    public void FreeDiffusion2D_MatchesExactDiscreteNeumannSpectrum(string flux)
    {
        // U = 0, uniform grid: A = T × (discrete Neumann Laplacian), eigenvalues
        // T (4/hx² sin²(πm/2Nx) + 4/hy² sin²(πn/2Ny)).
        const int nx = 12, ny = 9; const double t = 0.7, lx = 3.0, ly = 2.0;
        var op = Build(new TensorGrid(Axis.Uniform(0, lx, nx), Axis.Uniform(0, ly, ny)), TestLandscapes.Flat2D(), t, flux);
        var got = DenseSpectrum.SymmetricEigenvalues(op.Assemble(FokkerPlanckOperator.Form.SymmetricPositive));
        double hx = lx / nx, hy = ly / ny;
        var exact = new List<double>();
        for (int m = 0; m < nx; m++)
            for (int n = 0; n < ny; n++)
                exact.Add(t * (4 / (hx * hx) * Math.Pow(Math.Sin(Math.PI * m / (2.0 * nx)), 2) + 4 / (hy * hy) * Math.Pow(Math.Sin(Math.PI * n / (2.0 * ny)), 2)));
        exact.Sort();
        double scale = exact[^1];
        for (int k = 0; k < exact.Count; k++) Assert.True(Math.Abs(got[k] - exact[k]) < SpectrumTolerance * scale, $"k={k}: {got[k]} vs {exact[k]}");
    }

    [Fact]
    public void FreeDiffusion1D_MatchesExactDiscreteNeumannSpectrum()
    {
        const int n = 40; const double t = 0.25, len = 5.0;
        var op = Build(TensorGrid.OneDimensional(Axis.Uniform(-2.5, 2.5, n)), TestLandscapes.Flat1D(), t, "sg");
        var got = DenseSpectrum.SymmetricEigenvalues(op.Assemble(FokkerPlanckOperator.Form.SymmetricPositive));
        double h = len / n;
        for (int k = 0; k < n; k++)
        {
            double exact = t * 4 / (h * h) * Math.Pow(Math.Sin(Math.PI * k / (2.0 * n)), 2);
            Assert.True(Math.Abs(got[k] - exact) < SpectrumTolerance * 4 * t / (h * h));
        }
    }

    [Fact]
    public void CellsPerEquilibriumWidth_HarmonicWell_IsSigmaOverH_AndIgnoresEmptyTails()
    {
        // U = (kx x² + ky y²)/2: σ = √(T/k) everywhere, so a uniform grid gives exactly σ/h
        const double kx = 40, ky = 4, t = 0.5;
        var uniform = new TensorGrid(Axis.Uniform(-1, 1, 50), Axis.Uniform(-3, 3, 60));
        var op = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(uniform, TestLandscapes.Harmonic(kx, ky)), t);
        var (cx, cy) = OperatorDiagnostics.CellsPerEquilibriumWidth(op);
        Assert.Equal(Math.Sqrt(t / kx) / (2.0 / 50), cx, 10);
        Assert.Equal(Math.Sqrt(t / ky) / (6.0 / 60), cy, 10);
        // clustered on the well: fine where the mass is, coarse in the tails; the measure follows the
        // mass (near the fine centre spacing), not the widest occupied tail cell
        var clustered = new TensorGrid(Axis.Clustered(-1, 1, 50, 0.0, 3.0), Axis.Uniform(-3, 3, 60));
        var opc = FokkerPlanckOperator.Create(DiscreteLandscape.Sample(clustered, TestLandscapes.Harmonic(kx, ky)), t);
        var (ccx, _) = OperatorDiagnostics.CellsPerEquilibriumWidth(opc);
        double sigma = Math.Sqrt(t / kx);
        Assert.True(ccx > cx, $"clustered {ccx} vs uniform {cx}");
        Assert.True(ccx < sigma / clustered.X.MinWidth, $"{ccx} must lie below the finest-cell value {sigma / clustered.X.MinWidth}");
    }
}
