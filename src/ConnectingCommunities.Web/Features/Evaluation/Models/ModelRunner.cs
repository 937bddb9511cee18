using System.Diagnostics;
using ConnectingCommunities.Data;
using ConnectingCommunities.Statistics.Regression;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Evaluation.Models;

/// <summary>What the evaluator asked for: the covariates in order and each one's reference level.</summary>
public sealed record ModelRequest(IReadOnlyList<ModelCovariate> Covariates, IReadOnlyDictionary<string, string> References);

/// <summary>One estimated term: a level of a covariate against its reference.</summary>
/// <param name="Term">COLUMN=LEVEL, e.g. cohort=RapidProgression.</param>
/// <param name="N">Participants in the model at this level.</param>
/// <param name="Events">Of them, how many had the outcome.</param>
/// <param name="OddsRatio">Null when the term was dropped as collinear.</param>
public sealed record ModelTerm(
    string Term, string Covariate, string Level, string Reference, string Label, int N, int Events,
    double? OddsRatio, double? CiLower, double? CiUpper, double? P, double? Estimate, double? StandardError);

/// <summary>A covariate's reference level, with how many participants it has.</summary>
public sealed record ModelReference(string Covariate, string Level, string Label, int N, int Events);

/// <summary>Why participants of the population were left out: this covariate was not collected for them.</summary>
public sealed record ModelDropped(string Covariate, int N);

/// <summary>A fitted model as pages, the API and the report show it.</summary>
public sealed record ModelResult(
    ModelDefinition Model,
    IReadOnlyList<ModelCovariate> Covariates,
    IReadOnlyDictionary<string, string> References,
    int Population,
    int N,
    int NDropped,
    int Events,
    IReadOnlyList<ModelDropped> DroppedBecause,
    int ErasedExcluded,
    IReadOnlyList<ModelTerm> Terms,
    IReadOnlyList<ModelReference> ReferenceLevels,
    double? Deviance,
    double? NullDeviance,
    double? Aic,
    bool Converged,
    IReadOnlyList<string> Warnings,
    TimeSpan FittedIn);

/// <summary>
/// Fits the documents' three models on the evaluation dataset with the engine of issue 7: treatment
/// coding against each covariate's reference level, rows missing any covariate left out (and counted
/// by covariate), Wald 95% intervals, and the engine's warnings (separation, too few events per
/// variable, collinear terms dropped) in plain words.
/// </summary>
public sealed class ModelRunner(EvaluationDataset dataset, CcDbContext db)
{
    /// <summary>The lot codes the lot covariate may take, in order.</summary>
    public async Task<IReadOnlyList<(string Level, string Label)>> LotLevelsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Lots.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Code, l.Name }).ToListAsync(cancellationToken))
            .Select(l => (l.Code, $"{l.Name} ({l.Code})"))];

    /// <summary>The levels a covariate may take (the lots from the database).</summary>
    public async Task<IReadOnlyList<(string Level, string Label)>> LevelsAsync(ModelCovariate covariate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(covariate);
        return covariate.Levels.Count > 0 ? covariate.Levels : await LotLevelsAsync(cancellationToken);
    }

    /// <summary>
    /// Reads covariates (comma-separated and/or repeated; none for the documents' defaults) and
    /// reference.NAME=LEVEL parameters. Errors are keyed "covariates" or "reference.NAME" and name the allowed values.
    /// </summary>
    public async Task<Result<ModelRequest>> ParseAsync(
        IEnumerable<string?> covariates, IEnumerable<KeyValuePair<string, string?>> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(references);
        var errors = new FieldErrors();
        var names = covariates.SelectMany(c => (c ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var chosen = new List<ModelCovariate>();
        var allowedNames = string.Join(", ", ModelDefinitions.Covariates.Select(c => c.Name));
        foreach (var name in names)
        {
            var covariate = ModelDefinitions.FindCovariate(name);
            if (covariate is null)
            {
                errors.Add("covariates", $"Covariates must be some of {allowedNames}; '{name}' is not one of them");
            }
            else if (!chosen.Contains(covariate))
            {
                chosen.Add(covariate);
            }
        }

        if (names.Count == 0)
        {
            chosen.AddRange(ModelDefinitions.Covariates);
        }

        var chosenReferences = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, raw) in references)
        {
            var name = key.Length > "reference.".Length ? key["reference.".Length..] : "";
            var covariate = ModelDefinitions.FindCovariate(name);
            if (covariate is null)
            {
                errors.Add(key, $"A reference level can be chosen for {allowedNames}; '{name}' is not one of them");
                continue;
            }

            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var levels = await LevelsAsync(covariate, cancellationToken);
            var level = Match(levels, raw);
            if (level is null)
            {
                errors.Add($"reference.{covariate.Name}", $"The reference level of {covariate.Name} must be one of {string.Join(", ", levels.Select(l => l.Level))}; '{raw.Trim()}' is not one of them");
            }
            else
            {
                chosenReferences[covariate.Name] = level;
            }
        }

        return errors.Any ? Result<ModelRequest>.Invalid(errors) : Result<ModelRequest>.Ok(new ModelRequest(chosen, chosenReferences));
    }

    // "55+" arrives as "55 " when a query string's plus was not encoded.
    private static string? Match(IReadOnlyList<(string Level, string Label)> levels, string raw)
    {
        var text = raw.Trim();
        return levels.Select(l => l.Level).FirstOrDefault(l => string.Equals(l, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.TrimEnd('+'), text.TrimEnd('+'), StringComparison.OrdinalIgnoreCase) && l.EndsWith('+'));
    }

    /// <summary>Fits the model on every participant of its population (erased participants excepted).</summary>
    public async Task<ModelResult> FitAsync(ModelDefinition model, ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var covariates = request.Covariates;
        var values = covariates.Select(_ => new List<string?>()).ToArray();
        var outcome = new List<double>();
        await foreach (var row in dataset.RowsAsync(cancellationToken: cancellationToken))
        {
            if (!model.InPopulation(row))
            {
                continue;
            }

            for (var c = 0; c < covariates.Count; c++)
            {
                values[c].Add(covariates[c].Value(row));
            }

            outcome.Add(model.Event(row) ? 1 : 0);
        }

        var erased = await dataset.CountErasedAsync(cancellationToken);
        var population = outcome.Count;
        var complete = Enumerable.Range(0, population).Where(i => Array.TrueForAll(values, v => v[i] is not null)).ToArray();
        var dropped = covariates.Select((c, k) => new ModelDropped(c.Name, values[k].Count(v => v is null))).Where(d => d.N > 0).ToList();
        var warnings = new List<string>();
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < covariates.Count; c++)
        {
            var covariate = covariates[c];
            var counts = complete.GroupBy(i => values[c][i]!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var wanted = request.References.GetValueOrDefault(covariate.Name) ?? covariate.DefaultReference;
            if (wanted is not null && counts.ContainsKey(wanted))
            {
                references[covariate.Name] = wanted;
                continue;
            }

            if (counts.Count == 0)
            {
                continue;
            }

            // The largest group is the steadiest comparison when the documents' reference is absent.
            var largest = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            references[covariate.Name] = largest;
            if (wanted is not null)
            {
                warnings.Add($"Nobody in the model has {covariate.Name} {wanted}, so {largest} (the largest group) is the reference level instead.");
            }
        }

        var terms = new List<ModelTerm>();
        var referenceLevels = new List<ModelReference>();
        double? deviance = null, nullDeviance = null, aic = null;
        var converged = false;
        var events = complete.Count(i => outcome[i] == 1);
        if (complete.Length == 0)
        {
            warnings.Add(population == 0
                ? "Nobody is in this model's population yet, so there is nothing to fit."
                : "Every participant in the population is missing at least one of the chosen covariates, so there is nothing to fit.");
        }
        else
        {
            var builder = new DesignMatrixBuilder(complete.Length);
            for (var c = 0; c < covariates.Count; c++)
            {
                var column = values[c];
                builder.AddCategorical(covariates[c].Name, [.. complete.Select(i => column[i])], references.GetValueOrDefault(covariates[c].Name));
            }

            var design = builder.Build([.. complete.Select(i => outcome[i])]);
            var fit = LogisticRegression.Fit(design);
            deviance = fit.ResidualDeviance;
            nullDeviance = fit.NullDeviance;
            aic = fit.Aic;
            converged = fit.Converged;
            warnings.AddRange(fit.Warnings.Select(w => w.Message));
            var labels = await LabelsAsync(covariates, cancellationToken);
            foreach (var (estimate, term) in fit.Terms.Zip(design.Terms))
            {
                if (term.Kind != DesignTermKind.FactorLevel)
                {
                    continue;
                }

                var c = IndexOf(covariates, term.Covariate);
                var members = complete.Where(i => values[c][i] == term.Level).ToList();
                terms.Add(new ModelTerm(
                    term.Name, term.Covariate, term.Level!, term.ReferenceLevel!, labels.GetValueOrDefault((term.Covariate, term.Level!), term.Level!),
                    members.Count, members.Count(i => outcome[i] == 1),
                    estimate.OddsRatio, estimate.OddsRatioLower, estimate.OddsRatioUpper, estimate.P, estimate.Estimate, estimate.StandardError));
            }

            foreach (var (name, level) in references)
            {
                var c = IndexOf(covariates, name);
                if (!terms.Exists(t => t.Covariate == name))
                {
                    continue;
                }

                var members = complete.Where(i => values[c][i] == level).ToList();
                referenceLevels.Add(new ModelReference(name, level, labels.GetValueOrDefault((name, level), level), members.Count, members.Count(i => outcome[i] == 1)));
            }
        }

        return new ModelResult(
            model, covariates, references, population, complete.Length, population - complete.Length, events, dropped, erased,
            terms, referenceLevels, deviance, nullDeviance, aic, converged, warnings, watch.Elapsed);
    }

    private static int IndexOf(IReadOnlyList<ModelCovariate> covariates, string name)
    {
        for (var i = 0; i < covariates.Count; i++)
        {
            if (covariates[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"No covariate '{name}'.", nameof(name));
    }

    private async Task<Dictionary<(string, string), string>> LabelsAsync(IReadOnlyList<ModelCovariate> covariates, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<(string, string), string>();
        foreach (var covariate in covariates)
        {
            foreach (var (level, label) in await LevelsAsync(covariate, cancellationToken))
            {
                labels[(covariate.Name, level)] = label;
            }
        }

        return labels;
    }
}
