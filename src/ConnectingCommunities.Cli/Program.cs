using System.CommandLine;
using ConnectingCommunities.Cli.Regress;

var root = new RootCommand("cc: the Connecting Communities command-line tool");
root.Subcommands.Add(RegressCommand.Create());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Usage errors (an unknown option, a missing value) are the caller's mistake, like bad input: exit code 2.
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    await Console.Error.WriteLineAsync("Run 'cc --help' or 'cc regress --help' for usage.");
    return 2;
}

return await parsed.InvokeAsync();
