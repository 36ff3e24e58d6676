using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Discretization;

/// <summary>
/// The finite-volume Fokker–Planck generator <c>∂_t p = ∇·(p∇U) + T∇²p</c> with zero-flux walls at
/// one temperature, in its three faces: forward (on cell masses), backward (on observables) and
/// symmetrized.
/// </summary>
/// <remarks>
/// <para>State: cell masses <c>m_k = ∫_{V_k} p</c>. With the face rates
/// <c>k_{k→l} = e^{ℓ_f + (U_k − U_l)/(2T)}/|V_k|</c> (<see cref="IFaceFlux"/>):</para>
/// <list type="bullet">
/// <item>forward <c>L</c>: <c>L_{lk} = k_{k→l}</c>, <c>L_{kk} = −Σ_l k_{k→l}</c>; columns sum to zero
/// (mass is conserved);</item>
/// <item>backward <c>Lᵀ</c>: <c>(Lᵀ f)_k = Σ_l k_{k→l}(f_l − f_k)</c>, the generator of observables
/// (left eigenvectors), with well-scaled entries at any temperature;</item>
/// <item>symmetrized <c>A = −Π^{−1/2} L Π^{1/2}</c>: <c>A_{kl} = −e^{ℓ_f}/√(|V_k||V_l|)</c>,
/// <c>A_{kk} = Σ_l k_{k→l}</c>; symmetric positive semi-definite, eigenvalues = relaxation rates.</item>
/// </list>
/// <para>Detailed balance holds exactly with <c>π_k ∝ e^{−U_k/T}|V_k|</c>, kept as <c>ln π_k</c>
/// (<see cref="LogEquilibrium"/>) so nothing over- or underflows.</para>
/// </remarks>
public sealed class FokkerPlanckOperator
{
    private readonly double[] _logX; // log-conductance of x-faces, index i + (Nx−1) j
    private readonly double[] _logY; // log-conductance of y-faces, index i + Nx j
    private readonly double[] _logPi;
    private readonly double[] _volumes;

    private FokkerPlanckOperator(DiscreteLandscape landscape, double temperature, IFaceFlux flux, double[] logX, double[] logY, double[] logPi, double[] volumes)
    {
        Landscape = landscape; Temperature = temperature; Flux = flux;
        _logX = logX; _logY = logY; _logPi = logPi; _volumes = volumes;
    }

    /// <summary>The sampled landscape (and grid).</summary>
    public DiscreteLandscape Landscape { get; }

    /// <summary>The grid.</summary>
    public TensorGrid Grid => Landscape.Grid;

    /// <summary>Temperature T = κη.</summary>
    public double Temperature { get; }

    /// <summary>The face flux.</summary>
    public IFaceFlux Flux { get; }

    /// <summary>Number of unknowns.</summary>
    public int Size => _logPi.Length;

    /// <summary>Normalized log equilibrium masses <c>ln π_k</c> (<c>Σ π_k = 1</c>).</summary>
    public ReadOnlySpan<double> LogEquilibrium => _logPi;

    /// <summary>Cell volumes.</summary>
    public ReadOnlySpan<double> Volumes => _volumes;

    /// <summary>Builds the operator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">T is not positive and finite.</exception>
    public static FokkerPlanckOperator Create(DiscreteLandscape landscape, double temperature, IFaceFlux? flux = null)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature (κ × learning rate) must be positive and finite.");
        flux ??= new ScharfetterGummelFlux();
        var g = landscape.Grid;
        var u = landscape.Arrays.Centre;
        var logX = new double[Math.Max(g.Nx - 1, 0) * g.Ny]; var logY = new double[g.Nx * Math.Max(g.Ny - 1, 0)];
        FaceRateAssembly.LogConductances(landscape, flux, temperature, logX, logY);
        int nx = g.Nx, ny = g.Ny;
        double t = temperature;
        var wx = g.X.Widths.ToArray(); var wy = g.Y.Widths.ToArray();
        var vol = new double[u.Length];
        var logPi = new double[u.Length];
        var logWx = wx.Select(w => Math.Log(w)).ToArray();
        var logWy = wy.Select(w => Math.Log(w)).ToArray();
        Parallel.For(0, ny, Parallelism.Options, j =>
        {
            for (int i = 0, k = nx * j; i < nx; i++, k++)
            {
                vol[k] = wx[i] * wy[j];
                logPi[k] = -u[k] / t + (logWx[i] + logWy[j]);
            }
        });
        double logZ = LogMath.LogSumExpParallel(logPi);
        Parallel.For(0, ny, Parallelism.Options, j =>
        {
            for (int k = nx * j, end = k + nx; k < end; k++) logPi[k] -= logZ;
        });
        return new FokkerPlanckOperator(landscape, temperature, flux, logX, logY, logPi, vol);
    }

    /// <summary>The same landscape and flux at another temperature (reuses the sampling).</summary>
    public FokkerPlanckOperator WithTemperature(double temperature) => Create(Landscape, temperature, Flux);

    /// <summary>Kinds of matrix this operator can assemble.</summary>
    public enum Form
    {
        /// <summary>Forward generator L on masses (columns sum to zero).</summary>
        Forward,
        /// <summary>Backward generator Lᵀ on observables (rows sum to zero).</summary>
        Backward,
        /// <summary>Symmetrized, negated generator A = −Π^{−1/2} L Π^{1/2} (symmetric PSD).</summary>
        SymmetricPositive,
    }

    /// <summary>
    /// The 5-point pattern every operator on <paramref name="grid"/> assembles to (all values zero):
    /// what the ordering and symbolic analysis need, available before the landscape is sampled.
    /// </summary>
    public static CsrMatrix PatternFor(TensorGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return PatternFor(grid.Nx, grid.Ny);
    }

    /// <summary>The 5-point pattern of an <paramref name="nx"/> × <paramref name="ny"/> grid (values zero), as <see cref="PatternFor(TensorGrid)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive, or the grid has more than 2³¹ − 1 cells.</exception>
    public static CsrMatrix PatternFor(int nx, int ny)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ny);
        if ((long)nx * ny > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(nx), $"Grid {nx}×{ny} is too large.");
        var rp = FaceRateAssembly.PatternRowPointers(nx, ny);
        var ci = new int[rp[^1]];
        Parallel.For(0, ny, Parallelism.Options, j =>
        {
            for (int i = 0; i < nx; i++)
            {
                int k = i + nx * j, p = rp[k];
                if (j > 0) ci[p++] = k - nx;
                if (i > 0) ci[p++] = k - 1;
                ci[p++] = k;
                if (i + 1 < nx) ci[p++] = k + 1;
                if (j + 1 < ny) ci[p] = k + nx;
            }
        });
        // structurally symmetric, and all values are zero: symmetric by construction
        return CsrMatrix.FromSymmetricArrays(nx * ny, rp, ci, new double[ci.Length]);
    }

    /// <summary>Assembles the operator in the requested <paramref name="form"/> as a CSR matrix (5-point pattern).</summary>
    public CsrMatrix Assemble(Form form) => AssembleForms([form])[0];

    /// <summary>
    /// The symmetrized matrix and the backward generator together: what the spectrum solver needs
    /// (the first for the eigenpairs, the second for the left eigenvectors). They share the pattern
    /// arrays and every face rate, so this costs little more than one of them.
    /// </summary>
    public (CsrMatrix Symmetric, CsrMatrix Backward) AssembleSymmetricAndBackward()
    {
        var m = AssembleForms([Form.SymmetricPositive, Form.Backward]);
        return (m[0], m[1]);
    }

    /// <summary>
    /// Assembles several forms on one pattern (the returned matrices share their row-pointer and
    /// column arrays, which a <see cref="CsrMatrix"/> never modifies).
    /// </summary>
    /// <remarks>
    /// Each face's two rates <c>k_{k→l}</c>, <c>k_{l→k}</c> (and its symmetrized entry) are computed
    /// once, in row blocks of about <see cref="FaceRateAssembly.ChunkCells"/> cells that stay in cache, and then
    /// gathered into the rows of both cells: 3 exponentials per face for the symmetric and backward
    /// forms together instead of 6 when every row evaluated its own faces (the y-faces on a block's
    /// lower edge are evaluated by both blocks that touch them). Every form is gathered from the same
    /// face values, so the entries are the same to the last bit whichever forms are built.
    /// </remarks>
    private CsrMatrix[] AssembleForms(Form[] forms)
    {
        var g = Grid; int n = Size;
        var rp = FaceRateAssembly.PatternRowPointers(g.Nx, g.Ny);
        var ci = new int[rp[n]];
        var values = new double[forms.Length][];
        for (int f = 0; f < forms.Length; f++) values[f] = GC.AllocateUninitializedArray<double>(rp[n]);
        FaceRateAssembly.Fill(new FaceRateAssembly.Input(g, Landscape.Arrays.Centre, _volumes, _logX, _logY, Temperature), forms, rp, ci, writeColumns: true, values, buffers: null);
        // columns are strictly increasing by construction: k − nx, k − 1, k, k + 1, k + nx
        // the symmetrized form writes both entries of each pair from the face's one value
        return [.. forms.Select((form, f) => form == Form.SymmetricPositive
            ? CsrMatrix.FromSymmetricArrays(n, rp, ci, values[f])
            : CsrMatrix.FromValidArrays(n, n, rp, ci, values[f]))];
    }

    /// <summary>The stationary eigenvector of the symmetrized operator, <c>√π</c> (unit 2-norm).</summary>
    public double[] StationarySymmetricMode()
    {
        // Σ π = 1 analytically; the computed norm is used so that ‖q‖ = 1 to rounding
        int n = Size, chunks = (n + ModeChunk - 1) / ModeChunk;
        var q = new double[n];
        var partial = new double[chunks];
        var logPi = _logPi;
        Parallel.For(0, chunks, Parallelism.Options, c =>
        {
            double s = 0.0;
            for (int k = c * ModeChunk, end = Math.Min(n, k + ModeChunk); k < end; k++) { q[k] = Math.Exp(0.5 * logPi[k]); s += q[k] * q[k]; }
            partial[c] = s;
        });
        double norm = Math.Sqrt(partial.Sum());
        Parallel.For(0, chunks, Parallelism.Options, c =>
        {
            for (int k = c * ModeChunk, end = Math.Min(n, k + ModeChunk); k < end; k++) q[k] /= norm;
        });
        return q;
    }

    /// <summary>Cells per work item of <see cref="StationarySymmetricMode"/> (partial sums added in chunk order).</summary>
    private const int ModeChunk = 1 << 15;
}
