using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Spectral;

/// <summary>
/// A symmetric eigenproblem A u = λ u as the sparse eigensolver sees it: the matrix as an
/// operator (for true residuals), a factory for solvers of A − σI (the spectral transformation),
/// the eigenvectors already known exactly, and an optional eigenvalue counter for the inertia check.
/// </summary>
/// <remarks>
/// For the symmetrized Fokker–Planck generator A = −Π^{-1/2} L Π^{1/2} the known pair is the
/// stationary mode q₁ = √π / ‖√π‖ with λ₁ = 0 (docs/physics.md §3). It is deflated exactly (never
/// iterated for) by <see cref="Operators.DeflatedOperator"/>.
/// </remarks>
public sealed record EigenProblem
{
    /// <summary>The symmetric matrix A (used for true residuals ‖A u − λ u‖ and the norm estimate).</summary>
    public required ILinearOperator Matrix { get; init; }

    /// <summary>
    /// Returns a solver of (A − σI) x = b for the given σ (a sparse LDLᵀ in production). Called once
    /// per solve with <see cref="EigenOptions.Shift"/>.
    /// </summary>
    public required Func<double, ILinearSolver> ShiftedSolverFactory { get; init; }

    /// <summary>
    /// Eigenvectors known exactly (each of length n; they are orthonormalized internally). Empty by default.
    /// </summary>
    public IReadOnlyList<double[]> KnownVectors { get; init; } = [];

    /// <summary>Eigenvalues of <see cref="KnownVectors"/>, same order and count.</summary>
    public IReadOnlyList<double> KnownValues { get; init; } = [];

    /// <summary>
    /// Optional inertia oracle: the number of eigenvalues of A strictly below x (from the inertia of
    /// an LDLᵀ factorization of A − xI, Sylvester's law of inertia). When given, the solver checks
    /// that no eigenvalue in the computed range was missed (<see cref="EigenResult.MissedEigenvalues"/>):
    /// it counts the eigenvalues in [min(σ, λ_min) − δ, max(σ, λ_max) + δ), δ = 10·τ·max(|λ|, ‖A‖),
    /// and compares with the number returned. A cluster split by the <see cref="EigenOptions.Count"/>
    /// boundary closer than δ is reported as missed, which is the intended warning.
    /// </summary>
    public Func<double, int>? EigenvalueCounter { get; init; }

    /// <summary>
    /// Optional estimate of ‖A‖₂ (e.g. a Gershgorin bound). When null the solver estimates it by a
    /// few power iterations on A.
    /// </summary>
    public double? NormEstimate { get; init; }
}
