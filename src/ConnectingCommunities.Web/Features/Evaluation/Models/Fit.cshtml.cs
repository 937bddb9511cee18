using System.Globalization;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Charts;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Evaluation.Models;

/// <summary>
/// One model: a GET form (so it works without JavaScript and the address can be shared) to choose the
/// covariates and reference levels, then the fitted model as a table, a forest plot and its fit.
/// </summary>
public sealed class FitModel(ModelRunner runner) : PageModel
{
    public ModelDefinition Definition { get; private set; } = ModelDefinitions.JobOutcome;

    public ModelResult? Result { get; private set; }

    public IReadOnlyList<Choice> CovariateChoices { get; } =
        [.. ModelDefinitions.Covariates.Select(c => new Choice(c.Name, c.Label))];

    public IReadOnlyList<string> ChosenCovariates { get; private set; } = [];

    /// <summary>A reference-level select per covariate: its name, label, choices and current value.</summary>
    public IReadOnlyList<(string Name, string Label, IReadOnlyList<Choice> Levels, string? Value)> ReferenceSelects { get; private set; } = [];

    public string? ForestSvg { get; private set; }

    public async Task<IActionResult> OnGetAsync(string model, CancellationToken cancellationToken)
    {
        var definition = ModelDefinitions.Find(model);
        if (definition is null)
        {
            return NotFound();
        }

        Definition = definition;
        var references = Request.Query.Where(q => q.Key.StartsWith("reference.", StringComparison.OrdinalIgnoreCase))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())).ToList();
        var parsed = await runner.ParseAsync(Request.Query["covariates"], references, cancellationToken);
        var selects = new List<(string, string, IReadOnlyList<Choice>, string?)>();
        foreach (var covariate in ModelDefinitions.Covariates)
        {
            var levels = await runner.LevelsAsync(covariate, cancellationToken);
            var asked = references.FirstOrDefault(r => string.Equals(r.Key, $"reference.{covariate.Name}", StringComparison.OrdinalIgnoreCase)).Value;
            selects.Add(($"reference.{covariate.Name}", covariate.Label, [.. levels.Select(l => new Choice(l.Level, l.Label))], asked));
        }

        if (!parsed.Succeeded)
        {
            ChosenCovariates = [.. Request.Query["covariates"].SelectMany(c => (c ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
            ReferenceSelects = selects;
            ModelState.AddErrors(parsed.Errors!);

            // The error summary lists only keys without a dot; reference.NAME keeps its inline error and is summarised here.
            foreach (var (_, message) in parsed.Errors!.Where(e => e.Key.Contains('.', StringComparison.Ordinal)))
            {
                ModelState.AddModelError("", message);
            }

            return Page();
        }

        Result = await runner.FitAsync(definition, parsed.Value!, cancellationToken);
        ChosenCovariates = [.. parsed.Value!.Covariates.Select(c => c.Name)];
        ReferenceSelects = [.. selects.Select(s => (s.Item1, s.Item2, s.Item3,
            Result.References.GetValueOrDefault(s.Item1["reference.".Length..]) ?? s.Item4 ?? ModelDefinitions.FindCovariate(s.Item1["reference.".Length..])?.DefaultReference))];
        if (Result.Terms.Count > 0)
        {
            ForestSvg = ForestPlot.Render(
                "forest-" + Definition.Slug,
                $"{Definition.Title}: odds ratios with 95% confidence intervals",
                $"Forest plot of {Result.Terms.Count} odds ratios of the {Definition.Title.ToLowerInvariant()} model on {Result.N.ToString("N0", CultureInfo.InvariantCulture)} participants; each reference level is drawn at 1. The table that follows gives every figure.",
                Rows(Result));
        }

        return Page();
    }

    /// <summary>Each covariate's reference level first, then its levels, in the model's order.</summary>
    public static IReadOnlyList<(ForestRow Row, ModelTerm? Term, ModelReference? Reference)> Lines(ModelResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<(ForestRow, ModelTerm?, ModelReference?)>();
        foreach (var covariate in result.Covariates)
        {
            var reference = result.ReferenceLevels.FirstOrDefault(r => r.Covariate == covariate.Name);
            if (reference is null)
            {
                continue;
            }

            lines.Add((new ForestRow($"{covariate.Label}: {reference.Label} (reference)", 1, null, null, IsReference: true), null, reference));
            foreach (var term in result.Terms.Where(t => t.Covariate == covariate.Name))
            {
                lines.Add((new ForestRow($"{covariate.Label}: {term.Label}", term.OddsRatio, term.CiLower, term.CiUpper), term, null));
            }
        }

        return lines;
    }

    private static IReadOnlyList<ForestRow> Rows(ModelResult result) => [.. Lines(result).Select(l => l.Row)];

    public static string Ratio(double? value) => value is not { } v ? "–" : !double.IsFinite(v) ? "∞" : v.ToString(v >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture);

    public static string PValue(double? p) => p switch
    {
        null => "–",
        < 0.001 => "< 0.001",
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double? value, string format = "0.0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
