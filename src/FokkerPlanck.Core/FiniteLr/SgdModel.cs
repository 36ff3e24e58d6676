using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>The SGD map of one landscape at temperature κη: its matrices, grids and cell functions.</summary>
/// <param name="Landscape">The loss.</param>
/// <param name="Box">A grid of the scenario (its walls and dimension).</param>
/// <param name="Kappa">κ: T = κη.</param>
/// <param name="CellsPerNoise">Cells per noise width of every grid.</param>
/// <param name="MaxCell">The largest cell.</param>
public sealed record SgdModel(ILandscape Landscape, TensorGrid Box, double Kappa, double CellsPerNoise, double MaxCell)
{
    /// <summary>The noise width √(2κ)·η of one step at <paramref name="lr"/>.</summary>
    public double NoiseAt(double lr) => Math.Sqrt(2 * Kappa * lr * lr);

    /// <summary>The grid for <paramref name="lr"/> (<see cref="SgdGrid.For"/>).</summary>
    public TensorGrid GridAt(double lr) => SgdGrid.For(Box, NoiseAt(lr), CellsPerNoise, MaxCell);

    /// <summary>P at <paramref name="lr"/> on <paramref name="grid"/>.</summary>
    public SgdTransitionOperator OperatorAt(double lr, TensorGrid grid) => SgdTransitionOperator.Create(grid, Landscape, lr, Kappa * lr);

    /// <summary>The loss at the cell centres.</summary>
    public double[] Loss(TensorGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var loss = new double[grid.CellCount];
        for (int k = 0; k < loss.Length; k++) loss[k] = Landscape.Potential(X(grid, k), grid.Y.Centres[k / grid.Nx]);
        return loss;
    }

    /// <summary>The continuous model's equilibrium <c>∝ e^{−L/T}</c> as cell masses (the start of the stationary iteration).</summary>
    public double[] GibbsMasses(TensorGrid grid, double lr)
    {
        var log = Loss(grid);
        double t = Kappa * lr;
        for (int k = 0; k < log.Length; k++) log[k] = -log[k] / t + Math.Log(grid.Volume(k));
        double z = LogMath.LogSumExp(log);
        for (int k = 0; k < log.Length; k++) log[k] = Math.Exp(log[k] - z);
        return log;
    }

    private static double X(TensorGrid grid, int k) => grid.IsOneDimensional ? 0 : grid.X.Centres[k % grid.Nx];
}
