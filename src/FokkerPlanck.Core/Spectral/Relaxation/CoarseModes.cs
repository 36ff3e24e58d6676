namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>The slow modes of a coarse level carried to the fine grid (<see cref="CoarseGridStart"/>).</summary>
/// <param name="Vectors">Symmetric modes on the fine grid, one per non-stationary coarse mode (start vectors of the fine Lanczos run).</param>
/// <param name="Rates">
/// The coarse eigenvalues of those modes, ascending: estimates of the fine rates to the discretization
/// difference between the two grids (0.07–0.5 % for the benchmark valley at 128² against 512²), used
/// to place the fine shift (<see cref="InteriorShift"/>).
/// </param>
public sealed record CoarseModes(double[][] Vectors, double[] Rates);
