using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Analysis.Mpemba;

/// <summary>
/// Plateau states of the river-only (1D) reduction: the y-marginal of the 2D equilibrium at
/// <c>T_h</c>, <c>∝ e^{−c(y)/T_h} a(y)^{−1/2}</c> (docs/physics.md §5). Note that this is not the
/// equilibrium of the 1D operator at <c>T_h</c> built on <c>F_{T_c}</c>: the free energy itself
/// depends on temperature.
/// </summary>
public sealed class RiverMarginalStateFamily : IPlateauStateFamily
{
    private readonly double[] _c, _halfLogA, _logVolume;
    private readonly double _kappa;

    /// <summary>Creates the family on a 1D grid along y.</summary>
    public RiverMarginalStateFamily(ValleyRiverLandscape landscape, TensorGrid grid, double kappa)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        ArgumentNullException.ThrowIfNull(grid);
        var y = grid.Y.Centres.ToArray();
        _c = y.Select(landscape.River.Value).ToArray();
        _halfLogA = y.Select(v => 0.5 * Math.Log(landscape.Curvature.Value(v))).ToArray();
        _logVolume = grid.Volumes().Select(v => Math.Log(v)).ToArray();
        _kappa = kappa;
    }

    /// <inheritdoc/>
    public void LogMasses(double lr, Span<double> destination)
    {
        double t = _kappa * lr;
        for (int i = 0; i < _c.Length; i++) destination[i] = -_c[i] / t - _halfLogA[i] + _logVolume[i];
        double z = LogMath.LogSumExp(destination);
        for (int i = 0; i < _c.Length; i++) destination[i] -= z;
    }
}
