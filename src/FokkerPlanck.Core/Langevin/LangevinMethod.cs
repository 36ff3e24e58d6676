namespace FokkerPlanck.Core.Langevin;

/// <summary>How an ensemble is advanced one step of size <c>h</c> at temperature <c>T</c>.</summary>
public enum LangevinMethod
{
    /// <summary>
    /// Euler–Maruyama for the overdamped Langevin SDE <c>dX = −∇L dt + √(2T) dW</c>:
    /// <c>X ← X − h∇L(X) + √(2Th) ξ</c> with a small time step <c>h = dt</c>; weak order 1, stationary
    /// valley variance <c>T/(a(1 − ha/2))</c>.
    /// </summary>
    EulerMaruyama,

    /// <summary>
    /// Leimkuhler–Matthews: <c>X ← X − h∇L(X) + √(2Th) (ξₙ + ξₙ₊₁)/2</c>, the noise of two consecutive
    /// steps averaged (Leimkuhler &amp; Matthews 2013, Appl. Math. Res. Express; the high-friction limit of
    /// BAOAB). Its stationary distribution is exact for a harmonic valley and second order in h in
    /// general, at the cost of one Euler step.
    /// </summary>
    LeimkuhlerMatthews,

    /// <summary>
    /// The discrete SGD map <c>θ ← θ − η(∇L + σ_g ξ)</c> with step <c>h = η</c>, the learning rate itself,
    /// and gradient noise <c>σ_g = √(2κ)</c>, i.e. <c>θ ← θ − η∇L + √(2Tη) ξ</c> with <c>T = κη</c>
    /// (docs/physics.md §7): the same update as Euler–Maruyama, but the step is η(t), not a small dt, so
    /// its stationary state departs from the FP equilibrium as <c>η·a</c> grows.
    /// </summary>
    Sgd,
}
