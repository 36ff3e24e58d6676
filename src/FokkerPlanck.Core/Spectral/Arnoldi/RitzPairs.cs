using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Spectral.Arnoldi;

/// <summary>One Ritz pair of the projected matrix, in real form.</summary>
/// <param name="Value">θ.</param>
/// <param name="Re">Column of the real part of its vector in <see cref="RitzPairs.Vectors"/>.</param>
/// <param name="Im">Column of the imaginary part, or −1 for a real θ.</param>
/// <param name="ImSign">The vector is <c>Re + ImSign·i·Im</c> (±1).</param>
internal readonly record struct RitzPair(Complex Value, int Re, int Im, int ImSign);

/// <summary>
/// The eigen-decomposition of the small projected matrix <c>H = Vᵀ A V</c>, ordered by the selection, with
/// a complex conjugate pair kept together (+ member first).
/// </summary>
/// <remarks>MathNet's real non-symmetric EVD (Hessenberg reduction and shifted QR, after EISPACK's hqr2)
/// returns the eigenvectors in real form: a complex pair <c>λ ± iμ</c> owns two columns c, c + 1, with
/// <c>H (c₁ + i c₂) = (λ + iμ)(c₁ + i c₂)</c> where <c>D[c, c + 1] = μ</c>.</remarks>
internal sealed class RitzPairs
{
    public RitzPairs(Matrix<double> h, RitzSelection selection)
    {
        var evd = h.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Asymmetric);
        Vectors = evd.EigenVectors;
        var d = evd.D;
        var pairs = new List<RitzPair>();
        for (int c = 0; c < h.RowCount; c++)
        {
            double mu = c + 1 < h.RowCount ? d[c, c + 1] : 0;
            if (mu == 0)
            {
                pairs.Add(new RitzPair(new Complex(d[c, c], 0), c, -1, 1));
                continue;
            }
            // c₁ + i c₂ belongs to λ + iμ, so λ ± i|μ| owns c₁ ± sign(μ)·i c₂
            pairs.Add(new RitzPair(new Complex(d[c, c], Math.Abs(mu)), c, c + 1, Math.Sign(mu)));
            pairs.Add(new RitzPair(new Complex(d[c, c], -Math.Abs(mu)), c, c + 1, -Math.Sign(mu)));
            c++;
        }
        Ordered = [.. pairs.OrderByDescending(p => Key(p.Value, selection)).ThenByDescending(p => p.Value.Imaginary)];
    }

    /// <summary>The eigenvectors of H in real form (columns).</summary>
    public Matrix<double> Vectors { get; }

    /// <summary>The pairs, best first.</summary>
    public IReadOnlyList<RitzPair> Ordered { get; }

    /// <summary>How many of the best pairs to keep so that no complex pair is split: <paramref name="count"/> or one more.</summary>
    public int KeepWhole(int count)
        => count < Ordered.Count && count > 0 && Ordered[count - 1].Im >= 0 && Ordered[count - 1].Value.Imaginary > 0 ? count + 1 : count;

    /// <summary>
    /// The Ritz vector's coefficients of pair <paramref name="index"/>: real and imaginary parts (the
    /// imaginary one empty for a real θ), scaled to unit length.
    /// </summary>
    public (double[] Re, double[] Im) Coefficients(int index)
    {
        var p = Ordered[index];
        var re = Vectors.Column(p.Re).ToArray();
        double[] im = p.Im < 0 ? [] : Vectors.Column(p.Im).ToArray();
        for (int i = 0; i < im.Length; i++) im[i] *= p.ImSign;
        double norm = Math.Sqrt(re.Sum(v => v * v) + im.Sum(v => v * v));
        for (int i = 0; i < re.Length; i++) re[i] /= norm;
        for (int i = 0; i < im.Length; i++) im[i] /= norm;
        return (re, im);
    }

    private static double Key(Complex value, RitzSelection selection) => selection switch
    {
        RitzSelection.LargestMagnitude => value.Magnitude,
        _ => value.Real,
    };
}
