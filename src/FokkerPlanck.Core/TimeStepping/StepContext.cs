using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// What a scheme works with during one step: the scheduled operator, the stage solver, the error
/// weights and the state vectors (allocated once per run, so a step allocates nothing).
/// </summary>
public sealed class StepContext
{
    /// <summary>Allocates the vectors for <paramref name="op"/>'s size.</summary>
    public StepContext(OperatorCache op, StageSolver solver)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(solver);
        Operator = op; Solver = solver;
        int n = op.Size;
        _start = new double[n]; _startRate = new double[n]; _end = new double[n]; _endRate = new double[n];
        Stage = new double[n]; StageRate = new double[n]; Rhs = new double[n]; Error = new double[n]; Weights = new double[n];
        Previous = new double[n]; PreviousRate = new double[n];
    }

    /// <summary>The schedule of the current run (set by the integrator).</summary>
    public ILearningRateSchedule? Schedule { get; set; }

    /// <summary>κ in T = κη (set by the integrator).</summary>
    public double Kappa { get; set; } = double.NaN;

    /// <summary>Temperature <c>κη(t)</c> on schedule segment <paramref name="segment"/> (one-sided limits at its ends).</summary>
    public double Temperature(double t, int segment)
        => Kappa * (Schedule ?? throw new InvalidOperationException("No schedule is bound.")).LearningRate(t, segment);

    /// <summary>The forward operator at the stage temperatures.</summary>
    public OperatorCache Operator { get; }

    /// <summary>The stage solver.</summary>
    public StageSolver Solver { get; }

    private double[] _start, _startRate, _end, _endRate;

    /// <summary>Masses at the start of the step, <c>m_n</c> (input).</summary>
    public double[] Start => _start;

    /// <summary><c>f_n = L_{T(t_n)} m_n</c>, on the step's segment (input).</summary>
    public double[] StartRate => _startRate;

    /// <summary>Masses at the end of the step, <c>m_{n+1}</c> (output).</summary>
    public double[] End => _end;

    /// <summary><c>f_{n+1} = L_{T(t_{n+1})} m_{n+1}</c> (output).</summary>
    public double[] EndRate => _endRate;

    /// <summary>Masses at the start of the previous accepted step (valid when <see cref="PreviousStep"/> is finite).</summary>
    public double[] Previous { get; }

    /// <summary>Rate at the start of the previous accepted step.</summary>
    public double[] PreviousRate { get; }

    /// <summary>Length of the previous accepted step on the current segment (NaN at the start of a run or of a segment: no predictor history).</summary>
    public double PreviousStep { get; set; } = double.NaN;

    /// <summary>Makes the end of an accepted step of length <paramref name="h"/> the start of the next, keeping its start as predictor history (swaps the state buffers).</summary>
    public void Advance(double h)
    {
        _start.AsSpan().CopyTo(Previous);
        _startRate.AsSpan().CopyTo(PreviousRate);
        PreviousStep = h;
        (_start, _end) = (_end, _start);
        (_startRate, _endRate) = (_endRate, _startRate);
    }

    /// <summary>Intermediate stage masses (scheme's scratch).</summary>
    public double[] Stage { get; }

    /// <summary>Intermediate stage rate (scheme's scratch).</summary>
    public double[] StageRate { get; }

    /// <summary>Right-hand side scratch.</summary>
    public double[] Rhs { get; }

    /// <summary>Local error estimate of the step (output).</summary>
    public double[] Error { get; }

    /// <summary>Error weights <c>1/(atol + rtol·|m_i|)</c> of this step (set by the integrator).</summary>
    public double[] Weights { get; }
}
