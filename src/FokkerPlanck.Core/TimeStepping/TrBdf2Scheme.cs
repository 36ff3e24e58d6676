namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// TR-BDF2: a trapezoidal stage to <c>t + γh</c>, then BDF2 through <c>t, t + γh, t + h</c>, with
/// <c>γ = 2 − √2</c> so that both stages have the same matrix <c>I − (γ/2) h L</c>. Second order,
/// L-stable, one factorization serves both stages.
/// </summary>
/// <remarks>
/// <para>Bank, Coughran, Fichtner, Grosse, Rose and Smith, IEEE Trans. Electron Devices 32, 1992
/// (1985); Hosea and Shampine, "Analysis and implementation of TR-BDF2", Appl. Numer. Math. 20, 21
/// (1996), the formulas used here:</para>
/// <list type="bullet">
/// <item>TR: <c>m_γ − d h f(t+γh, m_γ) = m_n + d h f_n</c>, <c>d = γ/2</c>;</item>
/// <item>BDF2: <c>m_{n+1} − d h f(t+h, m_{n+1}) = [m_γ − (1−γ)² m_n] / (γ(2−γ))</c> (the coefficients sum
/// to one, so mass is conserved by both stages);</item>
/// <item>error: the local error is <c>C h³ m‴</c> with <c>C = (−3γ² + 4γ − 2)/(12(2−γ))</c>, and
/// <c>h³m‴ ≈ 2h (f_n/γ − f_γ/(γ(1−γ)) + f_{n+1}/(1−γ))</c> (second divided difference of f); the
/// estimate is filtered through <c>(I − d h L)⁻¹</c> so that stiff components, which the L-stable
/// step damps, do not inflate it (Hosea and Shampine, §3; as MATLAB's ode23tb).</item>
/// </list>
/// </remarks>
public sealed class TrBdf2Scheme : IImplicitScheme
{
    /// <summary>γ = 2 − √2: equal stage coefficients in both stages.</summary>
    public static readonly double Gamma = 2 - Math.Sqrt(2);

    private static readonly double D = Gamma / 2;
    private static readonly double BdfNew = 1 / (Gamma * (2 - Gamma));
    private static readonly double BdfOld = (1 - Gamma) * (1 - Gamma) / (Gamma * (2 - Gamma));
    private static readonly double ErrorConstant = (-3 * Gamma * Gamma + 4 * Gamma - 2) / (12 * (2 - Gamma));

    /// <inheritdoc/>
    public string Name => "trbdf2";

    /// <inheritdoc/>
    public string Description => "TR-BDF2 (second order, L-stable; default)";

    /// <inheritdoc/>
    public int Order => 2;

    /// <inheritdoc/>
    public double StageCoefficient => D;

    /// <inheritdoc/>
    public void Advance(StepContext context, double t, double h, int segment)
    {
        ArgumentNullException.ThrowIfNull(context);
        var op = context.Operator;
        var solver = context.Solver;
        double c = D * h;
        double tg = context.Temperature(t + Gamma * h, segment), t1 = context.Temperature(t + h, segment);
        var m0 = context.Start; var f0 = context.StartRate;
        var mg = context.Stage; var fg = context.StageRate; var rhs = context.Rhs;
        int n = m0.Length;
        for (int i = 0; i < n; i++) rhs[i] = m0[i] + c * f0[i];
        // predictors: the previous step's Hermite cubic extrapolated to t + γh, then the cubic through
        // (t, m_n, f_n) and (t + γh, m_γ, f_γ) extrapolated to t + h
        bool history = double.IsFinite(context.PreviousStep);
        if (history) HermiteCubic.Evaluate(1 + Gamma * h / context.PreviousStep, context.PreviousStep, context.Previous, context.PreviousRate, m0, f0, mg);
        solver.Solve(c, tg, rhs, mg, context.Weights, guess: history);
        op.Apply(tg, mg, fg);
        for (int i = 0; i < n; i++) rhs[i] = BdfNew * mg[i] - BdfOld * m0[i];
        var m1 = context.End; var f1 = context.EndRate;
        HermiteCubic.Evaluate(1 / Gamma, Gamma * h, m0, f0, mg, fg, m1);
        solver.Solve(c, t1, rhs, m1, context.Weights, guess: true);
        op.Apply(t1, m1, f1);
        double a0 = 2 * ErrorConstant * h / Gamma, ag = -2 * ErrorConstant * h / (Gamma * (1 - Gamma)), a1 = 2 * ErrorConstant * h / (1 - Gamma);
        var err = context.Error;
        for (int i = 0; i < n; i++) err[i] = a0 * f0[i] + ag * fg[i] + a1 * f1[i];
        solver.ApplyInverse(err, err);
    }
}
