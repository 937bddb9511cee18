using ConnectingCommunities.Cli;

return await CcApp.RunAsync(args, Console.Out, Console.Error);
