using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Analysis.Mpemba;

/// <summary>Plateau states that are the discrete equilibria <c>π_{T_h} ∝ e^{−U/T_h}|V|</c> of the same landscape.</summary>
public sealed class EquilibriumStateFamily : IPlateauStateFamily
{
    private readonly double[] _u;
    private readonly double[] _logVolume;
    private readonly double _kappa;

    /// <summary>Creates the family for a sampled landscape and T = κη.</summary>
    public EquilibriumStateFamily(DiscreteLandscape landscape, double kappa)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        _u = landscape.CentreValues.ToArray();
        _logVolume = landscape.Grid.Volumes().Select(v => Math.Log(v)).ToArray();
        _kappa = kappa;
    }

    /// <inheritdoc/>
    public void LogMasses(double lr, Span<double> destination)
    {
        Exponents(lr, destination);
        double z = LogMath.LogSumExp(destination);
        for (int i = 0; i < _u.Length; i++) destination[i] -= z;
    }

    /// <inheritdoc/>
    /// <remarks>One exponential per cell (the log-sum-exp's own, <c>e^{x_i − max}</c>, divided by their sum) instead of two.</remarks>
    public void Masses(double lr, Span<double> scratch, Span<double> destination)
    {
        Exponents(lr, scratch);
        double max = double.NegativeInfinity;
        foreach (double x in scratch[.._u.Length]) max = Math.Max(max, x);
        double sum = 0.0;
        for (int i = 0; i < _u.Length; i++) { destination[i] = Math.Exp(scratch[i] - max); sum += destination[i]; }
        VectorOps.Scale(destination, 1.0 / sum);
    }

    /// <summary><c>ln(e^{−U_i/T} |V_i|)</c>, T = κη: the unnormalized log masses.</summary>
    private void Exponents(double lr, Span<double> destination)
    {
        double t = _kappa * lr;
        for (int i = 0; i < _u.Length; i++) destination[i] = -_u[i] / t + _logVolume[i];
    }
}
