namespace FokkerPlanck.Plotting.Tests.Models;

/// <summary>A 2D Gaussian (and a sign-changing x·Gaussian) on a non-uniform tensor grid.</summary>
internal sealed class HeatmapTestData
{
    public HeatmapTestData(int nx = 12, int ny = 8)
    {
        XFaces = StretchedFaces(nx, -3, 3);
        YFaces = StretchedFaces(ny, -2, 2);
        XCenters = Centers(XFaces);
        YCenters = Centers(YFaces);
        Density = new double[nx * ny];
        Signed = new double[nx * ny];
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                double x = XCenters[i], y = YCenters[j];
                double g = Math.Exp(-(x * x / 2 + y * y));
                Density[i + nx * j] = g;
                Signed[i + nx * j] = x * g;
            }
        }
    }

    public double[] XFaces { get; }
    public double[] YFaces { get; }
    public double[] XCenters { get; }
    public double[] YCenters { get; }
    public double[] Density { get; }
    public double[] Signed { get; }

    /// <summary>Faces clustered near the middle (sinh stretching), so the grid is strongly non-uniform.</summary>
    public static double[] StretchedFaces(int n, double a, double b)
    {
        var f = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            double s = -1 + 2.0 * i / n;
            double t = Math.Sinh(2.0 * s) / Math.Sinh(2.0);
            f[i] = a + (b - a) * (t + 1) / 2;
        }
        f[0] = a;
        f[n] = b;
        return f;
    }

    public static double[] Centers(double[] faces) =>
        [.. Enumerable.Range(0, faces.Length - 1).Select(i => 0.5 * (faces[i] + faces[i + 1]))];
}
