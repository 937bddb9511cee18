using System.CommandLine;
using ConnectingCommunities.Cli.Regress;

var root = new RootCommand("cc: the Connecting Communities command-line tool");
root.Subcommands.Add(RegressCommand.Create());

return await root.Parse(args).InvokeAsync();
