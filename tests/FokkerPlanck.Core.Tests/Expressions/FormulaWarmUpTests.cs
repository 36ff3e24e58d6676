using FokkerPlanck.Core.Expressions;

namespace FokkerPlanck.Core.Tests.Expressions;

/// <summary>The warm-up runs on a thread-pool thread at program start, where an exception would end the process: its formula must parse and compile.</summary>
public class FormulaWarmUpTests
{
    [Fact]
    public void Run_ParsesAndCompilesTheSample_AndAgreesWithTheInterpreter()
    {
        var f = Formula.Parse(FormulaWarmUp.Sample, ["y"]);
        double expected = f.Evaluate(0.5) + f.Differentiate("y").Evaluate(0.5);
        double value = FormulaWarmUp.Run();
        Assert.True(double.IsFinite(value));
        Assert.Equal(expected, value, 12);
        Assert.True(f.IsPiecewise); // the sample reaches the comparison and if() code too
    }
}
