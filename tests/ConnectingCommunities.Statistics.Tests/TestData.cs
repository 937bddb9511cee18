using System.Text.Json;
using ConnectingCommunities.Cli.Regress;

namespace ConnectingCommunities.Statistics.Tests;

/// <summary>The committed data sets, R's results for them, and a way to run <c>cc regress</c> in-process.</summary>
internal static class TestData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    public static JsonElement Expected(string dataset) =>
        JsonDocument.Parse(File.ReadAllText(PathOf($"{dataset}.expected.json"))).RootElement;

    /// <summary>The <c>cc regress</c> options that state each data set's model as the R script fits it.</summary>
    public static string[] Arguments(string dataset) => dataset switch
    {
        "birthwt" => ["--factor", "race:1"],
        "mtcars" => [],
        "infert" => ["--factor", "education"],
        "pima" => [],
        "pima2" => [],
        "esoph" => ["--factor", "agegp:25-34", "--factor", "alcgp:0-39g/day", "--factor", "tobgp:0-9g/day"],
        "collinear" => ["--covariates", "age,lwt,smoke,ht,ui,lwt_kg,sum_risk,race", "--factor", "race:1"],
        "separation" => [],
        "quasiseparation" => ["--factor", "group:a"],
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    public static string Outcome(string dataset) => dataset switch
    {
        "birthwt" or "collinear" => "low",
        "mtcars" => "am",
        "infert" or "esoph" => "case",
        "pima" or "pima2" => "type",
        _ => "y",
    };

    public sealed record CliRun(int ExitCode, string Output, string Error)
    {
        public JsonElement Json => JsonDocument.Parse(Output).RootElement;
    }

    /// <summary>Runs <c>cc regress</c> through System.CommandLine, as the real program does.</summary>
    public static CliRun Run(params string[] args)
    {
        var root = new System.CommandLine.RootCommand("cc");
        root.Subcommands.Add(RegressCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = root.Parse(["regress", .. args]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public static CliRun RunDataset(string dataset, params string[] extra) =>
        Run(["--csv", PathOf($"{dataset}.csv"), "--outcome", Outcome(dataset), .. Arguments(dataset), .. extra]);
}
