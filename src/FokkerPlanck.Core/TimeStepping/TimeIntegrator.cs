using System.Diagnostics;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// Integrates <c>dm/dt = L_{T(t)} m</c> (the finite-volume Fokker–Planck equation on cell masses)
/// under a learning-rate schedule with an L-stable implicit scheme, adaptive steps and dense output
/// at the requested times.
/// </summary>
/// <remarks>
/// <para>Step-size control: the weighted RMS norm of the scheme's error estimate,
/// <c>‖e‖ = (Σ (e_i/(atol/n + rtol·max(|m_n,i|, |m_{n+1},i|)))² / n)^{1/2}</c>; a step is accepted
/// when <c>‖e‖ ≤ 1</c>, and the next step is <c>h·min(MaxGrowth, Safety·‖e‖^{−1/(p+1)})</c>
/// (Hairer, Nørsett and Wanner, <i>Solving ODEs I</i>, §II.4), where growth below
/// <see cref="IntegratorOptions.MinGrowth"/> is not taken so that runs of equal steps keep one
/// factorization. Once the schedule has settled and the fast modes have died, the error estimate
/// shrinks with the distance to equilibrium and the steps grow geometrically: the cost of reaching
/// late times grows like the logarithm of the time, not in proportion to it.</para>
/// <para>Steps never cross a schedule breakpoint (they land on it), and stages inside a segment use
/// that segment's smooth η (one-sided limits at its ends).</para>
/// <para>Dense output: cubic Hermite interpolation from <c>(m_n, f_n)</c> and <c>(m_{n+1}, f_{n+1})</c>,
/// third order, so the outputs keep the scheme's second order; it conserves mass exactly, since
/// <c>Σf = 0</c>.</para>
/// <para>The symbolic analysis (ordering, elimination tree, supernodes) depends on the grid only;
/// the factor, the assembled operators and the vectors are kept across <see cref="Run"/> calls, so
/// a sequence of runs (plateaus × schedules) pays for its storage once.</para>
/// </remarks>
public sealed partial class TimeIntegrator : IDisposable
{
    private readonly IntegratorOptions _options;
    private readonly StepContext _context;
    private readonly double[] _dense;

    /// <summary>Creates an integrator for the operators of <paramref name="family"/>.</summary>
    /// <param name="family">Landscape, flux and grid.</param>
    /// <param name="symbolic">Symbolic analysis of the grid's 5-point pattern (<see cref="AnalyzeGrid"/>).</param>
    /// <param name="options">Tolerances and control (defaults when null).</param>
    public TimeIntegrator(GeneratorFamily family, SymbolicFactorization symbolic, IntegratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(symbolic);
        _options = options ?? new IntegratorOptions();
        _options.Validate();
        Operators = new OperatorCache(family);
        _context = new StepContext(Operators, new StageSolver(Operators, symbolic, _options.Refactorization));
        _dense = new double[family.Size];
    }

    /// <summary>The symbolic analysis of a grid's 5-point pattern (nested dissection), shared by every run on the grid.</summary>
    public static SymbolicFactorization AnalyzeGrid(TensorGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return RelaxationSpectrumSolver.AnalyzeGrid(FokkerPlanckOperator.PatternFor(grid), grid.Nx, grid.Ny);
    }

    /// <summary>The operators assembled so far (counters include every run).</summary>
    public OperatorCache Operators { get; }

    /// <summary>The stage solver (factorization counters and timings over all runs).</summary>
    public StageSolver Solver => _context.Solver;

    /// <summary>The options.</summary>
    public IntegratorOptions Options => _options;

    /// <summary>The masses at the end of the last run.</summary>
    public ReadOnlySpan<double> FinalMasses => _context.Start;

    /// <summary>
    /// Integrates from <paramref name="initial"/> at t = 0 to <paramref name="endTime"/> under
    /// <paramref name="schedule"/>, calling every observer at each of <paramref name="outputTimes"/>
    /// (ascending, within [0, endTime]).
    /// </summary>
    /// <exception cref="ArgumentException">Sizes, times or κ are invalid.</exception>
    public IntegrationStatistics Run(ILearningRateSchedule schedule, double kappa, ReadOnlySpan<double> initial, double endTime,
        IReadOnlyList<double> outputTimes, IReadOnlyList<IStepObserver> observers, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(outputTimes);
        ArgumentNullException.ThrowIfNull(observers);
        Validate(kappa, initial, endTime, outputTimes);
        var run = new RunState(this, schedule, kappa, initial, endTime, outputTimes, observers);
        return run.Execute(progress, cancellation);
    }

    private void Validate(double kappa, ReadOnlySpan<double> initial, double endTime, IReadOnlyList<double> outputTimes)
    {
        if (!(kappa > 0) || !double.IsFinite(kappa)) throw new ArgumentOutOfRangeException(nameof(kappa), kappa, "κ must be positive and finite.");
        if (initial.Length != Operators.Size) throw new ArgumentException($"The initial state has {initial.Length} cells, the grid {Operators.Size}.", nameof(initial));
        if (!(endTime > 0) || !double.IsFinite(endTime)) throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "The end time must be positive and finite.");
        for (int k = 0; k < outputTimes.Count; k++)
        {
            double t = outputTimes[k];
            if (!(t >= 0) || t > endTime || k > 0 && !(t > outputTimes[k - 1]))
                throw new ArgumentException($"Output times must increase strictly within [0, {endTime}]; entry {k} is {t}.", nameof(outputTimes));
        }
    }

    /// <summary>Releases the factor.</summary>
    public void Dispose() => _context.Solver.Dispose();

    /// <summary>The loop of one run, with its counters.</summary>
    private sealed partial class RunState(TimeIntegrator owner, ILearningRateSchedule schedule, double kappa, ReadOnlySpan<double> initial,
        double endTime, IReadOnlyList<double> outputTimes, IReadOnlyList<IStepObserver> observers)
    {
        private readonly StepContext _ctx = Bind(owner._context, schedule, kappa, initial);
        private readonly IntegratorOptions _opt = owner._options;
        private readonly double _atolCell = owner._options.AbsoluteTolerance / initial.Length;
        private readonly double _initialMass = Sum(initial);
        private int _nextOutput;
        private int _accepted, _rejected;
        private double _drift, _negative, _hMin = double.PositiveInfinity, _hMax;

        private static StepContext Bind(StepContext ctx, ILearningRateSchedule schedule, double kappa, ReadOnlySpan<double> initial)
        {
            ctx.Schedule = schedule; ctx.Kappa = kappa; ctx.PreviousStep = double.NaN;
            initial.CopyTo(ctx.Start);
            return ctx;
        }

        public IntegrationStatistics Execute(IProgress<double>? progress, CancellationToken cancellation)
        {
            var clock = Stopwatch.StartNew();
            var solver = _ctx.Solver;
            var ops = _ctx.Operator;
            var (f0, s0, sw0, fb0, a0, p0) = (solver.Factorizations, solver.Solves, solver.Sweeps, solver.Fallbacks, ops.Assemblies, ops.Products);
            var schedule = _ctx.Schedule!;
            var breaks = schedule.Breakpoints;
            double t = 0;
            int segment = schedule.SegmentAt(0);
            ops.Apply(_ctx.Temperature(0, segment), _ctx.Start, _ctx.StartRate);
            EmitUpTo(t, 0, 0);
            double h = InitialStep(segment);
            var control = new StepSizeController(_opt);
            var status = IntegrationStatus.Completed;
            while (t < endTime)
            {
                if (cancellation.IsCancellationRequested) { status = IntegrationStatus.Cancelled; break; }
                if (_opt.KrylovTail && _opt.FixedStep is null && t >= schedule.SettleTime && TailReady(t, h))
                {
                    if (TryTail(t, segment, progress)) { t = endTime; progress?.Report(t); break; }
                }
                if (_accepted + _rejected >= _opt.MaxSteps) { status = IntegrationStatus.StepLimitReached; break; }
                double stop = Math.Min(endTime, segment < breaks.Count ? breaks[segment] : double.PositiveInfinity);
                if (_opt.MaxStep is { } hm) h = Math.Min(h, hm);
                bool landing = t + 1.01 * h >= stop;
                if (landing) h = stop - t;
                if (h <= MinimumStep(t)) { status = IntegrationStatus.StepSizeTooSmall; break; }
                SetWeights();
                _opt.Scheme.Advance(_ctx, t, h, segment);
                double err = _opt.FixedStep is null ? ErrorNorm() : 0;
                if (!(err <= 1))
                {
                    _rejected++;
                    h = control.AfterRejection(h, err);
                    continue;
                }
                Accept(h);
                double tNew = landing ? stop : t + h;
                EmitUpTo(tNew, t, h);
                _ctx.Advance(h);
                t = tNew;
                if (landing && segment < breaks.Count && t == breaks[segment])
                {
                    segment++;
                    _ctx.PreviousStep = double.NaN; // the rate jumps here: no history across a breakpoint
                    ops.Apply(_ctx.Temperature(t, segment), _ctx.Start, _ctx.StartRate);
                }
                h = _opt.FixedStep ?? control.AfterAcceptance(h, err);
                progress?.Report(t);
            }
            return new IntegrationStatistics(status, t, _accepted, _rejected, solver.Factorizations - f0, solver.Solves - s0, solver.Sweeps - sw0,
                solver.Fallbacks - fb0, ops.Assemblies - a0, ops.Products - p0, _drift, _negative,
                double.IsFinite(_hMin) ? _hMin : 0, _hMax, clock.Elapsed.TotalSeconds, _tailStart, _tailDimension, _tailBound);
        }

        /// <summary>Steps below this many ulps of t cannot advance the time.</summary>
        private static double MinimumStep(double t) => 64 * double.Epsilon + 1e-14 * Math.Max(Math.Abs(t), 1e-300);

        /// <summary>Fraction of the estimated "natural" time scale taken as the first step (Hairer, Nørsett and Wanner I, §II.4, starting step).</summary>
        private const double FirstStepFraction = 0.01;

        /// <summary>First step when the initial state does not move (an equilibrium of the first segment's operator).</summary>
        private const double RestingFirstStep = 1e-6;

        /// <summary>
        /// The starting step of Hairer, Nørsett and Wanner (<i>Solving ODEs I</i>, §II.4): from the
        /// weighted norms of m₀, f₀ and of the rate's change over a tiny explicit probe step, the step
        /// whose local error would be about <see cref="FirstStepFraction"/> of the tolerance.
        /// </summary>
        private double InitialStep(int segment)
        {
            if ((_opt.FixedStep ?? _opt.InitialStep) is { } given) return given;
            SetWeights();
            int p = _opt.Scheme.Order;
            double d0 = Norm(_ctx.Start), d1 = Norm(_ctx.StartRate);
            double h0 = d0 < 1e-5 || d1 < 1e-5 ? RestingFirstStep * endTime : FirstStepFraction * d0 / d1;
            h0 = Math.Min(h0, endTime);
            // probe: f at t + h0 from an explicit Euler step; the second derivative from the difference
            var probe = _ctx.Stage; var rate = _ctx.StageRate;
            for (int i = 0; i < probe.Length; i++) probe[i] = _ctx.Start[i] + h0 * _ctx.StartRate[i];
            _ctx.Operator.Apply(_ctx.Temperature(Math.Min(h0, SegmentEnd(segment)), segment), probe, rate);
            for (int i = 0; i < rate.Length; i++) rate[i] -= _ctx.StartRate[i];
            double d2 = Norm(rate) / h0, dmax = Math.Max(d1, d2);
            double h1 = dmax <= 1e-15 ? Math.Max(1e-6 * endTime, h0 * 1e-3) : Math.Pow(FirstStepFraction / dmax, 1.0 / (p + 1));
            return Math.Min(100 * h0, h1);
        }

        private double SegmentEnd(int segment)
        {
            var b = _ctx.Schedule!.Breakpoints;
            return segment < b.Count ? b[segment] : double.PositiveInfinity;
        }

        private void SetWeights()
        {
            var m = _ctx.Start; var w = _ctx.Weights;
            double rtol = _opt.RelativeTolerance;
            for (int i = 0; i < m.Length; i++) w[i] = 1 / (_atolCell + rtol * Math.Abs(m[i]));
        }

        private double Norm(double[] v)
        {
            var w = _ctx.Weights;
            double s = 0;
            for (int i = 0; i < v.Length; i++) { double e = v[i] * w[i]; s += e * e; }
            return Math.Sqrt(s / v.Length);
        }

        private double ErrorNorm()
        {
            var e = _ctx.Error; var m0 = _ctx.Start; var m1 = _ctx.End;
            double rtol = _opt.RelativeTolerance, s = 0;
            for (int i = 0; i < e.Length; i++)
            {
                double scale = _atolCell + rtol * Math.Max(Math.Abs(m0[i]), Math.Abs(m1[i]));
                double r = e[i] / scale;
                s += r * r;
            }
            return Math.Sqrt(s / e.Length);
        }

        /// <summary>
        /// Counts an accepted step and projects its end state back onto the mass of the start: every
        /// stage solve conserves mass in exact arithmetic (unit column sums), but the LU solve of
        /// <c>I − cL</c> loses ~ε·cond per step, and cond grows with c‖L‖ on long steps (10⁻¹¹ after
        /// fifty steps of length 100 were seen). Scaling m and f by <c>M₀/Σm</c> is the orthogonal
        /// projection onto the invariant in the relative sense (Hairer, Lubich and Wanner, <i>Geometric
        /// Numerical Integration</i>, §IV.4), keeps every sign, and moves each cell by the drift, far below
        /// the tolerance; the raw drift is reported.
        /// </summary>
        private void Accept(double h)
        {
            _accepted++;
            _hMin = Math.Min(_hMin, h); _hMax = Math.Max(_hMax, h);
            var m = _ctx.End; var f = _ctx.EndRate;
            double sum = 0, low = 0;
            for (int i = 0; i < m.Length; i++) { sum += m[i]; if (m[i] < low) low = m[i]; }
            _drift = Math.Max(_drift, Math.Abs(sum - _initialMass));
            _negative = Math.Min(_negative, low);
            if (sum != _initialMass && sum > 0)
            {
                double scale = _initialMass / sum;
                for (int i = 0; i < m.Length; i++) { m[i] *= scale; f[i] *= scale; }
            }
        }

        /// <summary>Calls the observers at every output time in (t, tNew] (at t = tNew = 0: the initial state).</summary>
        private void EmitUpTo(double tNew, double t, double h)
        {
            while (_nextOutput < outputTimes.Count && outputTimes[_nextOutput] <= tNew)
            {
                double to = outputTimes[_nextOutput++];
                ReadOnlySpan<double> state;
                if (h == 0) state = _ctx.Start;
                else if (to == tNew) state = _ctx.End;
                else { Interpolate((to - t) / h, h); state = owner._dense; }
                foreach (var o in observers) o.Observe(to, state);
            }
        }

        /// <summary>Cubic Hermite interpolation at fraction τ of the step.</summary>
        private void Interpolate(double tau, double h)
            => HermiteCubic.Evaluate(tau, h, _ctx.Start, _ctx.StartRate, _ctx.End, _ctx.EndRate, owner._dense);

        private static double Sum(ReadOnlySpan<double> v)
        {
            double s = 0;
            foreach (double x in v) s += x;
            return s;
        }
    }
}
