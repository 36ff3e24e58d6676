using System.Collections.Concurrent;
using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Discretization;

/// <summary>
/// The Fokker–Planck operator of one sampled landscape at any temperature, assembled in place into a
/// matrix that keeps the grid's 5-point pattern: what a time stepper under a learning-rate schedule
/// needs once per stage (the temperature changes, the grid and the pattern do not).
/// </summary>
/// <remarks>
/// The entries are those of <see cref="FokkerPlanckOperator.Create"/> at the same temperature and
/// flux, to the last bit (the same <see cref="FaceRateAssembly"/> computes both). A refill
/// allocates no array of the grid's size: the log-conductance arrays and the per-worker face-rate
/// buffers are kept, and the target's pattern arrays are not written.
/// </remarks>
public sealed class GeneratorFamily
{
    private readonly double[] _logX;
    private readonly double[] _logY;
    private readonly double[] _volumes;
    private readonly int[] _rowPointers;
    private readonly int[] _columns;
    private readonly ConcurrentBag<FaceRateAssembly.FaceRates> _buffers = [];
    private readonly double[][] _target = new double[1][];
    private static readonly FokkerPlanckOperator.Form[] ForwardOnly = [FokkerPlanckOperator.Form.Forward];
    private static readonly FokkerPlanckOperator.Form[] BackwardOnly = [FokkerPlanckOperator.Form.Backward];
    private static readonly FokkerPlanckOperator.Form[] SymmetricOnly = [FokkerPlanckOperator.Form.SymmetricPositive];
    private readonly double[] _logVolumes;
    private readonly FaceRateAssembly.UnitTemperatureConductances _unitConductances = new();
    private readonly object _gate = new();

    /// <summary>Creates the family of <paramref name="landscape"/> with face flux <paramref name="flux"/> (Scharfetter–Gummel when null).</summary>
    public GeneratorFamily(DiscreteLandscape landscape, IFaceFlux? flux = null)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        Landscape = landscape;
        Flux = flux ?? new ScharfetterGummelFlux();
        var g = landscape.Grid;
        _logX = new double[Math.Max(g.Nx - 1, 0) * g.Ny];
        _logY = new double[g.Nx * Math.Max(g.Ny - 1, 0)];
        _volumes = g.Volumes();
        _logVolumes = [.. _volumes.Select(v => Math.Log(v))];
        var pattern = FokkerPlanckOperator.PatternFor(g);
        _rowPointers = pattern.RowPointerArray;
        _columns = pattern.ColumnIndexArray;
    }

    /// <summary>The sampled landscape.</summary>
    public DiscreteLandscape Landscape { get; }

    /// <summary>The face flux.</summary>
    public IFaceFlux Flux { get; }

    /// <summary>Number of unknowns.</summary>
    public int Size => _volumes.Length;

    /// <summary>A new matrix with the grid's 5-point pattern (values zero), sharing this family's pattern arrays.</summary>
    public CsrMatrix CreateMatrix() => CsrMatrix.FromValidArrays(Size, Size, _rowPointers, _columns, new double[_columns.Length]);

    /// <summary>
    /// A new matrix with the grid's 5-point pattern for the symmetrized form (values zero), marked
    /// symmetric by construction so that <see cref="LinearAlgebra.Factorization.SparseLdlt"/> skips its
    /// symmetry check; refill it with <see cref="AssembleInto"/> and <see cref="FokkerPlanckOperator.Form.SymmetricPositive"/>.
    /// </summary>
    public CsrMatrix CreateSymmetricMatrix() => CsrMatrix.FromSymmetricArrays(Size, _rowPointers, _columns, new double[_columns.Length]);

    /// <summary>
    /// Writes <c>s_k = √(π_k / max π)</c> at temperature T, the diagonal of the similarity
    /// <c>L = −S A S⁻¹</c> between the forward generator and its symmetrized form
    /// (<c>π_k ∝ e^{−U_k/T}|V_k|</c>, exact detailed balance of every face flux), and returns
    /// <c>½ ln(min π / max π)</c>, the logarithm of the smallest scale (before underflow).
    /// </summary>
    /// <exception cref="ArgumentException">The span's length is not the number of cells.</exception>
    public double EquilibriumScaleInto(double temperature, Span<double> scale)
    {
        if (scale.Length != Size) throw new ArgumentException($"The scale has {scale.Length} entries for {Size} cells.", nameof(scale));
        var u = Landscape.CentreValues;
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        for (int k = 0; k < scale.Length; k++)
        {
            double log = _logVolumes[k] - u[k] / temperature;
            scale[k] = log;
            max = Math.Max(max, log); min = Math.Min(min, log);
        }
        for (int k = 0; k < scale.Length; k++) scale[k] = Math.Exp(0.5 * (scale[k] - max));
        return 0.5 * (min - max);
    }

    /// <summary>The operator at temperature <paramref name="temperature"/> (allocates; for equilibria and eigen-solves outside stepping loops).</summary>
    public FokkerPlanckOperator OperatorAt(double temperature) => FokkerPlanckOperator.Create(Landscape, temperature, Flux);

    /// <summary>
    /// Overwrites the values of <paramref name="target"/> with the operator in <paramref name="form"/>
    /// at <paramref name="temperature"/>.
    /// </summary>
    /// <param name="temperature">T &gt; 0, finite.</param>
    /// <param name="form">Forward, backward or symmetrized generator.</param>
    /// <param name="target">A matrix made by <see cref="CreateMatrix"/> (or any with the grid's pattern arrays) for the
    /// forward and backward forms, by <see cref="CreateSymmetricMatrix"/> for the symmetrized one.</param>
    /// <exception cref="ArgumentOutOfRangeException">T is not positive and finite.</exception>
    /// <exception cref="ArgumentException">The target does not have this grid's pattern, or is not marked symmetric for the symmetrized form (or is for another).</exception>
    public void AssembleInto(double temperature, FokkerPlanckOperator.Form form, CsrMatrix target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature (κ × learning rate) must be positive and finite.");
        bool symmetric = form == FokkerPlanckOperator.Form.SymmetricPositive;
        if (symmetric != target.IsSymmetricByConstruction)
            throw new ArgumentException(symmetric ? "The symmetrized form is refilled into a matrix made by CreateSymmetricMatrix()." : "A symmetric matrix holds the symmetrized form only.", nameof(target));
        if (!ReferenceEquals(target.RowPointerArray, _rowPointers) && !target.RowPointers.SequenceEqual(_rowPointers)
            || !ReferenceEquals(target.ColumnIndexArray, _columns) && !target.ColumnIndices.SequenceEqual(_columns))
            throw new ArgumentException("The target matrix does not have this grid's 5-point pattern; create it with CreateMatrix().", nameof(target));
        lock (_gate)
        {
            FaceRateAssembly.LogConductances(Landscape, Flux, temperature, _logX, _logY, _unitConductances);
            _target[0] = symmetric ? target.SymmetricValueArray : target.ValueArray;
            var forms = form switch
            {
                FokkerPlanckOperator.Form.Forward => ForwardOnly,
                FokkerPlanckOperator.Form.Backward => BackwardOnly,
                _ => SymmetricOnly,
            };
            FaceRateAssembly.Fill(new FaceRateAssembly.Input(Landscape.Grid, Landscape.Arrays.Centre, _volumes, _logX, _logY, temperature),
                forms, _rowPointers, _columns, writeColumns: false, _target, _buffers);
            _target[0] = [];
        }
    }
}
