// Huge pages for the managed heap before anything large is allocated. It is a process-wide setting, so it
// is made here and not in CliApp.Run, which the tests call in-process (HugePages.AdviseManagedHeap).
FokkerPlanck.Core.Memory.HugePages.AdviseManagedHeap();
// the formula parser and compiler are JIT-compiled on the idle core while the command line is built
FokkerPlanck.Core.Expressions.FormulaWarmUp.Start();
return FokkerPlanck.Cli.CliApp.Run(args);
