namespace FokkerPlanck.Core.LinearAlgebra;

/// <summary>
/// A square real linear operator <c>y = A x</c>: the only thing eigensolvers and time steppers see.
/// </summary>
/// <remarks>
/// Storage (<see cref="CsrMatrix"/>), factorizations and spectral transformations (shift-invert)
/// all implement this interface, so the same Krylov code runs on any of them (the Spectra design:
/// the solver is parameterised by an operator, never by a matrix).
/// </remarks>
public interface ILinearOperator
{
    /// <summary>Number of rows (= columns) of the operator.</summary>
    int Size { get; }

    /// <summary>Computes <c>y = A x</c>. <paramref name="x"/> and <paramref name="y"/> must not overlap.</summary>
    /// <param name="x">Input vector of length <see cref="Size"/>.</param>
    /// <param name="y">Output vector of length <see cref="Size"/>; overwritten.</param>
    void Apply(ReadOnlySpan<double> x, Span<double> y);
}
