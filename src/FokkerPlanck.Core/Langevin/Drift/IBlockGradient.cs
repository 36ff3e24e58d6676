using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Langevin.Drift;

/// <summary>
/// The landscape's gradient and loss evaluated on blocks of particles (structure of arrays). The
/// object is immutable and shared by threads; each thread evaluates through its own
/// <see cref="IGradientEvaluator"/>, which owns the scratch space.
/// </summary>
public interface IBlockGradient
{
    /// <summary>True when the loss depends on y only (particles then move in y alone; x is ignored).</summary>
    bool IsOneDimensional { get; }

    /// <summary>A per-thread evaluator.</summary>
    IGradientEvaluator CreateEvaluator();
}

/// <summary>One thread's evaluator of an <see cref="IBlockGradient"/>; not thread safe.</summary>
public interface IGradientEvaluator
{
    /// <summary>
    /// <c>(∂L/∂x, ∂L/∂y)</c> at the points <c>(x[i], y[i])</c>, <c>i &lt; y.Length ≤ </c><see cref="BlockGradient.MaxBlock"/>.
    /// For one-dimensional landscapes <paramref name="x"/> is not read and <paramref name="gx"/> is set to 0.
    /// </summary>
    void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy);

    /// <summary><c>L(x[i], y[i])</c>, same conventions as <see cref="Gradient"/>.</summary>
    void Loss(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> loss);
}

/// <summary>
/// The reference evaluator: one call of <see cref="ILandscape.Gradient"/> per point (the compiled
/// scalar formulas). Vectorized evaluators are tested against it.
/// </summary>
public sealed class ScalarBlockGradient : IBlockGradient, IGradientEvaluator
{
    private readonly ILandscape _landscape;

    /// <summary>Wraps a landscape.</summary>
    public ScalarBlockGradient(ILandscape landscape) => _landscape = landscape ?? throw new ArgumentNullException(nameof(landscape));

    /// <inheritdoc/>
    public bool IsOneDimensional => _landscape.IsOneDimensional;

    /// <inheritdoc/>
    public IGradientEvaluator CreateEvaluator() => this;

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy)
    {
        bool oneD = _landscape.IsOneDimensional;
        for (int i = 0; i < y.Length; i++)
        {
            var (dx, dy) = _landscape.Gradient(oneD ? 0.0 : x[i], y[i]);
            gx[i] = oneD ? 0.0 : dx;
            gy[i] = dy;
        }
    }

    /// <inheritdoc/>
    public void Loss(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> loss)
    {
        bool oneD = _landscape.IsOneDimensional;
        for (int i = 0; i < y.Length; i++) loss[i] = _landscape.Potential(oneD ? 0.0 : x[i], y[i]);
    }
}
