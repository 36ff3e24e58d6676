namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// Backward (implicit) Euler: <c>m_{n+1} − h f(t+h, m_{n+1}) = m_n</c>. First order and L-stable;
/// unconditionally positivity preserving, since <c>(I − hL)⁻¹</c> of a generator is a nonnegative
/// matrix (L's off-diagonal entries are nonnegative, so <c>I − hL</c> is an M-matrix). A second
/// order method cannot have that property for every step size (Bolley and Crouzeix, RAIRO Anal.
/// Numér. 12, 237 (1978)), which is why this scheme is offered beside TR-BDF2.
/// </summary>
/// <remarks>
/// Error estimate: the local error is <c>−(h²/2) m″ ≈ −(h/2)(f_{n+1} − f_n)</c>, filtered through
/// <c>(I − hL)⁻¹</c> as for TR-BDF2 (Hairer and Wanner, <i>Solving ODEs II</i>, §IV.8).
/// </remarks>
public sealed class BackwardEulerScheme : IImplicitScheme
{
    /// <inheritdoc/>
    public string Name => "euler";

    /// <inheritdoc/>
    public string Description => "backward Euler (first order, L-stable, positivity preserving)";

    /// <inheritdoc/>
    public int Order => 1;

    /// <inheritdoc/>
    public double StageCoefficient => 1.0;

    /// <inheritdoc/>
    public void Advance(StepContext context, double t, double h, int segment)
    {
        ArgumentNullException.ThrowIfNull(context);
        var op = context.Operator;
        double t1 = context.Temperature(t + h, segment);
        var m1 = context.End; var f1 = context.EndRate; var f0 = context.StartRate;
        context.Solver.Solve(h, t1, context.Start, m1, context.Weights);
        op.Apply(t1, m1, f1);
        var err = context.Error;
        for (int i = 0; i < err.Length; i++) err[i] = 0.5 * h * (f1[i] - f0[i]);
        context.Solver.ApplyInverse(err, err);
    }
}
