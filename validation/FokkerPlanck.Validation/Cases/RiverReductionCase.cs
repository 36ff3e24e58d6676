using FokkerPlanck.Validation.Reporting;
namespace FokkerPlanck.Validation.Cases;
internal sealed class RiverReductionCase : IValidationCase
{
    public string Name => "RiverReductionCase";
    public string Title => "";
    public string Description => "";
    public CaseResult Run(string outputDirectory) => throw new InvalidOperationException("todo");
}
