using System.Text.Json;

namespace ConnectingCommunities.Statistics.Tests;

/// <summary><c>cc regress</c>: its JSON, and bad input reported on stderr with exit code 2.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cc-regress-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Prints_the_documented_fields_in_order()
    {
        var run = TestData.RunDataset("mtcars");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(
            ["n", "nDropped", "converged", "iterations", "nullDeviance", "nullDf", "residualDeviance", "residualDf", "logLikelihood", "aic", "coefficients", "warnings"],
            run.Json.EnumerateObject().Select(p => p.Name));
        var coefficient = run.Json.GetProperty("coefficients")[0];
        Assert.Equal(
            ["term", "estimate", "stdError", "z", "p", "oddsRatio", "ciLower", "ciUpper"],
            coefficient.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["(Intercept)", "wt", "hp"], run.Json.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()));
    }

    [Fact]
    public void Numbers_are_printed_in_full_double_precision()
    {
        var run = TestData.RunDataset("mtcars");
        var text = run.Output;
        var deviance = run.Json.GetProperty("residualDeviance").GetDouble();
        Assert.Contains($"\"residualDeviance\": {deviance:R}", text, StringComparison.Ordinal);
        Assert.True(deviance.ToString("R", System.Globalization.CultureInfo.InvariantCulture).Length > 15);
    }

    [Fact]
    public void Warnings_read_plainly_in_the_raw_output()
    {
        var run = TestData.RunDataset("collinear");
        Assert.Contains("Collinearity: 'lwt_kg' is a linear combination of 'lwt' (lwt_kg = 0.453592 × lwt)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_drop_rows_and_are_counted()
    {
        var csv = Write("y,x,g\n1,2.5,a\n0,NA,b\n1,,a\n0,1.5,\n1,3,b\n0,1,a\n1,4,b\n0,0.5,a\n0,2,b\n1,3.5,a\nNA,1,a\n");
        var run = TestData.Run("--csv", csv, "--outcome", "y", "--factor", "g");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(7, run.Json.GetProperty("n").GetInt32());
        Assert.Equal(4, run.Json.GetProperty("nDropped").GetInt32());
        Assert.Equal("g=b", run.Json.GetProperty("coefficients")[2].GetProperty("term").GetString());
    }

    [Fact]
    public void Covariates_can_be_chosen_and_factors_given_a_reference()
    {
        var run = TestData.Run("--csv", TestData.PathOf("birthwt.csv"), "--outcome", "low", "--covariates", "age,lwt", "--factor", "race:3");
        Assert.Equal(
            ["(Intercept)", "age", "lwt", "race=1", "race=2"],
            run.Json.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()));
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        var run = TestData.Run("--csv", Path.Combine(folder, "nope.csv"), "--outcome", "y");
        AssertInputError(run, "does not exist");
    }

    [Fact]
    public void Missing_options_are_errors()
    {
        AssertInputError(TestData.Run("--outcome", "y"), "--csv is required");
        AssertInputError(TestData.Run("--csv", Write("y,x\n1,2\n")), "--outcome is required");
    }

    [Theory]
    [InlineData("--outcome", "nope", "--outcome names the column 'nope', which is not in the file")]
    [InlineData("--covariates", "x,nope", "--covariates names the column 'nope'")]
    [InlineData("--factor", "nope", "--factor names the column 'nope'")]
    public void An_unknown_column_is_an_error(string option, string value, string message)
    {
        var csv = Write("y,x\n1,2\n0,3\n");
        string[] args = option == "--outcome" ? ["--csv", csv, "--outcome", value] : ["--csv", csv, "--outcome", "y", option, value];
        AssertInputError(TestData.Run(args), message);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("yes")]
    [InlineData("0.5")]
    public void An_outcome_other_than_0_or_1_is_an_error(string value)
    {
        var csv = Write($"y,x\n1,2\n0,3\n{value},4\n");
        AssertInputError(TestData.Run("--csv", csv, "--outcome", "y"), $"The outcome column 'y' must hold 0 or 1, but line 4 holds '{value}'.");
    }

    [Fact]
    public void Text_in_a_numeric_covariate_is_an_error_that_suggests_factor()
    {
        var csv = Write("y,x\n1,2\n0,three\n");
        AssertInputError(TestData.Run("--csv", csv, "--outcome", "y"), "add --factor x");
    }

    [Fact]
    public void A_reference_level_that_does_not_occur_is_an_error()
    {
        AssertInputError(TestData.RunDataset("birthwt", "--factor", "smoke:7"), "The reference level '7' does not occur in column 'smoke'");
    }

    [Fact]
    public void An_unknown_standard_error_basis_is_an_error()
    {
        AssertInputError(TestData.RunDataset("mtcars", "--standard-errors", "sandwich"), "--standard-errors must be last-iteration or final-estimate, not 'sandwich'.");
    }

    [Fact]
    public void Broken_CSV_is_an_error()
    {
        AssertInputError(TestData.Run("--csv", Write("y,x\n1,2\n0\n"), "--outcome", "y"), "record 3 has 1 fields, but the header has 2");
        AssertInputError(TestData.Run("--csv", Write("y,x\n1,\"2\n"), "--outcome", "y"), "never closed");
    }

    [Fact]
    public void A_constant_outcome_is_reported_in_the_warnings_not_as_an_error()
    {
        var run = TestData.Run("--csv", Write("y,x\n0,1\n0,2\n0,3\n"), "--outcome", "y");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(JsonValueKind.Null, run.Json.GetProperty("coefficients")[1].GetProperty("estimate").ValueKind);
        Assert.Contains("nothing to model", run.Json.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_fields_with_commas_quotes_and_CRLF_are_read()
    {
        var csv = Write("\"y\",\"the x\",\"g\"\r\n1,2,\"a, \"\"first\"\"\"\r\n0,3,b\r\n1,4,b\r\n0,1,\"a, \"\"first\"\"\"\r\n1,5,b\r\n0,2,b\r\n");
        var run = TestData.Run("--csv", csv, "--outcome", "y", "--factor", "g:b");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["(Intercept)", "the x", "g=a, \"first\""],
            run.Json.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()));
    }

    private static void AssertInputError(TestData.CliRun run, string message)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith("cc regress: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    private string Write(string content)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
