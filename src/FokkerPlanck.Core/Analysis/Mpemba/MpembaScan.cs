using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Spectral.Relaxation;

namespace FokkerPlanck.Core.Analysis.Mpemba;

/// <summary>
/// The Mpemba analysis at one final LR: overlap coefficients <c>a_k(η_h) = E_{π(η_h)}[v_k]</c> of the
/// plateau states with the final-LR left eigenvectors, the effective slowest mode, and the
/// non-trivial zeros of its amplitude (strong Mpemba points, docs/physics.md §4).
/// </summary>
/// <remarks>
/// <c>a_k</c> vanishes trivially at <c>η_h = η_c</c>. The zeros are searched on
/// <c>b(η) = a_eff(η)/(T_h − T_c)</c>, which removes that trivial simple zero, so a non-trivial zero
/// close to η_c is neither hidden nor confused with it; each sign change of b between scan points is
/// refined with Brent's method (<see cref="BrentRootFinder"/>). Only the plateau state changes with
/// η_h, so every evaluation reuses the one eigen-solve at η_c.
/// </remarks>
public static class MpembaScan
{
    /// <summary>A mode whose amplitude |a_k|·T_c/|T_h − T_c| stays below this fraction of max(1, the largest such amplitude) over the whole range vanishes identically (symmetry zeros sit at round-off, ~1e-14; genuine amplitudes are far above).</summary>
    public const double VanishingFraction = 1e-9;

    /// <summary>Relative tolerance of the refined zeros (in η).</summary>
    public const double RootTolerance = 1e-10;

    /// <summary>Scan points within this relative distance of η_c are skipped when reporting the closest approach to a zero.</summary>
    public const double TrivialNeighbourhood = 0.05;

    /// <summary>Relative step of the central difference for d a_eff/dη at a zero: its O(h²) error (~1e-12) stays above the O(ε/h) round-off (~1e-10 relative).</summary>
    public const double SlopeStep = 1e-6;

    /// <summary>Runs the scan.</summary>
    /// <exception cref="InvalidOperationException">All computed modes vanish identically: more modes are needed.</exception>
    public static MpembaScanResult Run(RelaxationSpectrum spectrum, IPlateauStateFamily family, double kappa, double finalLr, IReadOnlyList<double> plateauLrs)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(plateauLrs);
        int n = spectrum.Operator.Size, kMax = spectrum.Count;
        var logp = new double[n];
        var masses = new double[n];
        double[] Coefficients(double lr)
        {
            family.Masses(lr, logp, masses);
            var a = new double[kMax - 1];
            spectrum.OverlapsOfMasses(masses, a);
            return a;
        }
        var lrs = plateauLrs.ToArray();
        var table = lrs.Select(Coefficients).ToArray();
        // Vanishing test on the slope-like amplitude |a_k|·T_c/|T_h − T_c| (a_k vanishes trivially at
        // η_c), against max(1, largest such amplitude): an absolute floor is needed because when every
        // computed mode vanishes by symmetry the largest amplitude is itself round-off.
        var reduced = SlopeAmplitudes(table, lrs, kappa, finalLr);
        double scale = Math.Max(1.0, reduced.DefaultIfEmpty(0).Max());
        var vanishing = new List<int>();
        var alive = new List<int>();
        for (int k = 0; k < kMax - 1; k++)
        {
            if (reduced[k] <= VanishingFraction * scale) vanishing.Add(k + 2); else alive.Add(k);
        }
        if (alive.Count == 0)
            throw new InvalidOperationException($"All {kMax - 1} computed relaxation modes have zero amplitude over the plateau range (symmetry); compute more modes (scenario key \"modes\").");
        int eff = alive[0], next = alive.Count > 1 ? alive[1] : -1;
        double tc = kappa * finalLr;
        double B(double lr) => Coefficients(lr)[eff] / (kappa * lr - tc);

        var points = new List<StrongMpembaPoint>();
        for (int i = 0; i + 1 < lrs.Length; i++)
        {
            double l0 = lrs[i], l1 = lrs[i + 1];
            if (IsTrivial(l0, finalLr) || IsTrivial(l1, finalLr)) continue;
            double b0 = table[i][eff] / (kappa * l0 - tc), b1 = table[i + 1][eff] / (kappa * l1 - tc);
            if (Math.Sign(b0) == Math.Sign(b1) || b0 == 0 && b1 == 0) continue;
            double root = BrentRootFinder.FindRoot(B, l0, l1, RootTolerance * l0);
            double h = SlopeStep * root;
            double slope = (Coefficients(root + h)[eff] - Coefficients(root - h)[eff]) / (2 * h);
            double gain = next >= 0 ? spectrum.Eigenvalues[next + 1] / spectrum.Eigenvalues[eff + 1] : double.NaN;
            points.Add(new StrongMpembaPoint(root, kappa * root, root > finalLr ? "cooling" : "heating", gain, slope));
        }

        // weak effect: |a_eff(η)| below its maximum over the plateau LRs between η_c and η (same side)
        var weak = new bool[lrs.Length];
        double runUp = 0;
        for (int i = 0; i < lrs.Length; i++)
        {
            if (lrs[i] <= finalLr) continue;
            double v = Math.Abs(table[i][eff]);
            weak[i] = v < runUp;
            runUp = Math.Max(runUp, v);
        }
        double runDown = 0;
        for (int i = lrs.Length - 1; i >= 0; i--)
        {
            if (lrs[i] >= finalLr) continue;
            double v = Math.Abs(table[i][eff]);
            weak[i] = v < runDown;
            runDown = Math.Max(runDown, v);
        }
        var intervals = new List<(double, double)>();
        for (int i = 0; i < lrs.Length; i++)
        {
            if (!weak[i]) continue;
            int j = i;
            while (j + 1 < lrs.Length && weak[j + 1]) j++;
            intervals.Add((lrs[i], lrs[j]));
            i = j;
        }
        // closest approach to a non-trivial zero: smallest |a_eff|/|T_h − T_c| (the trivial zero divided out)
        double smallest = double.NaN, best = double.PositiveInfinity;
        for (int i = 0; i < lrs.Length; i++)
        {
            if (Math.Abs(lrs[i] - finalLr) <= TrivialNeighbourhood * finalLr) continue;
            double v = Math.Abs(table[i][eff] / (kappa * lrs[i] - tc));
            if (v < best) { best = v; smallest = lrs[i]; }
        }
        var scan = lrs.Select((lr, i) => new ScanPoint(lr, kappa * lr, table[i], table[i][eff], next >= 0 ? table[i][next] : double.NaN, weak[i])).ToArray();
        return new MpembaScanResult(finalLr, tc, spectrum.Eigenvalues, eff + 2, next >= 0 ? next + 2 : 0, vanishing, scan, points, smallest, intervals);
    }

    /// <summary>
    /// Whether a scan made with few modes already decides what a scan with more would report: its
    /// effective mode is v₂ and the next one v₃, and both amplitudes stand at least
    /// <see cref="ClearMargin"/> above the vanishing threshold's scale. More modes cannot then change
    /// the strong points or the gain: they would have to carry amplitudes 10⁶ times larger than v₂'s and
    /// v₃'s before either was counted as vanishing (<see cref="VanishingFraction"/>).
    /// </summary>
    public static bool DecidedByLowestModes(MpembaScanResult scan, double kappa)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (scan.EffectiveMode != 2 || scan.NextMode != 3) return false;
        var amplitudes = SlopeAmplitudes([.. scan.Scan.Select(p => p.Coefficients)], [.. scan.Scan.Select(p => p.Lr)], kappa, scan.FinalLr);
        double scale = Math.Max(1.0, amplitudes.Max());
        return amplitudes[0] >= ClearMargin * scale && amplitudes[1] >= ClearMargin * scale;
    }

    /// <summary>Fraction of the vanishing test's scale that v₂'s and v₃'s amplitudes must reach for <see cref="DecidedByLowestModes"/> (10⁶ times <see cref="VanishingFraction"/>).</summary>
    public const double ClearMargin = 1e-3;

    /// <summary>Per mode k ≥ 2, the largest slope-like amplitude <c>|a_k(η)|·T_c/|T_h − T_c|</c> over the plateau LRs.</summary>
    private static double[] SlopeAmplitudes(double[][] table, double[] lrs, double kappa, double finalLr)
    {
        double tc = kappa * finalLr;
        int modes = table.Length == 0 ? 0 : table[0].Length;
        var amplitudes = new double[modes];
        for (int i = 0; i < lrs.Length; i++)
        {
            double weight = Math.Abs(kappa * lrs[i] - tc) is var d && d > 0 ? tc / d : 0.0;
            for (int k = 0; k < modes; k++) amplitudes[k] = Math.Max(amplitudes[k], Math.Abs(table[i][k]) * weight);
        }
        return amplitudes;
    }

    private static bool IsTrivial(double lr, double finalLr) => Math.Abs(lr - finalLr) <= 1e-12 * finalLr;
}
