namespace FokkerPlanck.Core.LinearAlgebra;

/// <summary>
/// A ready-to-use solver for <c>M x = b</c> with a fixed square matrix <c>M</c> (typically a
/// factorization computed once and reused for many right-hand sides).
/// </summary>
public interface ILinearSolver
{
    /// <summary>Dimension of the system.</summary>
    int Size { get; }

    /// <summary>Solves <c>M x = b</c> for one right-hand side.</summary>
    /// <param name="b">Right-hand side, length <see cref="Size"/>.</param>
    /// <param name="x">Solution, length <see cref="Size"/>; may not overlap <paramref name="b"/>.</param>
    void Solve(ReadOnlySpan<double> b, Span<double> x);

    /// <summary>
    /// Solves <c>M X = B</c> for <paramref name="count"/> right-hand sides stored one after another
    /// (column-major, leading dimension <see cref="Size"/>). Implementations that stream the factor
    /// once for all columns make block Krylov methods memory-bandwidth efficient.
    /// </summary>
    /// <param name="b">Right-hand sides, length <c>Size * count</c>.</param>
    /// <param name="x">Solutions, length <c>Size * count</c>.</param>
    /// <param name="count">Number of right-hand sides.</param>
    void Solve(ReadOnlySpan<double> b, Span<double> x, int count);
}
