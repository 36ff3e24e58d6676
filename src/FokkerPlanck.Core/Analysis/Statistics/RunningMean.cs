namespace FokkerPlanck.Core.Analysis.Statistics;

/// <summary>
/// Mean and variance accumulated one value at a time in O(1) memory, by Welford's update (Welford
/// 1962, <i>Technometrics</i> 4:419–420; Knuth, <i>TAOCP</i> vol. 2, 3rd ed., §4.2.2): stable where
/// the textbook <c>Σx² − n·mean²</c> cancels.
/// </summary>
public sealed class RunningMean
{
    private long _n;
    private double _mean, _m2;

    /// <summary>Values added so far.</summary>
    public long Count => _n;

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        _n++;
        double d = value - _mean;
        _mean += d / _n;
        _m2 += d * (value - _mean);
    }

    /// <summary>The mean with its standard error (NaN for fewer than 2 values).</summary>
    /// <exception cref="InvalidOperationException">No values were added.</exception>
    public MeanEstimate Estimate()
    {
        if (_n == 0) throw new InvalidOperationException("A mean needs at least one value.");
        double se = _n < 2 ? double.NaN : Math.Sqrt(_m2 / (_n - 1) / _n);
        return new MeanEstimate(_mean, se, _n);
    }
}
