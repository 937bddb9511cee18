using ConnectingCommunities.Domain.Performance;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>
/// Every table of the performance pages as an export: the same rows the page shows, so a CSV or
/// XLSX file always matches the screen. The names are the ?table= values of the download links.
/// </summary>
public static class PerformanceTables
{
    public const string Milestones = "milestones";
    public const string Rates = "rates";
    public const string Lots = "lots";
    public const string Money = "money";
    public const string Reach = "reach";
    public const string Profile = "profile";

    public static readonly IReadOnlyList<string> ReportTables = [Milestones, Rates, Lots, Money, Reach];

    public static string RagName(Rag rag) => rag switch
    {
        Rag.Green => "Green",
        Rag.Amber => "Amber",
        Rag.Red => "Red",
        _ => "No target",
    };

    /// <summary>The GOV.UK tag colour of a status; the tag's text always names it, so colour is never the only cue.</summary>
    public static string RagTag(Rag rag) => rag switch
    {
        Rag.Green => "govuk-tag--green",
        Rag.Amber => "govuk-tag--yellow",
        Rag.Red => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string Percent(decimal? fraction) =>
        fraction is { } f ? (f * 100m).ToString("0.#", Formatting.EnGb) + "%" : "Not available";

    public static string Description(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cohort = report.Filter.Cohort is { } c ? $", {c.DisplayName()} cohort" : "";
        return $"{report.Scope}{cohort}: {Formatting.Date(report.From)} to {Formatting.Date(report.To)}";
    }

    /// <summary>The named table of a report; null for a name that is not one.</summary>
    public static ExportTable? For(PerformanceReport report, string? name)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = name switch
        {
            Milestones => MilestoneTable(report),
            Rates => RateTable(report),
            Lots => LotTable(report),
            Money => MoneyTable(report),
            Reach => ReachTable(report),
            _ => null,
        };
        return table is null ? null : table with { Description = Description(report) };
    }

    public static ExportTable MilestoneTable(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ExportTable(
            "Milestones against target",
            [
                new("Milestone"), new("Actual", ColumnKind.Number), new("Target", ColumnKind.Number),
                new("Percent of target", ColumnKind.Percent), new("Status"),
            ],
            [.. report.Milestones.Select(m => (IReadOnlyList<object?>)[m.Milestone.DisplayName(), m.Actual, m.Target, m.PercentOfTarget, RagName(m.Rag)])]);
    }

    /// <summary>Every rate in one table: what it is of, the count, the number it is out of, and the rate.</summary>
    public static IReadOnlyList<(string Group, RateFigure Rate)> AllRates(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            ("Engagement rate (engaged / registered)", report.EngagementRate),
            ("Job outcome rate (out-of-work participants)", report.JobOutcomeRate),
            .. report.JobOutcomeRateByCohort.Select(r => ("Job outcome rate by cohort", r)),
            .. report.JobOutcomeRateByLot.Select(r => ("Job outcome rate by lot", r)),
            .. report.JobOutcomeRateByProvider.Select(r => ("Job outcome rate by provider", r)),
            .. report.SustainmentRates.Select(r => ("Sustainment rate (sustained / job outcomes)", r)),
        ];
    }

    public static ExportTable RateTable(PerformanceReport report) => new(
        "Rates",
        [new("Rate"), new("Of"), new("Count", ColumnKind.Number), new("Out of", ColumnKind.Number), new("Rate", ColumnKind.Percent)],
        [.. AllRates(report).Select(r => (IReadOnlyList<object?>)[r.Group, r.Rate.Label, r.Rate.Count, r.Rate.Of, r.Rate.Rate])]);

    public static ExportTable LotTable(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var milestones = Enum.GetValues<Milestone>();
        return new ExportTable(
            "Milestones by lot",
            [
                new("Lot"), new("Registered", ColumnKind.Number),
                .. milestones.SelectMany(m => new ExportColumn[]
                {
                    new($"{m.DisplayName()}: actual", ColumnKind.Number), new($"{m.DisplayName()}: target", ColumnKind.Number),
                    new($"{m.DisplayName()}: percent of target", ColumnKind.Percent), new($"{m.DisplayName()}: status"),
                }),
            ],
            [.. report.Lots.Select(l => (IReadOnlyList<object?>)
            [
                $"{l.LotName} ({l.LotCode})", l.Registered,
                .. l.Milestones.SelectMany(m => new object?[] { m.Actual, m.Target, m.PercentOfTarget, RagName(m.Rag) }),
            ])]);
    }

    public static ExportTable MoneyTable(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ExportTable(
            "Money by lot",
            [
                new("Lot"), new("Value", ColumnKind.Money), new("Paid", ColumnKind.Money), new("Recovered", ColumnKind.Money),
                new("Spent", ColumnKind.Money), new("Approved, not yet paid", ColumnKind.Money), new("Pending decision", ColumnKind.Money),
                new("Remaining", ColumnKind.Money), new("Cost per engaged participant", ColumnKind.Money),
                new("Cost per job outcome", ColumnKind.Money), new("Cost per sustained job", ColumnKind.Money),
            ],
            [.. report.Money.Select(m => (IReadOnlyList<object?>)
            [
                $"{m.LotName} ({m.LotCode})", m.Value, m.Paid, m.Recovered, m.Spent, m.Approved, m.Pending, m.Remaining,
                m.CostPerEngaged, m.CostPerJobOutcome, m.CostPerSustainedJob,
            ])]);
    }

    public static ExportTable ReachTable(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ExportTable(
            "Reach by lot",
            [
                new("Lot"), new("Postcode districts"), new("Participants", ColumnKind.Number),
                new("Working-age residents", ColumnKind.Number), new("Participants per 1,000 residents", ColumnKind.Number),
            ],
            [.. report.Reach.Select(r => (IReadOnlyList<object?>)
            [
                $"{r.LotName} ({r.LotCode})", string.Join(" ", r.Districts), r.Participants, r.WorkingAgePopulation, r.PerThousand,
            ])]);
    }

    public static ExportTable ProfileTable(LotProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ExportTable(
            $"{profile.LotCode} {profile.Milestone.DisplayName()} profile",
            [
                new("Quarter"), new("Original target", ColumnKind.Number), new("Target in force", ColumnKind.Number), new("Varied from"),
                new("Reason"), new("Cumulative target", ColumnKind.Number), new("Actual", ColumnKind.Number), new("Cumulative actual", ColumnKind.Number),
            ],
            [.. profile.Quarters.Select(q => (IReadOnlyList<object?>)
            [
                q.Quarter.ToString(), q.Original, q.Target, q.Varied ? q.EffectiveFrom : null, q.Varied ? q.Reason ?? "" : "",
                q.CumulativeTarget, q.Actual, q.CumulativeActual,
            ])])
        {
            Description = $"{profile.LotName} ({profile.LotCode}): {profile.Milestone.DisplayName()} targets by quarter, original and as varied",
        };
    }
}
