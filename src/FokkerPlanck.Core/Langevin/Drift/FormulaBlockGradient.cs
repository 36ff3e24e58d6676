using FokkerPlanck.Core.Expressions.Blocks;

namespace FokkerPlanck.Core.Langevin.Drift;

/// <summary>
/// A block gradient made of two <see cref="BlockProgram"/>s: one whose outputs are
/// <c>(∂L/∂x, ∂L/∂y)</c> over (x, y), or <c>∂L/∂y</c> over y for one-dimensional landscapes, and one
/// for L itself. The programs are immutable and need no scratch space, so one instance serves every
/// thread as its own evaluator.
/// </summary>
internal sealed class FormulaBlockGradient : IBlockGradient, IGradientEvaluator
{
    private readonly BlockProgram _gradient;
    private readonly BlockProgram _loss;

    /// <summary>Wraps the programs; one-dimensional when they have the single variable y.</summary>
    public FormulaBlockGradient(BlockProgram gradient, BlockProgram loss)
    {
        _gradient = gradient;
        _loss = loss;
        IsOneDimensional = gradient.VariableCount == 1;
    }

    /// <inheritdoc/>
    public bool IsOneDimensional { get; }

    /// <inheritdoc/>
    public IGradientEvaluator CreateEvaluator() => this;

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy)
    {
        int n = BlockGradient.CheckBlock(IsOneDimensional, x, y, gx.Length, gy.Length);
        if (IsOneDimensional)
        {
            _gradient.Evaluate(y, default, gy[..n]);
            gx[..n].Clear();
        }
        else
        {
            _gradient.Evaluate(x[..n], y, gx[..n], gy[..n]);
        }
    }

    /// <inheritdoc/>
    public void Loss(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> loss)
    {
        int n = BlockGradient.CheckBlock(IsOneDimensional, x, y, loss.Length, loss.Length);
        if (IsOneDimensional)
        {
            _loss.Evaluate(y, default, loss[..n]);
        }
        else
        {
            _loss.Evaluate(x[..n], y, loss[..n]);
        }
    }
}
