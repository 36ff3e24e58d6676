using FokkerPlanck.Validation.Reporting;
namespace FokkerPlanck.Validation.Cases;
internal sealed class PotentialStepCase : IValidationCase
{
    public string Name => "PotentialStepCase";
    public string Title => "";
    public string Description => "";
    public CaseResult Run(string outputDirectory) => throw new InvalidOperationException("todo");
}
