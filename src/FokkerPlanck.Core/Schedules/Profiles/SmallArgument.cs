namespace FokkerPlanck.Core.Schedules.Profiles;

/// <summary>
/// <c>ln(1 + z)</c> and <c>eᶻ − 1</c> accurate to a few ulps for small |z| as well (the runtime's
/// <c>double.LogP1</c>/<c>double.ExpM1</c> evaluate <c>Log(1 + z)</c> and <c>Exp(z) − 1</c> directly
/// and lose the digits that a nearly flat schedule needs).
/// </summary>
/// <remarks>
/// The corrections divide out the rounding of <c>1 + z</c> (D. Goldberg, "What every computer
/// scientist should know about floating-point arithmetic", ACM Comput. Surv. 23 (1991), Theorem 4)
/// and of <c>eᶻ</c> (W. Kahan's companion trick for expm1).
/// </remarks>
internal static class SmallArgument
{
    /// <summary><c>ln(1 + z)</c> for <c>z &gt; −1</c>.</summary>
    public static double Log1P(double z)
    {
        double u = 1 + z;
        return u == 1 ? z : Math.Log(u) * z / (u - 1);
    }

    /// <summary><c>eᶻ − 1</c>.</summary>
    public static double ExpM1(double z)
    {
        double u = Math.Exp(z);
        if (u == 1) return z;
        double um1 = u - 1;
        return um1 == -1 || double.IsPositiveInfinity(u) ? um1 : um1 * z / Math.Log(u);
    }
}
