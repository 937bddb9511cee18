using ConnectingCommunities.Statistics.Regression;

namespace ConnectingCommunities.Statistics.Tests;

/// <summary>Separation, collinearity, a constant outcome, few events and non-convergence are detected and explained.</summary>
public class TroubleTests
{
    [Fact]
    public void Complete_separation_names_the_covariate()
    {
        var run = TestData.RunDataset("separation");
        Assert.Equal(0, run.ExitCode);
        var warnings = Warnings(run);
        Assert.Contains(warnings, w => w.StartsWith("Separation: the covariate 'x' perfectly predicts the outcome", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("'z'", StringComparison.Ordinal));

        // The numbers are still R's (it "converges" at 25 iterations with huge estimates), but flagged.
        var expected = TestData.Expected("separation");
        Assert.Equal(expected.GetProperty("iterations").GetInt32(), run.Json.GetProperty("iterations").GetInt32());
    }

    [Fact]
    public void Quasi_complete_separation_by_a_factor_level_names_the_level()
    {
        var warnings = Warnings(TestData.RunDataset("quasiseparation"));
        Assert.Contains(warnings, w => w.StartsWith("Separation: every row with group = c has outcome 0; the odds ratio for 'group=c' cannot be estimated", StringComparison.Ordinal));
    }

    [Fact]
    public void Separation_by_a_combination_of_covariates_is_caught()
    {
        // Neither x1 nor x2 alone separates the outcome (their ranges overlap); x1 - x2 does.
        var x1 = new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        var x2 = new double[] { 1.5, 1.5, 3.5, 3.5, 5.5, 5.5, 7.5, 7.5, 9.5, 9.5 };
        var y = x1.Zip(x2, (a, b) => a > b ? 1.0 : 0.0).ToArray();
        var design = new DesignMatrixBuilder(x1.Length).AddNumeric("x1", x1).AddNumeric("x2", x2).Build(y);
        var fit = LogisticRegression.Fit(design);
        var separation = Assert.Single(fit.Warnings, w => w.Kind == RegressionWarningKind.Separation);
        Assert.StartsWith("Separation: the direction in which the estimates keep moving splits the rows exactly by outcome", separation.Message, StringComparison.Ordinal);
        Assert.Contains("x1", separation.Terms);
        Assert.Contains("x2", separation.Terms);
    }

    [Fact]
    public void Near_collinearity_with_large_standard_errors_is_not_called_separation()
    {
        var random = new Random(11);
        var x1 = Enumerable.Range(0, 300).Select(_ => Synthetic.Normal(random)).ToArray();
        var x2 = x1.Select(v => v + (1e-7 * Synthetic.Normal(random))).ToArray();
        var y = x1.Select(v => random.NextDouble() < 1.0 / (1.0 + Math.Exp(-v)) ? 1.0 : 0.0).ToArray();
        var fit = LogisticRegression.Fit(new DesignMatrixBuilder(300).AddNumeric("x1", x1).AddNumeric("x2", x2).Build(y));
        Assert.True(fit.Terms[2].StandardError > 1e4);
        Assert.DoesNotContain(fit.Warnings, w => w.Kind == RegressionWarningKind.Separation);
    }

    [Fact]
    public void Aliased_columns_are_dropped_like_Rs_NA_and_named_with_what_they_are_made_of()
    {
        var run = TestData.RunDataset("collinear");
        var terms = run.Json.GetProperty("coefficients").EnumerateArray().ToDictionary(c => c.GetProperty("term").GetString()!);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, terms["lwt_kg"].GetProperty("estimate").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, terms["sum_risk"].GetProperty("estimate").ValueKind);
        var warnings = Warnings(run);
        Assert.Contains(warnings, w => w.StartsWith("Collinearity: 'lwt_kg' is a linear combination of 'lwt' (lwt_kg = 0.453592 × lwt)", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("Collinearity: 'sum_risk' is a linear combination of 'smoke', 'ht', 'ui'", StringComparison.Ordinal));
        Assert.Equal(181, run.Json.GetProperty("residualDf").GetInt32());
    }

    [Fact]
    public void A_dummy_that_repeats_another_factor_is_aliased()
    {
        var levels = new[] { "a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c" };
        var copy = levels.Select(l => l == "b" ? "yes" : "no").ToArray();
        var y = new double[] { 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1 };
        var design = new DesignMatrixBuilder(levels.Length).AddCategorical("group", levels).AddCategorical("isB", copy).Build(y);
        var fit = LogisticRegression.Fit(design);
        Assert.True(fit.Terms.Single(t => t.Term == "isB=yes").IsAliased);
        Assert.Contains(fit.Warnings, w => w.Kind == RegressionWarningKind.Collinearity && w.Message.Contains("'group=b'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void An_outcome_that_never_varies_is_explained_not_fitted(double value)
    {
        var design = new DesignMatrixBuilder(5).AddNumeric("x", [1.0, 2, 3, 4, 5]).Build(Enumerable.Repeat(value, 5).ToArray());
        var fit = LogisticRegression.Fit(design);
        var warning = Assert.Single(fit.Warnings);
        Assert.Equal(RegressionWarningKind.ConstantOutcome, warning.Kind);
        Assert.Equal($"The outcome is {value} in every one of the 5 rows used, so there is nothing to model: no estimate can be made.", warning.Message);
        Assert.All(fit.Terms, t => Assert.Null(t.Estimate));
        Assert.False(fit.Converged);
    }

    [Fact]
    public void Fewer_than_10_events_per_variable_is_flagged()
    {
        var warnings = Warnings(TestData.RunDataset("birthwt"));
        Assert.Contains(
            "Only 6.6 events per variable (59 rows with the rarer outcome, 1, for 9 estimated coefficients besides the intercept); at least 10 are advised, and with fewer the estimates may be biased and the intervals too narrow.",
            warnings);
        Assert.DoesNotContain(Warnings(TestData.RunDataset("esoph")), w => w.Contains("events per variable", StringComparison.Ordinal));
    }

    [Fact]
    public void Not_converging_within_the_iteration_limit_is_flagged()
    {
        var design = Synthetic.Create(7, 400, 3);
        var fit = LogisticRegression.Fit(design, new LogisticRegressionOptions { MaxIterations = 2 });
        Assert.False(fit.Converged);
        Assert.Equal(2, fit.Iterations);
        Assert.Contains(fit.Warnings, w => w.Kind == RegressionWarningKind.NotConverged);
    }

    [Fact]
    public void A_well_behaved_fit_has_no_warnings()
    {
        Assert.Empty(Warnings(TestData.RunDataset("esoph")));
        Assert.Empty(LogisticRegression.Fit(Synthetic.Create(8, 2000, 3)).Warnings);
    }

    private static List<string> Warnings(TestData.CliRun run) =>
        run.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
}
