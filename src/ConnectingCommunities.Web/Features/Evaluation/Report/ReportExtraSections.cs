using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Web.Features.Evaluation.Models;
using ConnectingCommunities.Web.Features.Evaluation.Tables;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Charts;

namespace ConnectingCommunities.Web.Features.Evaluation.Report;

/// <summary>
/// The report's sections from the evaluation's tables (participants' characteristics and outcomes) and models
/// (the three logistic regressions), in the documents' order between performance and the Theory of Change:
/// the documents describe who took part, then how outcomes varied by lot, cohort and characteristic, then the
/// regressions of who found work, stayed in work and progressed.
/// </summary>
internal static class ReportExtraSections
{
    /// <summary>The group of the tables list each section takes its tables from.</summary>
    private const string ParticipantsGroup = "Participants";
    private const string OutcomesGroup = "Outcomes";

    public static async Task<IReadOnlyList<ReportSection>> BuildAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var tables = services.GetRequiredService<EvaluationTables>();
        var runner = services.GetRequiredService<ModelRunner>();
        return
        [
            await TablesSectionAsync(
                tables,
                "characteristics",
                "Participants' characteristics",
                "Who took part: participants by lot and by each characteristic the models use, in each cohort. Each count is followed by "
                + "its share of the column. Participants whose personal data has been erased are left out.",
                ParticipantsGroup,
                cancellationToken),
            await TablesSectionAsync(
                tables,
                "outcomes",
                "Outcomes by lot, cohort and characteristic",
                "Job outcome, 13-week sustainment and in-work progression rates by lot and by each characteristic. Each rate is out of "
                + "the population its model uses (job outcome: participants out of work at registration; sustained 13 weeks: those with a "
                + "job outcome at least 13 weeks before the end of follow-up; progression: those in work on the programme) and is "
                + "followed by the count out of that population (N).",
                OutcomesGroup,
                cancellationToken),
            await ModelsSectionAsync(runner, cancellationToken),
        ];
    }

    private static async Task<ReportSection> TablesSectionAsync(
        EvaluationTables tables, string id, string title, string introduction, string group, CancellationToken cancellationToken)
    {
        var blocks = new List<ReportBlock> { ReportBlock.Text(introduction) };
        foreach (var summary in EvaluationTables.All.Where(t => t.Group == group))
        {
            // Always the evaluator's view: the report is a file that can be passed on.
            var table = await tables.GetAsync(summary.Id, suppress: true, cancellationToken)
                ?? throw new InvalidOperationException($"The evaluation table {summary.Id} is missing.");
            blocks.Add(ReportBlock.Of(Table(table)));
        }

        return new ReportSection(id, title, blocks);
    }

    /// <summary>An evaluation table as the report shows it: the screen's figure with its N beside it in each cell.</summary>
    internal static ReportTable Table(EvaluationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var note = string.Join(" ", new[] { table.Note, table.Explanation }.Where(n => !string.IsNullOrEmpty(n)));
        return new ReportTable(
            "table-" + table.Id,
            table.Title,
            [table.RowHeading, .. table.Columns.Select(c => c.Label)],
            [
                .. table.Rows.Select(row => (IReadOnlyList<string>)
                [
                    row.Label,
                    .. table.Columns.Zip(row.Cells).Select(x => Cell(x.First, x.Second)),
                ]),
            ],
            note.Length == 0 ? null : note);
    }

    /// <summary>"1,234 (30.5%)" for a count and its share; "45.2% (123 of 272)" for a rate; "£1,234.00 (n = 56)" for a cost.</summary>
    internal static string Cell(TableColumn column, TableCell cell)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(cell);
        var figure = EvaluationTableExport.Figure(column, cell);
        if (column.Kind == CellKind.Count)
        {
            return cell.Share is { } share && !cell.Suppressed && !cell.NSuppressed
                ? $"{figure} ({share.ToString("P1", Formatting.EnGb)})"
                : figure;
        }

        return $"{figure} ({EvaluationTableExport.Detail(column, cell)})";
    }

    private static async Task<ReportSection> ModelsSectionAsync(ModelRunner runner, CancellationToken cancellationToken)
    {
        var parsed = await runner.ParseAsync([], [], cancellationToken);
        var request = parsed.Value ?? throw new InvalidOperationException("The default covariates could not be read.");
        var blocks = new List<ReportBlock>
        {
            ReportBlock.Text(
                "Who found work, stayed in work and progressed, as the documents' three logistic regressions, each on its own population "
                + "and with the documents' covariates: "
                + string.Join("; ", request.Covariates.Select(c => c.DefaultReference is { } reference
                    ? $"{InSentence(c.Label)} (reference {LevelLabel(c, reference)})"
                    : $"{InSentence(c.Label)} (reference: the largest)"))
                + ". Participants without a value for a covariate (not collected, or preferred not to say) are left out of that model."),
            ReportBlock.Text(
                "An odds ratio above 1 means higher odds of the outcome than the reference group, with the other covariates held the same; "
                + "below 1, lower odds. When the 95% confidence interval includes 1, the data are consistent with no difference. "
                + "Each forest plot draws the odds ratios on a log scale, with each reference level at 1; the table under it holds every figure."),
        };
        foreach (var model in ModelDefinitions.All)
        {
            var result = await runner.FitAsync(model, request, cancellationToken);
            blocks.AddRange(ModelBlocks(result));
        }

        return new ReportSection("models", "Who found work: the three models", blocks);
    }

    // "Completed "Identify jobs that match skills"" keeps the action's name as the catalogue writes it.
    private static string InSentence(string label) => string.Concat(label[..1].ToLowerInvariant(), label[1..]);

    private static string LevelLabel(ModelCovariate covariate, string level) =>
        covariate.Levels.FirstOrDefault(l => l.Level == level).Label ?? level;

    /// <summary>One model: who is in it, its fit, its warnings in plain words, then the forest plot and its table.</summary>
    internal static IEnumerable<ReportBlock> ModelBlocks(ModelResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var model = result.Model;
        var lines = FitModel.Lines(result);
        var counts = ModelCounts.Of(result, lines);
        yield return ReportBlock.Heading($"{model.Title} model");
        yield return ReportBlock.Text($"Who is in it: {model.Population}. Outcome: {model.Outcome.ToLowerInvariant()[..1]}{model.Outcome[1..]}.");
        yield return ReportBlock.Of(FitTable(result, counts));
        if (result.Warnings.Count == 0)
        {
            yield return ReportBlock.Text("The fit raised no warnings.");
        }
        else
        {
            foreach (var warning in result.Warnings)
            {
                yield return ReportBlock.Text("Warning: " + warning);
            }
        }

        if (result.Terms.Count == 0)
        {
            yield return ReportBlock.Text("No odds ratio could be estimated for this model.");
            yield break;
        }

        var svg = ForestPlot.Render(
            "report-forest-" + model.Slug,
            $"{model.Title}: odds ratios with 95% confidence intervals",
            $"Forest plot of {result.Terms.Count} odds ratios of the {model.Title.ToLowerInvariant()} model; each reference level is drawn at 1. "
            + "The table that follows gives every figure.",
            [.. lines.Select(l => l.Row)]);
        yield return ReportBlock.Picture(svg, TermsTable(result, lines, counts));
    }

    private static ReportTable FitTable(ModelResult result, ModelCounts counts)
    {
        var model = result.Model;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Population", counts.Population },
            new[] { "Participants used (N)", counts.N },
            new[] { "Of them, with the outcome", counts.Events },
            new[] { "Left out (a covariate not collected or preferred not to say)", counts.Dropped },
        };
        rows.AddRange(result.DroppedBecause.Select(d => (IReadOnlyList<string>)
            [$"Left out: {InSentence(ModelDefinitions.FindCovariate(d.Covariate)?.Label ?? d.Covariate)} not recorded", ModelCounts.Shown(d.N)]));
        if (result.ErasedExcluded > 0)
        {
            rows.Add(["Erased participants, not counted at all", ModelCounts.Shown(result.ErasedExcluded)]);
        }

        rows.Add(["Residual deviance", FitModel.Number(result.Deviance)]);
        rows.Add(["Null deviance", FitModel.Number(result.NullDeviance)]);
        rows.Add(["AIC", FitModel.Number(result.Aic)]);
        rows.Add(["Converged", result.N == 0 ? "Not fitted" : result.Converged ? "Yes" : "No"]);
        return new ReportTable("model-fit-" + model.Slug, $"{model.Title} model: fit", ["Measure", "Value"], rows, counts.Note);
    }

    private static ReportTable TermsTable(
        ModelResult result, IReadOnlyList<(ForestRow Row, ModelTerm? Term, ModelReference? Reference)> lines, ModelCounts counts)
    {
        var model = result.Model;
        var rows = lines.Select((line, i) => (IReadOnlyList<string>)(line.Term is { } term
            ?
            [
                line.Row.Label,
                term.Term,
                FitModel.Ratio(term.OddsRatio),
                term.OddsRatio is null ? "dropped (collinear)" : $"{FitModel.Ratio(term.CiLower)} to {FitModel.Ratio(term.CiUpper)}",
                FitModel.PValue(term.P),
                counts.LevelN[i],
                counts.LevelEvents[i],
            ]
            :
            [
                line.Row.Label,
                "reference",
                "1 (reference)",
                "–",
                "–",
                counts.LevelN[i],
                counts.LevelEvents[i],
            ])).ToList();
        return new ReportTable(
            "model-terms-" + model.Slug,
            $"{model.Title} model: odds ratios with 95% confidence intervals",
            ["Level (against the reference)", "Term", "Odds ratio", "95% CI", "p", "N", "With the outcome"],
            rows,
            counts.Note);
    }

    /// <summary>
    /// A model's counts as the report shows them: participants at each level and how many had the outcome are counts of
    /// people, so 1 to 9 are hidden, and so is whatever would give them away by subtraction (each covariate's levels add up
    /// to N and to the events; each level's people with and without the outcome add up to its N).
    /// </summary>
    private sealed record ModelCounts(
        string Population, string N, string Events, string Dropped, IReadOnlyList<string> LevelN, IReadOnlyList<string> LevelEvents, string? Note)
    {
        public static string Shown(int count) => SmallCells.IsSmall(count) ? SmallCells.Symbol : Formatting.Number(count);

        public static ModelCounts Of(ModelResult result, IReadOnlyList<(ForestRow Row, ModelTerm? Term, ModelReference? Reference)> lines)
        {
            var cells = new SmallCells();
            var population = cells.Add(result.Population);
            var n = cells.Add(result.N);
            var dropped = cells.Add(result.NDropped);
            var events = cells.Add(result.Events);
            var nonEvents = cells.Add(result.N - result.Events);
            cells.AddLine(n, [events, nonEvents]);
            var levels = new List<(string Covariate, int N, int Events, int NonEvents)>();
            foreach (var (_, term, reference) in lines)
            {
                var (covariate, size, had) = term is not null ? (term.Covariate, term.N, term.Events) : (reference!.Covariate, reference.N, reference.Events);
                var levelN = cells.Add(size);
                var levelEvents = cells.Add(had);
                var levelNonEvents = cells.Add(size - had);
                cells.AddLine(levelN, [levelEvents, levelNonEvents]);
                levels.Add((covariate, levelN, levelEvents, levelNonEvents));
            }

            // Each covariate's levels share out the model's participants, its events and its non-events.
            foreach (var covariate in levels.GroupBy(l => l.Covariate))
            {
                if (covariate.Sum(l => cells.Value(l.N)) != result.N || covariate.Sum(l => cells.Value(l.Events)) != result.Events)
                {
                    continue;
                }

                cells.AddLine(n, covariate.Select(l => l.N));
                cells.AddLine(events, covariate.Select(l => l.Events));
                cells.AddLine(nonEvents, covariate.Select(l => l.NonEvents));
            }

            var hidden = cells.Suppress();

            // Population = N + left out. Rather than let a few left out hide N, the population is hidden with them
            // (and with a hidden N), so neither can be worked out from the other two.
            if (hidden[dropped] || hidden[n])
            {
                hidden[population] = true;
            }

            string Show(int cell) => hidden[cell] ? SmallCells.Symbol : Formatting.Number(cells.Value(cell));
            return new ModelCounts(
                Show(population), Show(n), Show(events), Show(dropped),
                [.. levels.Select(l => Show(l.N))], [.. levels.Select(l => Show(l.Events))],
                hidden.Any(h => h) || result.DroppedBecause.Any(d => SmallCells.IsSmall(d.N)) || SmallCells.IsSmall(result.ErasedExcluded)
                    ? SmallCells.Explanation
                    : null);
        }
    }
}
