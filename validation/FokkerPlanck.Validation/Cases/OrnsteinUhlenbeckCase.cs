using FokkerPlanck.Validation.Reporting;
namespace FokkerPlanck.Validation.Cases;
internal sealed class OrnsteinUhlenbeckCase : IValidationCase
{
    public string Name => "OrnsteinUhlenbeckCase";
    public string Title => "";
    public string Description => "";
    public CaseResult Run(string outputDirectory) => throw new InvalidOperationException("todo");
}
