using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Features.Performance;
using ConnectingCommunities.Web.Features.Performance.Caseloads;
using ConnectingCommunities.Web.Features.Performance.Trends;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConnectingCommunities.Web.Features.Evaluation.Tables.TableDraft;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>
/// The evaluation's descriptive tables, each with N in every cell: participants by lot and each
/// characteristic (by cohort), outcome rates by each, barriers, plan actions identified against
/// implemented, recruitment channel by cohort, delivery mode by period, outcomes by caseload size and cost
/// per outcome by lot. Participant-level figures come from <see cref="EvaluationDataset"/> (so the tables,
/// models and extract agree); barriers, actions and contacts are counted in the database; caseload bands
/// and costs are Performance's own (<see cref="CaseloadQueries"/>, <see cref="PerformanceQueries"/>).
/// Evaluators always get the suppressed table (<see cref="SmallCells"/>); commissioners see it whole on
/// screen and may ask for the evaluator's view.
/// </summary>
public sealed class EvaluationTables(CcDbContext db, CurrentUser user, EvaluationDataset dataset, PerformanceQueries performance, TimeProvider clock)
{
    public const string NotRecorded = "notRecorded";

    /// <summary>Contacts before this day were before the first national lockdown (23 March 2020).</summary>
    public static readonly DateOnly RestrictionsBegan = new(2020, 3, 23);

    /// <summary>Contacts from this day were after England's legal restrictions ended (19 July 2021).</summary>
    public static readonly DateOnly RestrictionsEnded = new(2021, 7, 19);

    private const string Participants = "Participants";
    private const string Outcomes = "Outcomes";
    private const string Support = "Needs and support";
    private const string CaseloadAndCost = "Caseload and cost";

    private static readonly IReadOnlyList<Level> CohortLevels =
        [.. new[] { Cohort.HardestToHelp, Cohort.HarderToReach, Cohort.RapidProgression, Cohort.Employed }.Select(c => new Level(c.ToString(), c.DisplayName()))];

    private sealed record Characteristic(string Slug, string Name, string RowHeading, Func<IReadOnlyList<Level>, Func<EvaluationRow, string>> LevelOf);

    /// <summary>Each characteristic: its slug, its name in titles, and how a row's level is read.</summary>
    private static readonly IReadOnlyList<Characteristic> Characteristics =
    [
        new("lot", "lot", "Lot", _ => r => r.LotCode),
        new("cohort", "cohort", "Cohort", _ => r => r.Cohort.ToString()),
        new("age-band", "age band", "Age band at registration", _ => r => AgeBandKey(r.AgeBand)),
        new("sex", "sex", "Sex", _ => r => r.Sex ?? NotRecorded),
        new("ethnic-group", "ethnic group", "Ethnic group", _ => r => r.EthnicGroup ?? NotRecorded),
        new("health-condition", "health condition", "Long-term health condition or disability", _ => r => YesNo(r.HealthCondition)),
        new("qualification", "highest qualification", "Highest qualification", _ => r => r.QualificationBand ?? NotRecorded),
        new("childcare", "childcare responsibilities", "Childcare responsibilities", _ => r => YesNo(r.ChildcareResponsibility)),
    ];

    /// <summary>Every table, in the order of the list page.</summary>
    public static IReadOnlyList<TableSummary> All { get; } =
    [
        .. Characteristics.Select(c => new TableSummary(
            $"participants-by-{c.Slug}", $"Participants by {c.Name}",
            c.Slug == "cohort" ? "Participants in each cohort." : $"Participants in each {c.Name} group, by cohort.", Participants)),
        .. Characteristics.Select(c => new TableSummary(
            $"outcomes-by-{c.Slug}", $"Outcomes by {c.Name}",
            "Job outcome, 13-week sustainment and in-work progression rates, each out of its own population.", Outcomes)),
        new("barriers", "Barriers to work", "How many participants had each barrier recorded, by cohort.", Support),
        new("actions", "Actions identified and implemented", "For each plan action, participants who had it identified and how many of them completed it.", Support),
        new("recruitment-channels", "Recruitment channel by cohort", "How participants came to the programme, by cohort.", Support),
        new("delivery-modes", "Delivery mode by period", "Contacts with participants by how they took place, before, during and after the Covid-19 restrictions.", Support),
        new("outcomes-by-caseload", "Outcomes by advisor caseload size", "Outcome rates of participants grouped by their advisor's average caseload.", CaseloadAndCost),
        new("cost-per-outcome", "Cost per outcome by lot", "Net spend to date divided by outcomes achieved to date, by lot.", CaseloadAndCost),
    ];

    public static TableSummary? Find(string? id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>Whether this user's view must be suppressed: always for an evaluator; for a commissioner when they ask to see the evaluator's view.</summary>
    public bool MustSuppress(bool asEvaluator) => !user.IsCommissioner || asEvaluator;

    /// <summary>The table, suppressed or whole; null when there is no such table.</summary>
    public async Task<EvaluationTable?> GetAsync(string id, bool suppress, CancellationToken cancellationToken = default)
    {
        var summary = Find(id);
        if (summary is null)
        {
            return null;
        }

        var draft = await DraftAsync(summary, cancellationToken);
        return draft.Finish(suppress);
    }

    private async Task<TableDraft> DraftAsync(TableSummary summary, CancellationToken cancellationToken)
    {
        var characteristic = Characteristics.FirstOrDefault(c => summary.Id == $"participants-by-{c.Slug}" || summary.Id == $"outcomes-by-{c.Slug}");
        if (characteristic is not null)
        {
            var rows = await RowsAsync(cancellationToken);
            var levels = await LevelsAsync(characteristic.Slug, cancellationToken);
            var levelOf = characteristic.LevelOf(levels);
            if (summary.Id.StartsWith("participants-", StringComparison.Ordinal))
            {
                var byCohort = characteristic.Slug != "cohort";
                return Crosstab(
                    summary.Id, summary.Title, summary.Description, characteristic.RowHeading, levels, levelOf,
                    byCohort ? CohortLevels : null, byCohort ? r => r.Cohort.ToString() : null, rows,
                    byCohort ? "All participants" : Participants);
            }

            return TableDraft.Rates(summary.Id, summary.Title, summary.Description, characteristic.RowHeading, levels, levelOf, OutcomeColumns, rows);
        }

        return summary.Id switch
        {
            "barriers" => await BarriersAsync(summary, cancellationToken),
            "actions" => await ActionsAsync(summary, cancellationToken),
            "recruitment-channels" => await ChannelsAsync(summary, cancellationToken),
            "delivery-modes" => await ModesAsync(summary, cancellationToken),
            "outcomes-by-caseload" => await CaseloadAsync(summary, cancellationToken),
            "cost-per-outcome" => await CostsAsync(summary, cancellationToken),
            _ => throw new InvalidOperationException($"No table {summary.Id}."),
        };
    }

    /// <summary>The three outcomes, each on the population the documents' models use.</summary>
    public static IReadOnlyList<Outcome<EvaluationRow>> OutcomeColumns { get; } =
    [
        new("jobOutcome", "Job outcome (out of work at registration)", r => r.OutOfWorkAtRegistration, r => r.JobOutcome),
        new("sustained13Weeks", "Sustained 13 weeks (job outcome at least 13 weeks ago)", r => r.JobOutcome && r.FollowUp13WeeksElapsed, r => r.Sustained13Weeks),
        new("progression", "In-work progression (in work on the programme)", r => r.InWork, r => r.Progressed),
    ];

    public static string AgeBandKey(AgeBand band) => band switch
    {
        AgeBand.Age16To24 => "16-24",
        AgeBand.Age25To34 => "25-34",
        AgeBand.Age35To54 => "35-54",
        AgeBand.Age55AndOver => "55+",
        _ => band.ToString(),
    };

    private static string YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => NotRecorded,
    };

    private async Task<List<EvaluationRow>> RowsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<EvaluationRow>();
        await foreach (var row in dataset.RowsAsync(cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The levels of a characteristic, with "Not recorded" last where a value can be missing.</summary>
    private async Task<IReadOnlyList<Level>> LevelsAsync(string slug, CancellationToken cancellationToken)
    {
        static IReadOnlyList<Level> WithNotRecorded(IEnumerable<Level> levels, string label = "Not recorded or preferred not to say") =>
            [.. levels, new Level(NotRecorded, label)];
        return slug switch
        {
            "lot" => [.. (await db.Lots.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Code, l.Name }).ToListAsync(cancellationToken))
                .Select(l => new Level(l.Code, $"{l.Name} ({l.Code})"))],
            "cohort" => CohortLevels,
            "age-band" => [.. AgeBands.All.Select(b => new Level(AgeBandKey(b), b.DisplayName()))],
            "sex" => WithNotRecorded(Sexes.All.Select(s => new Level(s.Code, s.DisplayName)), "Not recorded"),
            "ethnic-group" => WithNotRecorded(Ethnicities.Groups.Select(g => new Level(g.Code, g.DisplayName))),
            "health-condition" or "childcare" => WithNotRecorded([new Level("yes", "Yes"), new Level("no", "No")]),
            "qualification" => WithNotRecorded(EvaluationDataset.QualificationBands.Select(b => new Level(b, EvaluationDataset.QualificationBandName(b))), "Not recorded"),
            _ => throw new InvalidOperationException($"No characteristic {slug}."),
        };
    }

    private IQueryable<Data.Entities.Participant> Included => db.Participants.AsNoTracking().Where(p => p.ErasedAt == null);

    private async Task<TableDraft> BarriersAsync(TableSummary summary, CancellationToken cancellationToken)
    {
        var populations = await Included.GroupBy(p => p.Cohort).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = await db.ParticipantBarriers.AsNoTracking()
            .Join(Included, b => b.ParticipantId, p => p.Id, (b, p) => new { b.Barrier, p.Cohort, b.ParticipantId })
            .GroupBy(x => new { x.Barrier, x.Cohort })
            .Select(g => new { g.Key.Barrier, g.Key.Cohort, Count = g.Select(x => x.ParticipantId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var cohorts = CohortLevels.Select(l => Enum.Parse<Cohort>(l.Key)).ToList();
        var items = Barriers.All.Select(b => (new Level(b.Code, b.DisplayName), (IReadOnlyList<int>)[.. cohorts.Select(c =>
            counts.Where(x => x.Barrier == b.Code && x.Cohort == c).Sum(x => x.Count))])).ToList();
        var draft = MultipleResponse(
            summary.Id, summary.Title, summary.Description, "Barrier", CohortLevels,
            [.. cohorts.Select(c => populations.Where(p => p.Key == c).Sum(p => p.Count))], "All participants", items);
        draft.Note = "A participant can have several barriers, so the rows do not add up. Each rate is out of all participants in the cohort.";
        return draft;
    }

    private async Task<TableDraft> ActionsAsync(TableSummary summary, CancellationToken cancellationToken)
    {
        var actions = db.PlanActions.AsNoTracking().Join(Included, a => a.ParticipantId, p => p.Id, (a, p) => a);
        var identified = await actions.GroupBy(a => a.Action)
            .Select(g => new { Action = g.Key, Count = g.Select(a => a.ParticipantId).Distinct().Count() }).ToListAsync(cancellationToken);
        var implemented = await actions.Where(a => a.Status == ActionStatus.Completed).GroupBy(a => a.Action)
            .Select(g => new { Action = g.Key, Count = g.Select(a => a.ParticipantId).Distinct().Count() }).ToListAsync(cancellationToken);
        var draft = Empty(summary.Id, summary.Title, summary.Description, "Action");
        draft.AddColumn("implemented", "Implemented (completed), of those who had it identified", CellKind.Rate);
        foreach (var action in ActionCatalogue.All)
        {
            var n = draft.Cell(identified.Where(i => i.Action == action.Code).Sum(i => i.Count));
            var cell = draft.RateCell(n, implemented.Where(i => i.Action == action.Code).Sum(i => i.Count), out _, out _);
            draft.AddRow(action.Code, action.DisplayName, false, [cell]);
        }

        draft.Note = "A participant can have several actions, so the rows do not add up. Identified: the action is in their plan, whatever its status; implemented: it was completed.";
        return draft;
    }

    private async Task<TableDraft> ChannelsAsync(TableSummary summary, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(cancellationToken);
        IReadOnlyList<Level> levels = [.. RecruitmentChannels.All.Select(c => new Level(c.Code, c.DisplayName)), new Level(NotRecorded, "Not recorded")];
        return Crosstab(
            summary.Id, summary.Title, summary.Description, "Recruitment channel", levels,
            r => RecruitmentChannels.Find(r.RecruitmentChannel)?.Code ?? NotRecorded, CohortLevels, r => r.Cohort.ToString(), rows, "All participants");
    }

    /// <summary>The three periods of delivery: before, during and after the Covid-19 restrictions.</summary>
    public static IReadOnlyList<Level> Periods { get; } =
    [
        new("beforeRestrictions", "Before 23 March 2020"),
        new("restrictions", "23 March 2020 to 18 July 2021 (Covid-19 restrictions)"),
        new("afterRestrictions", "From 19 July 2021"),
    ];

    private async Task<TableDraft> ModesAsync(TableSummary summary, CancellationToken cancellationToken)
    {
        var began = RestrictionsBegan;
        var ended = RestrictionsEnded;
        var counts = await db.Interventions.AsNoTracking()
            .Join(Included, i => i.ParticipantId, p => p.Id, (i, p) => i)
            .GroupBy(i => i.Mode)
            .Select(g => new
            {
                Mode = g.Key,
                Before = g.Count(i => i.Date < began),
                During = g.Count(i => i.Date >= began && i.Date < ended),
                After = g.Count(i => i.Date >= ended),
            })
            .ToListAsync(cancellationToken);
        var modes = InterventionModes.All;
        var matrix = new int[modes.Count, Periods.Count];
        for (var m = 0; m < modes.Count; m++)
        {
            var row = counts.FirstOrDefault(c => c.Mode == modes[m]);
            matrix[m, 0] = row?.Before ?? 0;
            matrix[m, 1] = row?.During ?? 0;
            matrix[m, 2] = row?.After ?? 0;
        }

        var draft = Counts(
            summary.Id, summary.Title, summary.Description, "Mode", [.. modes.Select(m => new Level(m.ToString(), m.DisplayName()))], Periods, matrix,
            "All periods");
        draft.Note = "Counts are contacts (interventions), not people. Shares are of all contacts in the period.";
        return draft;
    }

    private async Task<TableDraft> CaseloadAsync(TableSummary summary, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(cancellationToken);
        var lotIds = await db.Lots.AsNoTracking().Select(l => l.Id).ToListAsync(cancellationToken);
        var start = await db.Programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => (DateOnly?)p.StartDate).FirstOrDefaultAsync(cancellationToken);
        var end = await dataset.FollowUpEndAsync(cancellationToken);
        var today = Formatting.TodayInLondon(clock);
        var from = start ?? rows.Select(r => (DateOnly?)r.RegisteredOn).Min() ?? today;
        var report = await new CaseloadQueries(db).GetAsync(new TrendScope("Whole programme", lotIds, null, from, end < from ? from : end), cancellationToken);
        var bandOf = report.Advisors.Where(a => a.AdvisorId is not null).ToDictionary(a => a.AdvisorId!.Value, a => CaseloadQueries.BandOf(a.AverageCaseload));
        var advisorsIn = bandOf.GroupBy(b => b.Value).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        const string none = "none";
        const string noCaseload = "None";
        string LevelOf(EvaluationRow row) => row.AdvisorId is { } id ? bandOf.GetValueOrDefault(id, noCaseload) : none;
        string Label(string band) => $"{band} ({advisorsIn.GetValueOrDefault(band):N0} advisors)";
        var levels = CaseloadQueries.BandLimits.Select(b => new Level(b.Name, Label(b.Name))).ToList();
        if (rows.Any(r => LevelOf(r) == noCaseload))
        {
            levels.Add(new Level(noCaseload, "No one on the caseload at any quarter end"));
        }

        levels.Add(new Level(none, CaseloadQueries.NoAdvisor));
        var draft = TableDraft.Rates(summary.Id, summary.Title, summary.Description, "Average caseload", levels, LevelOf, OutcomeColumns, rows);
        draft.Note = "An advisor's caseload is the average of their active caseloads at quarter ends (Performance's caseload page); participants count with their advisor now.";
        return draft;
    }

    private async Task<TableDraft> CostsAsync(TableSummary summary, CancellationToken cancellationToken)
    {
        var report = await performance.GetAsync(new PerformanceFilter(), cancellationToken);
        var money = report.Value?.Money ?? [];
        var draft = Empty(summary.Id, summary.Title, summary.Description, "Lot");
        draft.AddColumn("engaged", "Cost per engaged participant", CellKind.Cost);
        draft.AddColumn("jobOutcome", "Cost per job outcome", CellKind.Cost);
        draft.AddColumn("sustained13Weeks", "Cost per job sustained 13 weeks", CellKind.Cost);
        var perLot = money.Select(m => (Lot: m, Engaged: draft.Cell(m.Engaged), Jobs: draft.Cell(m.JobOutcomes), Sustained: draft.Cell(m.SustainedJobs))).ToList();
        var spent = money.Sum(m => m.Spent);
        var engaged = draft.Cell(money.Sum(m => m.Engaged));
        var jobs = draft.Cell(money.Sum(m => m.JobOutcomes));
        var sustained = draft.Cell(money.Sum(m => m.SustainedJobs));
        draft.Line(engaged, perLot.Select(p => p.Engaged));
        draft.Line(jobs, perLot.Select(p => p.Jobs));
        draft.Line(sustained, perLot.Select(p => p.Sustained));
        foreach (var (lot, e, j, s) in perLot)
        {
            draft.AddRow(lot.LotCode, $"{lot.LotName} ({lot.LotCode}), net spend {Formatting.Money(lot.Spent)}", false,
                [draft.CostCell(e, lot.CostPerEngaged), draft.CostCell(j, lot.CostPerJobOutcome), draft.CostCell(s, lot.CostPerSustainedJob)]);
        }

        draft.AddRow(TotalKey, $"Total, net spend {Formatting.Money(spent)}", true,
        [
            draft.CostCell(engaged, Domain.Performance.Rates.CostPer(spent, money.Sum(m => m.Engaged))),
            draft.CostCell(jobs, Domain.Performance.Rates.CostPer(spent, money.Sum(m => m.JobOutcomes))),
            draft.CostCell(sustained, Domain.Performance.Rates.CostPer(spent, money.Sum(m => m.SustainedJobs))),
        ]);
        draft.Note = "Net spend is payments made less recoveries, to date; outcomes are those achieved to date (Performance's figures). N is the number of outcomes.";
        return draft;
    }
}
