using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Spectral.Operators;

/// <summary>
/// The spectral transformation y = (A − σI)⁻¹ x, given a solver of A − σI. Shift-invert is just
/// another operator (Spectra <c>SparseSymShiftSolve</c>): the Lanczos code never knows about σ
/// except when it maps Ritz values back.
/// </summary>
/// <remarks>
/// An eigenpair A u = λ u becomes (A − σI)⁻¹ u = ν u with ν = 1/(λ − σ), so the eigenvalues
/// nearest σ become the largest in magnitude and converge first (Ericsson &amp; Ruhe, Math. Comp.
/// 35 (1980) 1251; Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., §10.1.7).
/// </remarks>
public sealed class ShiftInvertOperator : IBlockLinearOperator
{
    private readonly ILinearSolver _solver;

    /// <summary>Wraps a solver of (A − σI).</summary>
    /// <param name="solver">Solver of A − σI (e.g. an LDLᵀ factorization computed at <paramref name="shift"/>).</param>
    /// <param name="shift">The shift σ the solver was built for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="solver"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="shift"/> is not finite.</exception>
    public ShiftInvertOperator(ILinearSolver solver, double shift)
    {
        ArgumentNullException.ThrowIfNull(solver);
        if (!double.IsFinite(shift)) throw new ArgumentException($"The shift must be finite, got {shift}.", nameof(shift));
        _solver = solver;
        Shift = shift;
    }

    /// <summary>The shift σ.</summary>
    public double Shift { get; }

    /// <inheritdoc/>
    public int Size => _solver.Size;

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> x, Span<double> y) => _solver.Solve(x, y);

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<double> x, Span<double> y, int count) => _solver.Solve(x, y, count);

    /// <summary>Maps an eigenvalue ν of the operator back to the eigenvalue λ = σ + 1/ν of A.</summary>
    /// <param name="nu">Eigenvalue of (A − σI)⁻¹ (non-zero).</param>
    public double ToEigenvalue(double nu) => Shift + 1.0 / nu;

    /// <summary>Maps an eigenvalue λ of A to the eigenvalue ν = 1/(λ − σ) of the operator.</summary>
    /// <param name="lambda">Eigenvalue of A (not equal to σ).</param>
    public double FromEigenvalue(double lambda) => 1.0 / (lambda - Shift);
}
