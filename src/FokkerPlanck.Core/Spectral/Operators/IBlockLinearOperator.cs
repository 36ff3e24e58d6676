using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Spectral.Operators;

/// <summary>
/// A linear operator that can be applied to several vectors in one call, so that an
/// implementation streaming a sparse factor once for all of them (memory-bound triangular solves)
/// pays the bandwidth once. Used by the block Lanczos method.
/// </summary>
public interface IBlockLinearOperator : ILinearOperator
{
    /// <summary>
    /// Computes <c>Y = A X</c> for <paramref name="count"/> vectors stored one after another
    /// (column-major, leading dimension <see cref="ILinearOperator.Size"/>).
    /// </summary>
    /// <param name="x">Input block, length <c>Size * count</c>.</param>
    /// <param name="y">Output block, length <c>Size * count</c>; overwritten; must not overlap <paramref name="x"/>.</param>
    /// <param name="count">Number of vectors.</param>
    void Apply(ReadOnlySpan<double> x, Span<double> y, int count);
}
