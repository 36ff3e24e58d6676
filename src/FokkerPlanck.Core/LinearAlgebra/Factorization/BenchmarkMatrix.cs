namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>Test matrices of <see cref="FactorizationBenchmark"/>: 5-point stencils on an nx × ny grid.</summary>
public enum BenchmarkMatrix
{
    /// <summary>Graph Laplacian (zero row sums) plus 10⁻³·I: SPD, condition number ~ 10³·n.</summary>
    ShiftedGraphLaplacian,

    /// <summary>
    /// Symmetrized square-root-approximation Fokker–Planck operator of a tilted double well
    /// (variable diagonal, unit off-diagonals) plus 10⁻³·I: SPD with a near-null ground state.
    /// </summary>
    SymmetrizedFokkerPlanck,
}
