using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Langevin.Drift;

namespace FokkerPlanck.Core.Langevin;

/// <summary>How an ensemble is run.</summary>
public sealed record EnsembleOptions
{
    /// <summary>Default ensemble size: 10⁵ particles resolve a marginal's bins to ~1 % and the excess loss to ~1 % of its spread.</summary>
    public const int DefaultParticles = 100_000;

    /// <summary>
    /// Default SDE time step in units of the stiffest curvature: <c>h·a_max = 0.01</c> keeps Euler–Maruyama's
    /// valley-variance bias <c>ha/2</c> at 0.5 % and Leimkuhler–Matthews' (exact for the harmonic valley,
    /// second order elsewhere) far below the sampling error of 10⁵–10⁶ particles.
    /// </summary>
    public const double DefaultStiffnessProduct = 0.01;

    /// <summary>The scheme.</summary>
    public LangevinMethod Method { get; init; } = LangevinMethod.LeimkuhlerMatthews;

    /// <summary>Number of particles.</summary>
    public int Particles { get; init; } = DefaultParticles;

    /// <summary>Seed of the counter-based generator: the same seed gives the same bits whatever the thread count.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>SDE time step; null: <see cref="DefaultStiffnessProduct"/>/a_max (ignored by SGD, whose step is η).</summary>
    public double? TimeStep { get; init; }

    /// <summary>Threads (null: all cores).</summary>
    public int? Threads { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (Particles < 1) throw new ArgumentOutOfRangeException(nameof(Particles), Particles, "an ensemble needs at least one particle.");
        if (TimeStep is { } h && (!(h > 0) || !double.IsFinite(h))) throw new ArgumentOutOfRangeException(nameof(TimeStep), h, "the time step must be positive and finite.");
        if (Threads is { } n && n < 1) throw new ArgumentOutOfRangeException(nameof(Threads), n, "at least one thread.");
    }
}

/// <summary>An ensemble at one of the requested times (valid only during the callback).</summary>
/// <param name="Index">Index of the requested time.</param>
/// <param name="Time">Time reached (for SGD the landing time, the first step at or after the request).</param>
/// <param name="Step">Steps taken since t = 0.</param>
/// <param name="State">The particles.</param>
public sealed record EnsembleSnapshot(int Index, double Time, long Step, ParticleState State);

/// <summary>
/// Runs an ensemble through a schedule, stopping at each landing time to let an observer reduce the
/// particles (histograms, means: nothing of the trajectories is stored).
/// </summary>
public sealed class EnsembleRun
{
    private readonly IBlockGradient _gradient;
    private readonly Walls _walls;
    private readonly EnsembleOptions _options;

    /// <summary>Creates the run.</summary>
    public EnsembleRun(IBlockGradient gradient, Walls walls, EnsembleOptions options)
    {
        _gradient = gradient ?? throw new ArgumentNullException(nameof(gradient));
        _walls = walls ?? throw new ArgumentNullException(nameof(walls));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
    }

    /// <summary>The walls of a grid's box (the Fokker–Planck model's zero-flux walls).</summary>
    public static Walls WallsOf(TensorGrid grid) => new(grid.X.Min, grid.X.Max, grid.Y.Min, grid.Y.Max);

    /// <summary>
    /// Advances <paramref name="state"/> (at t = 0, step 0) through <paramref name="landingTimes"/>
    /// (ascending, from <see cref="StepPlanner.LandingTimes"/>), calling <paramref name="observe"/> at each.
    /// </summary>
    /// <param name="state">The particles, moved in place.</param>
    /// <param name="planner">The steps of the schedule.</param>
    /// <param name="landingTimes">Times to stop at.</param>
    /// <param name="observe">Reduction at each stop.</param>
    /// <param name="progress">Fraction of the last landing time reached.</param>
    /// <param name="cancellation">Stops between plans.</param>
    public void Run(ParticleState state, StepPlanner planner, IReadOnlyList<double> landingTimes, Action<EnsembleSnapshot> observe,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(landingTimes);
        ArgumentNullException.ThrowIfNull(observe);
        double end = landingTimes.Count > 0 ? landingTimes[^1] : 0;
        var propagatorOptions = new PropagatorOptions { Threads = _options.Threads };
        for (int k = 0; k < landingTimes.Count; k++)
        {
            foreach (var (plan, reached) in planner.Plans(state.Time, state.NextStep, landingTimes[k]))
            {
                cancellation.ThrowIfCancellationRequested();
                EnsemblePropagator.Advance(state, plan, planner.Method, _gradient, _walls, _options.Seed, propagatorOptions, null, cancellation);
                state.Time = reached;
                if (end > 0) progress?.Report(reached / end);
            }
            state.Time = landingTimes[k];
            observe(new EnsembleSnapshot(k, state.Time, state.NextStep, state));
        }
    }
}
