using System.Numerics;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Spectral.Arnoldi;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>One mode of the SGD map: <c>P u = μ u</c>, <c>vᵀP = μ vᵀ</c>, <c>vᵀu = 1</c>.</summary>
/// <param name="Multiplier">μ, the factor per step (complex for an oscillating mode).</param>
/// <param name="Right">u: cell masses (the first mode: the stationary state, summing to 1).</param>
/// <param name="Left">v: a function on the cells (the first mode: 1 everywhere), scaled so that <c>Σ v u = 1</c>.</param>
/// <param name="Residual">True residual <c>‖P u − μu‖/‖u‖</c>.</param>
/// <param name="LeftResidual">True residual <c>‖Pᵀv − μv‖/‖v‖</c>.</param>
public sealed record SgdMode(Complex Multiplier, EigenVector Right, EigenVector Left, double Residual, double LeftResidual)
{
    /// <summary>True when μ is real.</summary>
    public bool IsReal => Right.IsReal;
}

/// <summary>The slowest modes of the SGD map at one learning rate (<see cref="SgdSpectrumSolver"/>).</summary>
public sealed class SgdSpectrum
{
    internal SgdSpectrum(SgdTransitionOperator op, IReadOnlyList<SgdMode> modes, EigenStatus status, long applications, string messages)
    {
        Operator = op;
        Modes = modes;
        Status = status;
        OperatorApplications = applications;
        Messages = messages;
    }

    /// <summary>The transition matrix.</summary>
    public SgdTransitionOperator Operator { get; }

    /// <summary>The modes, slowest first (the stationary one first).</summary>
    public IReadOnlyList<SgdMode> Modes { get; }

    /// <summary>Converged, or why not.</summary>
    public EigenStatus Status { get; }

    /// <summary>Products with P and Pᵀ taken.</summary>
    public long OperatorApplications { get; }

    /// <summary>What went wrong, when something did.</summary>
    public string Messages { get; }

    /// <summary>The learning rate η.</summary>
    public double Lr => Operator.Lr;

    /// <summary>The stationary state (cell masses summing to 1).</summary>
    public double[] Stationary => Modes[0].Right.Re;

    /// <summary>The rate of mode k per unit time, <c>λ = −ln|μ|/η</c> (time = steps × η).</summary>
    public double Rate(int k) => -Math.Log(Modes[k].Multiplier.Magnitude) / Lr;

    /// <summary>The angular frequency of mode k per unit time, <c>arg μ / η</c> (0 for a real positive μ).</summary>
    public double Frequency(int k) => Modes[k].Multiplier.Phase / Lr;

    /// <summary><c>⟨v_k, p⟩</c> for a real mode.</summary>
    public double Overlap(int k, ReadOnlySpan<double> masses)
    {
        if (!Modes[k].IsReal) throw new InvalidOperationException($"Mode {k + 1} of the SGD map is complex (μ = {Modes[k].Multiplier}); its amplitude is complex.");
        return VectorOps.Dot(Modes[k].Left.Re, masses);
    }

    /// <summary>The largest true residual, right and left.</summary>
    public double MaxResidual => Modes.Max(m => Math.Max(m.Residual, m.LeftResidual));
}
