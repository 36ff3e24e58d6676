namespace FokkerPlanck.Core.TimeStepping;

/// <summary>The Krylov tail of a run: once the schedule has settled, the rest is propagated exactly in time.</summary>
public sealed partial class TimeIntegrator
{
    private sealed partial class RunState
    {
        private double _lastTailAttempt = double.NaN;

        /// <summary>Growth of the step between two tries of the tail.</summary>
        private const double TailRetryGrowth = 4;

        /// <summary>
        /// The tail is tried as soon as the schedule has settled, and after a failure (the basis would
        /// exceed its largest dimension, typically while fast transients are still strong) again once
        /// the steps have grown <see cref="TailRetryGrowth"/>-fold or reach the gap to the next output:
        /// long steps mean the fast transients are gone and the basis needs only the slow modes.
        /// </summary>
        private bool TailReady(double t, double h)
        {
            bool ready = double.IsNaN(_lastTailAttempt) || h >= TailRetryGrowth * _lastTailAttempt
                || _nextOutput < outputTimes.Count && h >= outputTimes[_nextOutput] - t;
            if (ready) _lastTailAttempt = h;
            return ready;
        }

        /// <summary>The tail's shift γ is this multiple of the first output interval (the scale it must resolve), within [10⁻⁴, 1] × horizon.</summary>
        private const double TailShiftFactor = 10;

        /// <summary>Smallest L1 tolerance asked of the tail (the bound's own round-off floor).</summary>
        private const double TailToleranceFloor = 1e-13;

        private double _tailStart = double.NaN, _tailBound = double.NaN;
        private int _tailDimension;

        /// <summary>Propagates from t to the end time with the Krylov exponential of the settled operator; false when the basis would be too large.</summary>
        private bool TryTail(double t, int segment, IProgress<double>? progress)
        {
            double temperature = _ctx.Temperature(t, segment);
            var logPi = owner.Operators.Family.OperatorAt(temperature).LogEquilibrium;
            var m = _ctx.Start; var delta = _ctx.Stage; var equilibrium = _ctx.StageRate;
            double mass = Sum(m);
            for (int i = 0; i < m.Length; i++) { equilibrium[i] = mass * Math.Exp(logPi[i]); delta[i] = m[i] - equilibrium[i]; }
            double horizon = endTime - t;
            double firstOutput = _nextOutput < outputTimes.Count ? outputTimes[_nextOutput] - t : horizon;
            double gamma = Math.Clamp(TailShiftFactor * firstOutput, 1e-4 * horizon, horizon);
            var krylov = new ShiftInvertKrylov(owner.Operators, _ctx.Solver, temperature, _opt.MaxKrylovDimension);
            if (!krylov.Build(delta, gamma, horizon, Math.Max(_opt.AbsoluteTolerance, TailToleranceFloor))) return false;
            var d = owner._dense;
            while (_nextOutput < outputTimes.Count)
            {
                double to = outputTimes[_nextOutput++];
                krylov.Evaluate(to - t, d);
                for (int i = 0; i < d.Length; i++) d[i] += equilibrium[i];
                foreach (var o in observers) o.Observe(to, d);
                progress?.Report(to);
            }
            krylov.Evaluate(horizon, m);
            for (int i = 0; i < m.Length; i++) m[i] += equilibrium[i];
            _drift = Math.Max(_drift, Math.Abs(Sum(m) - _initialMass));
            foreach (double x in m) _negative = Math.Min(_negative, x);
            _tailStart = t; _tailDimension = krylov.Dimension; _tailBound = krylov.Bound;
            return true;
        }
    }
}
