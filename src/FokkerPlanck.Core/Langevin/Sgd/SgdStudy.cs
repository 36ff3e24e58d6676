using FokkerPlanck.Core.Analysis.Evolution;

namespace FokkerPlanck.Core.Langevin.Sgd;

/// <summary>What <c>sgd</c> has measured so far (filled stage by stage, written after each).</summary>
public sealed class SgdStudy(EvolutionSession session, double curvature)
{
    /// <summary>The session (scenario, spectrum, FP reference).</summary>
    public EvolutionSession Session { get; } = session;

    /// <summary>a_max of the landscape.</summary>
    public double MaxCurvature { get; } = curvature;

    /// <summary>The departure ladder (null until run or when skipped).</summary>
    public IReadOnlyList<DeparturePoint>? Departure { get; set; }

    /// <summary>SGD's own strong Mpemba point.</summary>
    public SgdMpembaResult? Mpemba { get; set; }

    /// <summary>The SGD transition operator's value of the Mpemba study's observable at the same plateaus.</summary>
    public IReadOnlyList<SgdReplayPoint>? Operator { get; set; }

    /// <summary>The continuous control (Leimkuhler–Matthews).</summary>
    public SgdMpembaResult? Control { get; set; }
}
