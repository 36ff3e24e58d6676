using System.Collections.Concurrent;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Discretization;

/// <summary>
/// The face-rate assembly shared by <see cref="FokkerPlanckOperator"/> (fresh matrices) and
/// <see cref="GeneratorFamily"/> (in-place refills at any temperature): log-conductances of every
/// face, and the gather of each face's two rates into the rows of its two cells.
/// </summary>
/// <remarks>
/// The rate from cell k to its neighbour l is <c>k_{k→l} = e^{ℓ_f + (U_k − U_l)/(2T)}/|V_k|</c>
/// (<see cref="IFaceFlux"/>); the symmetrized off-diagonal entry is <c>−e^{ℓ_f}/√(|V_k||V_l|)</c>.
/// Each face's rates are computed once, in row blocks of about <see cref="ChunkCells"/> cells that
/// stay in cache, and gathered into both cells' rows, so every form's entries are the same doubles
/// whichever forms are built together.
/// </remarks>
internal static class FaceRateAssembly
{
    /// <summary>Cells per block of the assembly: the face rates of a block (3 doubles per face, 2 faces per cell) stay in L2.</summary>
    public const int ChunkCells = 1 << 13;

    /// <summary>What the gather reads: grid, U at centres, volumes, log-conductances and T.</summary>
    public readonly record struct Input(TensorGrid Grid, double[] Centre, double[] Volumes, double[] LogX, double[] LogY, double Temperature);

    /// <summary>Row pointers of the 5-point pattern of an <paramref name="nx"/> × <paramref name="ny"/> grid (index i + nx·j).</summary>
    public static int[] PatternRowPointers(int nx, int ny)
    {
        var rp = new int[nx * ny + 1];
        for (int j = 0, k = 0; j < ny; j++)
        {
            int vertical = (j > 0 ? 1 : 0) + (j + 1 < ny ? 1 : 0);
            for (int i = 0; i < nx; i++, k++)
                rp[k + 1] = rp[k] + 1 + vertical + (i > 0 ? 1 : 0) + (i + 1 < nx ? 1 : 0);
        }
        return rp;
    }

    /// <summary>
    /// Writes the log-conductance of every x-face (index <c>i + (Nx−1)·j</c>) into <paramref name="logX"/>
    /// and of every y-face (index <c>i + Nx·j</c>) into <paramref name="logY"/> at temperature T. For a
    /// flux whose conductance is proportional to T (<see cref="IFaceFlux.ConductanceProportionalToTemperature"/>)
    /// they are <c>ℓ(1) + ln T</c>, with ℓ(1) taken from <paramref name="atUnitTemperature"/> when given
    /// (filled on first use), so that every assembly of the landscape gives the same doubles.
    /// </summary>
    public static void LogConductances(DiscreteLandscape landscape, IFaceFlux flux, double temperature, double[] logX, double[] logY,
        UnitTemperatureConductances? atUnitTemperature = null)
    {
        if (!flux.ConductanceProportionalToTemperature)
        {
            Evaluate(landscape, flux, temperature, logX, logY);
            return;
        }
        var unit = atUnitTemperature ?? new UnitTemperatureConductances();
        if (unit.X is null || unit.X.Length != logX.Length || unit.Y!.Length != logY.Length)
        {
            var x = new double[logX.Length]; var y = new double[logY.Length];
            Evaluate(landscape, flux, 1.0, x, y);
            unit.X = x; unit.Y = y;
        }
        double logT = Math.Log(temperature);
        for (int f = 0; f < logX.Length; f++) logX[f] = unit.X[f] + logT;
        for (int f = 0; f < logY.Length; f++) logY[f] = unit.Y![f] + logT;
    }

    /// <summary>The log-conductances at T = 1 of a flux proportional to T, kept by a generator family across refills.</summary>
    internal sealed class UnitTemperatureConductances
    {
        public double[]? X;
        public double[]? Y;
    }

    private static void Evaluate(DiscreteLandscape landscape, IFaceFlux flux, double temperature, double[] logX, double[] logY)
    {
        var g = landscape.Grid;
        int nx = g.Nx, ny = g.Ny;
        var xc = g.X.Centres; var xf = g.X.Faces; var yc = g.Y.Centres; var yf = g.Y.Faces;
        var wx = g.X.Widths.ToArray(); var wy = g.Y.Widths.ToArray();
        var hxm = new double[Math.Max(nx - 1, 0)]; var hxp = new double[hxm.Length];
        for (int i = 0; i + 1 < nx; i++) { hxm[i] = xf[i + 1] - xc[i]; hxp[i] = xc[i + 1] - xf[i + 1]; }
        var hym = new double[Math.Max(ny - 1, 0)]; var hyp = new double[hym.Length];
        for (int j = 0; j + 1 < ny; j++) { hym[j] = yf[j + 1] - yc[j]; hyp[j] = yc[j + 1] - yf[j + 1]; }
        // read only here: the sampled arrays are used in place, not copied
        var (u, xm, xp, ym, yp) = landscape.Arrays;
        double t = temperature;
        Parallel.For(0, ny, Parallelism.Options, j =>
        {
            for (int i = 0; i + 1 < nx; i++)
            {
                int f = i + (nx - 1) * j;
                logX[f] = flux.LogConductance(new FaceSample(u[i + nx * j], xm[f], xp[f], u[i + 1 + nx * j], hxm[i], hxp[i], wy[j]), t);
            }
            if (j + 1 < ny)
                for (int i = 0; i < nx; i++)
                {
                    int f = i + nx * j;
                    logY[f] = flux.LogConductance(new FaceSample(u[f], ym[f], yp[f], u[f + nx], hym[j], hyp[j], wx[i]), t);
                }
        });
    }

    /// <summary>
    /// Fills the values of each requested form (and, when <paramref name="writeColumns"/>, the column
    /// indices) of the 5-point pattern with row pointers <paramref name="rp"/>.
    /// </summary>
    /// <param name="input">Geometry, potential, log-conductances and temperature.</param>
    /// <param name="forms">Forms to fill, one value array each.</param>
    /// <param name="rp">Row pointers of the pattern.</param>
    /// <param name="ci">Column indices (written only when <paramref name="writeColumns"/>).</param>
    /// <param name="writeColumns">False when <paramref name="ci"/> already holds the pattern (an in-place refill leaves it untouched).</param>
    /// <param name="values">One value array per form.</param>
    /// <param name="buffers">Pool of per-worker face-rate buffers to reuse across calls, or null to allocate.</param>
    public static void Fill(Input input, FokkerPlanckOperator.Form[] forms, int[] rp, int[] ci, bool writeColumns, double[][] values, ConcurrentBag<FaceRates>? buffers)
    {
        var g = input.Grid; int nx = g.Nx, ny = g.Ny;
        bool symmetric = forms.Contains(FokkerPlanckOperator.Form.SymmetricPositive);
        int rowsPerBlock = Math.Max(1, ChunkCells / nx);
        int blocks = (ny + rowsPerBlock - 1) / rowsPerBlock;
        Parallel.For(0, blocks, Parallelism.Options,
            () => buffers is not null && buffers.TryTake(out var b) ? b : new FaceRates(),
            (blk, _, buf) =>
            {
                int j0 = blk * rowsPerBlock, j1 = Math.Min(ny, j0 + rowsPerBlock);
                ComputeBlockRates(input, j0, j1, symmetric, buf);
                GatherBlock(input, j0, j1, forms, rp, ci, writeColumns, values, buf);
                return buf;
            },
            buf => buffers?.Add(buf));
    }

    /// <summary>Face rates of the x-faces of rows [j0, j1) and the y-faces touching them, into <paramref name="buf"/>.</summary>
    private static void ComputeBlockRates(in Input input, int j0, int j1, bool symmetric, FaceRates buf)
    {
        int nx = input.Grid.Nx, ny = input.Grid.Ny;
        var u = input.Centre; var vol = input.Volumes; var logX = input.LogX; var logY = input.LogY;
        double twoT = 2 * input.Temperature;
        // y-faces of the rows of faces [y0, y1), face row j between cell rows j and j+1
        int y0 = Math.Max(j0 - 1, 0), y1 = Math.Min(j1, ny - 1);
        int nxf = Math.Max(nx - 1, 0);
        buf.Ensure(nxf * (j1 - j0) + nx * Math.Max(y1 - y0, 0));
        var up = buf.Up; var down = buf.Down; var sym = buf.Symmetric;
        int yBase = nxf * (j1 - j0);
        for (int j = j0; j < j1; j++)
            for (int i = 0; i + 1 < nx; i++)
            {
                int k = i + nx * j, f = i + nxf * j, b = f - nxf * j0;
                FaceRate(logX[f], u[k], u[k + 1], vol[k], vol[k + 1], twoT, symmetric, out up[b], out down[b], out sym[b]);
            }
        for (int j = y0; j < y1; j++)
            for (int i = 0; i < nx; i++)
            {
                int k = i + nx * j, b = yBase + i + nx * (j - y0);
                FaceRate(logY[k], u[k], u[k + nx], vol[k], vol[k + nx], twoT, symmetric, out up[b], out down[b], out sym[b]);
            }
    }

    /// <summary>Gathers the block's face rates into the rows of cells of rows [j0, j1), one form at a time.</summary>
    private static void GatherBlock(in Input input, int j0, int j1, FokkerPlanckOperator.Form[] forms, int[] rp, int[] ci, bool writeColumns, double[][] values, FaceRates buf)
    {
        for (int fm = 0; fm < forms.Length; fm++)
            GatherForm(input.Grid.Nx, input.Grid.Ny, j0, j1, forms[fm], rp, writeColumns && fm == 0 ? ci : null, values[fm], buf);
    }

    /// <summary>
    /// One form's entries of the rows of cells of rows [j0, j1): the neighbours in column order
    /// k − nx, k − 1, k, k + 1, k + nx. Seen from cell k a face has k as its upper cell (south, west)
    /// or its lower cell (east, north); the entry is the rate into k (forward), out of k (backward) or
    /// the symmetrized one, and the diagonal is ∓ the sum of the rates out of k in that order.
    /// </summary>
    private static void GatherForm(int nx, int ny, int j0, int j1, FokkerPlanckOperator.Form form, int[] rp, int[]? ci, double[] v, FaceRates buf)
    {
        int y0 = Math.Max(j0 - 1, 0), nxf = Math.Max(nx - 1, 0), yBase = nxf * (j1 - j0);
        var up = buf.Up; var down = buf.Down;
        // the array read for a face whose upper (lower) cell is k: up is the rate lower → upper
        var (asUpper, asLower) = form switch
        {
            FokkerPlanckOperator.Form.Forward => (up, down),
            FokkerPlanckOperator.Form.Backward => (down, up),
            _ => (buf.Symmetric, buf.Symmetric),
        };
        double diagonalSign = form == FokkerPlanckOperator.Form.SymmetricPositive ? 1.0 : -1.0;
        for (int j = j0; j < j1; j++)
        {
            int xRow = nxf * (j - j0), south = yBase + nx * (j - 1 - y0), north = yBase + nx * (j - y0);
            for (int i = 0; i < nx; i++)
            {
                int k = i + nx * j, p = rp[k];
                double outRate = 0.0;
                if (j > 0) { int b = south + i; outRate += down[b]; if (ci is not null) ci[p] = k - nx; v[p++] = asUpper[b]; }
                if (i > 0) { int b = xRow + i - 1; outRate += down[b]; if (ci is not null) ci[p] = k - 1; v[p++] = asUpper[b]; }
                int diagonal = p++;
                if (i + 1 < nx) { int b = xRow + i; outRate += up[b]; if (ci is not null) ci[p] = k + 1; v[p++] = asLower[b]; }
                if (j + 1 < ny) { int b = north + i; outRate += up[b]; if (ci is not null) ci[p] = k + nx; v[p++] = asLower[b]; }
                if (ci is not null) ci[diagonal] = k;
                v[diagonal] = diagonalSign * outRate;
            }
        }
    }

    /// <summary>
    /// The rates across one face from its lower cell (potential <paramref name="uLower"/>, volume
    /// <paramref name="vLower"/>) to its upper one and back, and the symmetrized off-diagonal entry
    /// <c>−e^ℓ/√(|V_k||V_l|)</c> (only when <paramref name="symmetric"/>; else 0). The rate from cell k
    /// to its neighbour l is <c>k_{k→l} = e^{ℓ + (U_k − U_l)/(2T)}/|V_k|</c>.
    /// </summary>
    private static void FaceRate(double logConductance, double uLower, double uUpper, double vLower, double vUpper, double twoT, bool symmetric,
        out double up, out double down, out double sym)
    {
        up = Math.Exp(logConductance + (uLower - uUpper) / twoT) / vLower;
        down = Math.Exp(logConductance + (uUpper - uLower) / twoT) / vUpper;
        sym = symmetric ? -Math.Exp(logConductance) / Math.Sqrt(vLower * vUpper) : 0.0;
    }

    /// <summary>Per-worker buffers of the face rates of one assembly block.</summary>
    internal sealed class FaceRates
    {
        public double[] Up = [];
        public double[] Down = [];
        public double[] Symmetric = [];

        public void Ensure(int faces)
        {
            if (Up.Length >= faces) return;
            Up = new double[faces]; Down = new double[faces]; Symmetric = new double[faces];
        }
    }
}
