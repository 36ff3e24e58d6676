return FokkerPlanck.Cli.CliApp.Run(args);
