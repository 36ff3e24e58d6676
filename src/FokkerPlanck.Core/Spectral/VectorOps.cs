namespace FokkerPlanck.Core.Spectral;

/// <summary>Small dense vector kernels on spans used by the eigensolvers.</summary>
internal static class VectorOps
{
    /// <summary>Returns xᵀy.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (System.Numerics.Vector.IsHardwareAccelerated && x.Length >= 4 * System.Numerics.Vector<double>.Count)
            return DotSimd(x, y);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0, n = x.Length;
        for (; i + 3 < n; i += 4)
        {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) s0 += x[i] * y[i];
        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>Returns ‖x‖₂ (without overflow protection; the vectors here are O(1)).</summary>
    private static double DotSimd(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var xv = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(x);
        var yv = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(y);
        System.Numerics.Vector<double> a0 = default, a1 = default;
        int i = 0;
        for (; i + 1 < xv.Length; i += 2) { a0 += xv[i] * yv[i]; a1 += xv[i + 1] * yv[i + 1]; }
        for (; i < xv.Length; i++) a0 += xv[i] * yv[i];
        double s = System.Numerics.Vector.Sum(a0 + a1);
        for (int k = xv.Length * System.Numerics.Vector<double>.Count; k < x.Length; k++) s += x[k] * y[k];
        return s;
    }

    public static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(Dot(x, x));

    /// <summary>y ← y + a·x.</summary>
    public static void AddScaled(Span<double> y, double a, ReadOnlySpan<double> x)
    {
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var yv = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(y);
            var xv = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(x);
            var av = new System.Numerics.Vector<double>(a);
            for (int k = 0; k < yv.Length; k++) yv[k] += av * xv[k];
            i = yv.Length * System.Numerics.Vector<double>.Count;
        }
        for (; i < y.Length; i++) y[i] += a * x[i];
    }

    /// <summary>x ← a·x.</summary>
    public static void Scale(Span<double> x, double a)
    {
        for (int i = 0; i < x.Length; i++) x[i] *= a;
    }

    /// <summary>True when every entry is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> x)
    {
        foreach (double v in x) if (!double.IsFinite(v)) return false;
        return true;
    }
}
