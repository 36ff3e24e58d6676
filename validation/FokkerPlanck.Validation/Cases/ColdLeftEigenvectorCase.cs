using FokkerPlanck.Validation.Reporting;
namespace FokkerPlanck.Validation.Cases;
internal sealed class ColdLeftEigenvectorCase : IValidationCase
{
    public string Name => "ColdLeftEigenvectorCase";
    public string Title => "";
    public string Description => "";
    public CaseResult Run(string outputDirectory) => throw new InvalidOperationException("todo");
}
