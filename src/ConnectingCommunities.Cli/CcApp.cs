using System.CommandLine;
using ConnectingCommunities.Cli.Database;
using ConnectingCommunities.Cli.Regress;

namespace ConnectingCommunities.Cli;

/// <summary>The <c>cc</c> command line: its commands, and usage errors answered with exit code 2.</summary>
internal static class CcApp
{
    /// <summary>The exit code for bad input or a usage error: the caller's mistake, not a failure of the tool.</summary>
    public const int InputErrorExitCode = 2;

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("cc: the Connecting Communities command-line tool");
        root.Subcommands.Add(RegressCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(DemoDataCommand.Create());
        root.Subcommands.Add(PerformanceCountsCommand.Create());
        root.Subcommands.Add(Imports.ImportCommand.Create());
        root.Subcommands.Add(Exports.ExportCommand.Create());
        root.Subcommands.Add(Retention.RetentionReviewCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parsed = CreateRoot().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            var command = parsed.CommandResult.Command;
            var help = command is RootCommand ? "cc --help" : $"cc {command.Name} --help";
            await error.WriteLineAsync($"Run '{help}' for usage.");
            return InputErrorExitCode;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
