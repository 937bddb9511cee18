using System.CommandLine;
using System.Globalization;
using ConnectingCommunities.Statistics.Regression;

namespace ConnectingCommunities.Cli.Regress;

/// <summary>
/// <c>cc regress</c>: fits a logistic regression to a CSV file and prints the result as JSON.
/// Input errors (a missing file, an unknown column, an outcome other than 0/1, ...) go to
/// stderr with exit code 2; trouble with the fit itself (separation, collinearity, ...) is
/// reported in the JSON's warnings.
/// </summary>
internal static class RegressCommand
{
    /// <summary>The exit code for bad input.</summary>
    public const int InputErrorExitCode = 2;

    public static Command Create()
    {
        var csv = new Option<string?>("--csv")
        {
            Description = "The CSV file, with a header row (required). Empty cells and NA are missing values.",
        };
        var outcome = new Option<string?>("--outcome")
        {
            Description = "The outcome column, holding 0 or 1 (required).",
        };
        var factors = new Option<string[]>("--factor")
        {
            Description = "A categorical covariate, COL or COL:REF with REF its reference level (default: the smallest level). Repeat for several.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var covariates = new Option<string?>("--covariates")
        {
            Description = "Comma-separated covariates, in order (default: every column but the outcome).",
        };
        var profile = new Option<bool>("--profile")
        {
            Description = "Also compute profile-likelihood intervals of the odds ratios (profileLower, profileUpper), as R's confint.",
        };
        var standardErrors = new Option<string>("--standard-errors")
        {
            Description = "last-iteration (R's printed standard errors, the default) or final-estimate (the information at the final estimate).",
            DefaultValueFactory = _ => "last-iteration",
        };

        var command = new Command("regress", "Fit a logistic regression (as R's glm with family = binomial) and print the result as JSON.");
        command.Options.Add(csv);
        command.Options.Add(outcome);
        command.Options.Add(factors);
        command.Options.Add(covariates);
        command.Options.Add(profile);
        command.Options.Add(standardErrors);
        command.SetAction(parseResult =>
        {
            var request = new RegressRequest(
                parseResult.GetValue(csv),
                parseResult.GetValue(outcome),
                parseResult.GetValue(factors) ?? [],
                parseResult.GetValue(covariates),
                parseResult.GetValue(profile),
                parseResult.GetValue(standardErrors));
            var configuration = parseResult.InvocationConfiguration;
            return Run(request, configuration.Output, configuration.Error);
        });
        return command;
    }

    /// <summary>Runs the command: JSON to <paramref name="output"/>, errors to <paramref name="error"/>.</summary>
    /// <returns>0 on success, <see cref="InputErrorExitCode"/> for bad input.</returns>
    public static int Run(RegressRequest request, TextWriter output, TextWriter error)
    {
        LogisticRegressionResult result;
        try
        {
            var basis = request.StandardErrors switch
            {
                null or "last-iteration" => StandardErrorBasis.LastIteration,
                "final-estimate" => StandardErrorBasis.FinalEstimate,
                _ => throw new RegressInputException($"--standard-errors must be last-iteration or final-estimate, not '{request.StandardErrors}'."),
            };
            var design = RegressInput.Load(request);
            result = LogisticRegression.Fit(design, new LogisticRegressionOptions
            {
                ProfileLikelihoodIntervals = request.Profile,
                StandardErrors = basis,
            });
        }
        catch (Exception e) when (e is RegressInputException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cc regress: {e.Message}");
            return InputErrorExitCode;
        }

        output.WriteLine(RegressJson.Write(result, request.Profile));
        return 0;
    }
}

/// <summary>What <c>cc regress</c> was asked to do.</summary>
/// <param name="CsvPath">The CSV file.</param>
/// <param name="Outcome">The outcome column.</param>
/// <param name="Factors">Categorical columns, each COL or COL:REF.</param>
/// <param name="Covariates">Comma-separated covariates, or null for every column but the outcome.</param>
/// <param name="Profile">Whether to add profile-likelihood intervals.</param>
/// <param name="StandardErrors">Which information matrix the standard errors come from: last-iteration (R's printed ones, the default) or final-estimate.</param>
internal sealed record RegressRequest(
    string? CsvPath,
    string? Outcome,
    IReadOnlyList<string> Factors,
    string? Covariates,
    bool Profile = false,
    string? StandardErrors = null);

/// <summary>Turns a CSV file and the command's options into a design matrix.</summary>
internal static class RegressInput
{
    public static DesignMatrix Load(RegressRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.CsvPath))
        {
            throw new RegressInputException("--csv is required: name the CSV file to read.");
        }

        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            throw new RegressInputException("--outcome is required: name the 0/1 outcome column.");
        }

        if (!File.Exists(request.CsvPath))
        {
            throw new RegressInputException($"The file '{request.CsvPath}' does not exist.");
        }

        var table = CsvTable.Read(request.CsvPath);
        var outcomeName = request.Outcome;
        RequireColumn(table, outcomeName, "--outcome");
        var factors = ParseFactors(table, request.Factors, outcomeName);
        var covariates = ChooseCovariates(table, request.Covariates, outcomeName, factors);

        var builder = new DesignMatrixBuilder(table.Rows.Count);
        foreach (var name in covariates)
        {
            var cells = table.Column(name);
            if (factors.TryGetValue(name, out var reference))
            {
                builder.AddCategorical(name, cells, reference);
            }
            else
            {
                builder.AddNumeric(name, ParseNumeric(name, cells));
            }
        }

        return builder.Build(ParseOutcome(outcomeName, table.Column(outcomeName)));
    }

    private static void RequireColumn(CsvTable table, string name, string option)
    {
        if (!table.HasColumn(name))
        {
            throw new RegressInputException(
                $"{option} names the column '{name}', which is not in the file (its columns: {string.Join(", ", table.Headers)}).");
        }
    }

    private static Dictionary<string, string?> ParseFactors(CsvTable table, IReadOnlyList<string> specifications, string outcome)
    {
        var factors = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var specification in specifications)
        {
            // A column name may itself contain ':', so the whole text is tried as a name first.
            string column;
            string? reference = null;
            if (table.HasColumn(specification))
            {
                column = specification;
            }
            else
            {
                var colon = specification.IndexOf(':', StringComparison.Ordinal);
                column = colon < 0 ? specification : specification[..colon];
                reference = colon < 0 ? null : specification[(colon + 1)..];
                RequireColumn(table, column, "--factor");
                if (string.IsNullOrEmpty(reference))
                {
                    throw new RegressInputException($"--factor {specification}: give a reference level after the ':', or leave out the ':'.");
                }
            }

            if (column == outcome)
            {
                throw new RegressInputException($"--factor names the outcome column '{outcome}'.");
            }

            if (!factors.TryAdd(column, reference))
            {
                throw new RegressInputException($"--factor names the column '{column}' more than once.");
            }
        }

        return factors;
    }

    private static List<string> ChooseCovariates(CsvTable table, string? list, string outcome, Dictionary<string, string?> factors)
    {
        if (list is null)
        {
            return table.Headers.Where(h => h != outcome).ToList();
        }

        var covariates = new List<string>();
        foreach (var name in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            RequireColumn(table, name, "--covariates");
            if (name == outcome)
            {
                throw new RegressInputException($"--covariates includes the outcome column '{outcome}'.");
            }

            if (covariates.Contains(name))
            {
                throw new RegressInputException($"--covariates names the column '{name}' more than once.");
            }

            covariates.Add(name);
        }

        // A column declared with --factor is in the model even when --covariates leaves it out.
        covariates.AddRange(factors.Keys.Where(f => !covariates.Contains(f)));
        return covariates;
    }

    private static double[] ParseOutcome(string name, string?[] cells)
    {
        var values = new double[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (DesignMatrixBuilder.IsMissing(cell))
            {
                values[i] = double.NaN;
            }
            else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is 0.0 or 1.0)
            {
                values[i] = v;
            }
            else
            {
                throw new RegressInputException(
                    $"The outcome column '{name}' must hold 0 or 1, but line {CsvTable.LineOf(i)} holds '{cell}'.");
            }
        }

        return values;
    }

    private static double[] ParseNumeric(string name, string?[] cells)
    {
        var values = new double[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (DesignMatrixBuilder.IsMissing(cell))
            {
                values[i] = double.NaN;
            }
            else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                values[i] = v;
            }
            else
            {
                throw new RegressInputException(
                    $"The column '{name}' is used as a number, but line {CsvTable.LineOf(i)} holds '{cell}'; if it is categorical, add --factor {name}.");
            }
        }

        return values;
    }
}
