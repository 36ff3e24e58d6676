using System.Diagnostics;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.TimeStepping;

namespace FokkerPlanck.Core.Analysis.DynamicMpemba;

/// <summary>
/// The slow-mode amplitudes at the end of a decay, <c>a_k(η_h) = ⟨v_k(η_c), p(t_settle)⟩</c>, k = 2 … K,
/// as functions of the plateau η_h for one schedule shape: measured by a time-stepper run from
/// <c>π(η_h)</c> to the schedule's settle time (<see cref="Measured"/>), or predicted by the adiabatic
/// expansion (<see cref="Adiabatic"/>, docs/physics.md §6). Once η has settled at η_c each amplitude decays
/// as <c>e^{−λ_k (t − t_settle)}</c>, so <c>a_k(t_settle)</c> is what the rest of the run carries.
/// </summary>
/// <remarks>
/// Every run reuses the integrator's symbolic analysis and factor storage; only its steps are paid.
/// Measured amplitudes are cached by plateau LR, so the root finder's repeated points cost nothing.
/// <c>⟨v_k, π(η_c)⟩ = 0</c> for k ≥ 2 (biorthogonality), so <c>a_k</c> is also the amplitude of the
/// distance to the final equilibrium.
/// </remarks>
public sealed class SettledAmplitudes
{
    private readonly EvolutionSession _session;
    private readonly IScheduleShape _shape;
    private readonly TimeIntegrator _integrator;
    private readonly double[][] _left;
    private readonly double[] _loss;
    private readonly Dictionary<double, double[]> _measured = [];
    private readonly Stopwatch _clock = new();

    /// <summary>Creates the amplitudes of <paramref name="shape"/> bound from any plateau to the session's final LR.</summary>
    /// <param name="session">The session (eigenpairs at η_c, equilibria, instantaneous rates).</param>
    /// <param name="shape">A shape that settles at a finite time (not a power law or 1/t).</param>
    /// <param name="integrator">The integrator of the runs (default: the session's).</param>
    /// <exception cref="ArgumentException">The shape never settles at η_c, or fixes its own learning rates.</exception>
    public SettledAmplitudes(EvolutionSession session, IScheduleShape shape, TimeIntegrator? integrator = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.FixedLearningRates is not null)
            throw new ArgumentException($"the schedule \"{shape.Spec}\" fixes its own learning rates; the plateau search needs a shape that binds to any plateau.", nameof(shape));
        double probe = shape.Bind(2 * session.Scenario.FinalLr, session.Scenario.FinalLr).SettleTime;
        if (!double.IsFinite(probe))
            throw new ArgumentException($"the schedule \"{shape.Spec}\" only approaches the final LR and never settles; the slow-mode amplitude at the end of the decay needs a decay of finite duration (linear, cosine, exp, step, wsd).", nameof(shape));
        _session = session;
        _shape = shape;
        _integrator = integrator ?? session.Integrator;
        _left = session.Spectrum.LeftVectors[1..];
        _loss = session.Setup.Sampled.CentreValues.ToArray();
    }

    /// <summary>The shape.</summary>
    public IScheduleShape Shape => _shape;

    /// <summary>Time-stepper runs done so far (cached plateaus and settle time 0 cost none).</summary>
    public int Runs { get; private set; }

    /// <summary>The plateau LRs measured so far (cached).</summary>
    public IEnumerable<double> MeasuredPlateaus => _measured.Keys;

    /// <summary>Wall-clock seconds spent in runs and predictions.</summary>
    public double Seconds => _clock.Elapsed.TotalSeconds;

    /// <summary>The schedule from <paramref name="plateauLr"/> to the final LR.</summary>
    public ILearningRateSchedule Bind(double plateauLr) => _shape.Bind(plateauLr, _session.Scenario.FinalLr);

    /// <summary>
    /// <c>a_k(t_settle)</c>, k = 2 … K (index 0 is a₂), from a time-stepper run from <c>π(η_h)</c> to the
    /// settle time (none when the shape is an instant drop: then it is <c>⟨v_k, π(η_h)⟩</c>).
    /// </summary>
    /// <exception cref="ConvergenceException">The run stopped short of the settle time.</exception>
    public double[] Measured(double plateauLr, CancellationToken cancellation = default)
    {
        if (_measured.TryGetValue(plateauLr, out var cached)) return cached;
        cancellation.ThrowIfCancellationRequested();
        _clock.Start();
        try
        {
            var schedule = Bind(plateauLr);
            var masses = _session.Equilibrium(plateauLr);
            double settle = schedule.SettleTime;
            if (settle > 0)
            {
                var stats = _integrator.Run(schedule, _session.Scenario.Kappa, masses, settle, [settle], [], cancellation: cancellation);
                Runs++;
                if (stats.Status != IntegrationStatus.Completed)
                    throw new ConvergenceException($"the run from η_h = {plateauLr:G6} under {schedule.Spec} ended with status {stats.Status} at t = {stats.FinalTime:G4} of {settle:G4} (loosen the integrator tolerances).");
                _integrator.FinalMasses.CopyTo(masses);
            }
            var a = Project(masses);
            _measured[plateauLr] = a;
            return a;
        }
        finally { _clock.Stop(); }
    }

    /// <summary>
    /// <c>a_k(t_settle)</c> predicted by the adiabatic expansion (<see cref="SpectralPrediction"/>: the final-LR
    /// modes relaxing at the instantaneous rates toward the instantaneous equilibrium), without a run.
    /// </summary>
    public double[] Adiabatic(double plateauLr)
    {
        _clock.Start();
        try
        {
            var schedule = Bind(plateauLr);
            var series = SpectralPrediction.Predict(_session.Spectrum, _session.States, schedule, _session.Equilibrium(plateauLr), _loss,
                [schedule.SettleTime], _session.Rates.At);
            return series.Amplitudes[0];
        }
        finally { _clock.Stop(); }
    }

    /// <summary>The measured plateaus nearest <paramref name="lr"/> on each side at least <paramref name="separation"/> (relative) away, for secant slopes.</summary>
    internal (double Lr, double[] A)? NearestMeasured(double lr, double separation, bool above)
    {
        var candidates = _measured.Where(kv => above ? kv.Key >= lr * (1 + separation) : kv.Key <= lr * (1 - separation)).ToList();
        if (candidates.Count == 0) return null;
        var best = candidates.MinBy(kv => Math.Abs(kv.Key - lr));
        return (best.Key, best.Value);
    }

    private double[] Project(double[] masses)
    {
        var a = new double[_left.Length];
        for (int k = 0; k < a.Length; k++)
        {
            var v = _left[k];
            double s = 0;
            for (int i = 0; i < masses.Length; i++) s += v[i] * masses[i];
            a[k] = s;
        }
        return a;
    }
}
