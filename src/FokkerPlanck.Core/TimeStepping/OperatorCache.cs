using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// The forward generator <c>L_T</c> of a sampled landscape at the few temperatures a time step
/// needs, refilled in place (<see cref="GeneratorFamily.AssembleInto"/>) into a fixed set of
/// matrices: a step allocates nothing.
/// </summary>
/// <remarks>
/// A step evaluates the operator at two or three temperatures (its stages); a constant stretch of
/// the schedule at one. The last <see cref="CachedTemperatures"/> assembled operators are kept, so
/// once the schedule has settled nothing is assembled again.
/// </remarks>
public sealed class OperatorCache
{
    /// <summary>Assembled temperatures kept: TR-BDF2's three stage times (start, γh, end) need at most three.</summary>
    public const int CachedTemperatures = 3;

    private readonly CsrMatrix[] _matrices;
    private readonly double[] _temperatures;
    private readonly long[] _lastUse;
    private long _clock;

    /// <summary>Creates the cache for <paramref name="family"/>.</summary>
    public OperatorCache(GeneratorFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        Family = family;
        _matrices = new CsrMatrix[CachedTemperatures];
        _temperatures = new double[CachedTemperatures];
        _lastUse = new long[CachedTemperatures];
        for (int k = 0; k < CachedTemperatures; k++) { _matrices[k] = family.CreateMatrix(); _temperatures[k] = double.NaN; }
    }

    /// <summary>The generator family (landscape, flux, pattern).</summary>
    public GeneratorFamily Family { get; }

    /// <summary>Number of unknowns.</summary>
    public int Size => Family.Size;

    /// <summary>Operators assembled so far.</summary>
    public int Assemblies { get; private set; }

    /// <summary>Operator–vector products so far.</summary>
    public long Products { get; private set; }

    /// <summary>The forward generator at temperature T (assembled on first use, then cached).</summary>
    public CsrMatrix At(double temperature)
    {
        _clock++;
        int oldest = 0;
        for (int k = 0; k < CachedTemperatures; k++)
        {
            if (_temperatures[k] == temperature) { _lastUse[k] = _clock; return _matrices[k]; }
            if (_lastUse[k] < _lastUse[oldest]) oldest = k;
        }
        Family.AssembleInto(temperature, FokkerPlanckOperator.Form.Forward, _matrices[oldest]);
        _temperatures[oldest] = temperature;
        _lastUse[oldest] = _clock;
        Assemblies++;
        return _matrices[oldest];
    }

    /// <summary><c>y = L_T x</c>.</summary>
    public void Apply(double temperature, ReadOnlySpan<double> x, Span<double> y)
    {
        At(temperature).Multiply(x, y);
        Products++;
    }
}
