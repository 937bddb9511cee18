using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Charts;
using ConnectingCommunities.Web.Infrastructure.Exports;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingCommunities.Web.Features.Performance.Trends;

/// <summary>
/// Trends by month: a milestone's cumulative actual against the profile, registrations by cohort and
/// by recruitment channel, and contacts by delivery mode; each chart with its table and downloads
/// (?table=cumulative|cohorts|channels|channel-totals|modes&amp;format=csv|xlsx).
/// </summary>
public sealed class IndexModel(CcDbContext db, CurrentUser user, TimeProvider clock, PerformanceQueries performance) : PageModel
{
    // Made here rather than registered, so the feature's registration need not change.
    private readonly TrendQueries trends = new(db, user, clock);

    public const string Path = "/performance/trends";

    [BindProperty(SupportsGet = true, Name = "lotCode")]
    public string? LotCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "milestone")]
    public string? Milestone { get; set; }

    [BindProperty(SupportsGet = true, Name = "cohort")]
    public string? Cohort { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "table")]
    public string? Table { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public TrendScope? Scope { get; private set; }

    public Milestone ChosenMilestone { get; private set; } = Domain.Programme.Milestone.Engaged;

    public CumulativeTrend? Cumulative { get; private set; }

    public IReadOnlyList<ChartView> Charts { get; private set; } = [];

    public Chart? ChannelTotals { get; private set; }

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public static IReadOnlyList<Choice> MilestoneChoices { get; } =
        [.. Enum.GetValues<Milestone>().Select(m => new Choice(m.ToString(), m.DisplayName()))];

    public static IReadOnlyList<Choice> CohortChoices => PerformancePageModel.CohortChoices;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (lots, _, _) = await performance.OptionsAsync(cancellationToken);
        LotChoices = [.. lots.Select(l => new Choice(l.Value, l.Label))];
        var filter = PerformanceQueries.ParseFilter(From, To, LotCode, cohort: Cohort);
        var errors = filter.Errors ?? new FieldErrors();
        if (!string.IsNullOrWhiteSpace(Milestone))
        {
            if (Enum.TryParse<Milestone>(Milestone.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Milestone, out _))
            {
                ChosenMilestone = parsed;
            }
            else
            {
                errors.Add("milestone", "Choose a milestone from the list");
            }
        }

        if (errors.Any)
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        Scope = await trends.ScopeAsync(filter.Value!, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        if (Format is not null && !TableExport.IsFormat(Format))
        {
            return NotFound();
        }

        // A download computes only the table asked for.
        var wanted = Format is null ? null : Table;
        var charts = new List<ChartView>();
        if (wanted is null or "cumulative")
        {
            Cumulative = await trends.CumulativeAsync(Scope, ChosenMilestone, cancellationToken);
            charts.Add(new ChartView(CumulativeChart(Scope, Cumulative), DownloadLink("cumulative")));
        }

        if (wanted is null or "cohorts")
        {
            charts.Add(new ChartView(CohortChart(Scope, await trends.RegistrationsByCohortAsync(Scope, cancellationToken)), DownloadLink("cohorts")));
        }

        if (wanted is null or "channels" or "channel-totals")
        {
            var byChannel = await trends.RegistrationsByChannelAsync(Scope, cancellationToken);
            charts.Add(new ChartView(ChannelChart(Scope, byChannel), DownloadLink("channels")));
            ChannelTotals = ChannelTotalsTable(Scope, byChannel);
        }

        if (wanted is null or "modes")
        {
            charts.Add(new ChartView(ModeChart(Scope, await trends.InterventionsByModeAsync(Scope, cancellationToken)), DownloadLink("modes")));
        }

        Charts = charts;
        if (Format is null)
        {
            return Page();
        }

        var chart = Table == "channel-totals" ? ChannelTotals : charts.Select(c => c.Chart).FirstOrDefault(c => c.Id == $"trend-{Table}");
        if (chart is null)
        {
            return NotFound();
        }

        var file = TableExport.File(ChartExport.Table(chart, $"{Scope.Title}, {PeriodText(Scope)}"), Format, $"trends-{Table}-{Formatting.IsoDate(Scope.From)}-to-{Formatting.IsoDate(Scope.To)}");
        return File(file.Content, file.ContentType, file.FileName);
    }

    public static string PeriodText(TrendScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return $"{Formatting.Date(scope.From)} to {Formatting.Date(scope.To)}";
    }

    /// <summary>This page with the current filters and the given changes.</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["lotCode"] = LotCode,
            ["milestone"] = Milestone,
            ["cohort"] = Cohort,
            ["from"] = From,
            ["to"] = To,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return QueryHelpers.AddQueryString(Path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    private string DownloadLink(string table) => Link(("table", table));

    private static IReadOnlyList<ChartCategory> MonthCategories(TrendScope scope) =>
        [.. scope.Months.Select(m => new ChartCategory(m.ShortName, m.LongName))];

    private static string Scoped(TrendScope scope) =>
        scope.Cohort is { } cohort ? $"{scope.Title}, {cohort.DisplayName()} cohort" : scope.Title;

    private static string N(double value) => value.ToString("N0", Formatting.EnGb);

    private static Chart CumulativeChart(TrendScope scope, CumulativeTrend trend)
    {
        var name = trend.Milestone.DisplayName();
        var series = new List<ChartSeries> { new($"{name}: actual", [.. trend.CumulativeActual.Select(c => (double)c)]) };
        if (trend.Profile is not null)
        {
            series.Add(new ChartSeries("Profile in force", trend.Profile));
        }

        if (trend.OriginalProfile is not null)
        {
            series.Add(new ChartSeries("Original profile", trend.OriginalProfile));
        }

        var last = trend.Months.Count - 1;
        var description = last < 0
            ? "There are no months in the period."
            : trend.Profile is null
                ? $"{N(trend.CumulativeActual[last])} {name.ToLowerInvariant()} milestones achieved from {Formatting.Date(scope.From)} to {Formatting.Date(scope.To)}. "
                    + (scope.Cohort is null ? "No targets are set for this milestone." : "Targets are set per lot, not per cohort, so no profile is shown.")
                : $"By {trend.Months[last].LongName}, {N(trend.CumulativeActual[last])} {name.ToLowerInvariant()} milestones against a profile of {N(trend.Profile[last])}"
                    + (trend.Profile[last] > 0 ? $" ({(trend.CumulativeActual[last] / trend.Profile[last]).ToString("P0", Formatting.EnGb)} of profile)." : ".")
                    + (trend.OriginalProfile is null ? "" : $" Before the contract variations the profile would have been {N(trend.OriginalProfile[last])}.");
        return new Chart(
            "trend-cumulative", ChartKind.Line, $"{name}: cumulative actual against profile by month, {Scoped(scope)}", description,
            "Month", "Cumulative count", MonthCategories(scope), series);
    }

    private static Chart Stacked(TrendScope scope, string id, string title, string valueLabel, IReadOnlyList<MonthCount> counts, List<(string Key, string Name)> keys, string description)
    {
        var months = scope.Months;
        var series = keys.Select(k => new ChartSeries(k.Name, [.. months.Select(m => (double)counts.Where(c => c.Month == m && c.Key == k.Key).Sum(c => c.Count))]))
            .Where(s => s.Values.Any(v => v > 0) || keys.Count <= 5)
            .ToList();
        return new Chart(id, ChartKind.StackedBars, title, description, "Month", valueLabel, MonthCategories(scope), series);
    }

    private static string Busiest(IReadOnlyList<MonthCount> counts, string what)
    {
        var total = counts.Sum(c => c.Count);
        var busiest = counts.GroupBy(c => c.Month).Select(g => (Month: g.Key, Count: g.Sum(c => c.Count))).OrderByDescending(g => g.Count).FirstOrDefault();
        return total == 0 ? $"No {what} in the period." : $"{N(total)} {what} in the period; the most in one month was {N(busiest.Count)} in {busiest.Month.LongName}.";
    }

    private static Chart CohortChart(TrendScope scope, IReadOnlyList<MonthCount> counts)
    {
        var cohorts = scope.Cohort is { } only ? [only] : new[] { Domain.Programme.Cohort.HardestToHelp, Domain.Programme.Cohort.HarderToReach, Domain.Programme.Cohort.RapidProgression, Domain.Programme.Cohort.Employed };
        var shares = string.Join(", ", cohorts.Select(c =>
        {
            var total = counts.Sum(x => x.Count);
            var share = total == 0 ? 0 : (double)counts.Where(x => x.Key == c.ToString()).Sum(x => x.Count) / total;
            return $"{c.DisplayName()} {share.ToString("P0", Formatting.EnGb)}";
        }));
        return Stacked(scope, "trend-cohorts", $"New registrations per month by cohort, {Scoped(scope)}", "Participants registered", counts,
            [.. cohorts.Select(c => (c.ToString(), c.DisplayName()))], Busiest(counts, "participants registered") + (counts.Count == 0 ? "" : $" By cohort: {shares}."));
    }

    /// <summary>Channels are charted by their group (five segments stay legible); the table of channels is under the chart.</summary>
    private static Chart ChannelChart(TrendScope scope, IReadOnlyList<MonthCount> counts)
    {
        var byGroup = counts.Select(c => c with { Key = RecruitmentChannels.Find(c.Key)?.Group.Code ?? TrendQueries.NotRecorded }).ToList();
        var keys = RecruitmentChannels.Groups.Select(g => (g.Code, g.DisplayName)).ToList();
        if (byGroup.Any(c => c.Key == TrendQueries.NotRecorded))
        {
            keys.Add((TrendQueries.NotRecorded, TrendQueries.NotRecorded));
        }

        return Stacked(scope, "trend-channels", $"New registrations per month by recruitment channel, {Scoped(scope)}", "Participants registered", byGroup, keys,
            Busiest(counts, "participants registered") + " Channels are grouped: publicity, referral, outreach, word of mouth or self-referral, and other; the table below the chart gives each channel.");
    }

    private static Chart ChannelTotalsTable(TrendScope scope, IReadOnlyList<MonthCount> counts)
    {
        var channels = RecruitmentChannels.All.Select(c => (c.Code, Name: $"{c.DisplayName} ({c.Group.DisplayName.ToLowerInvariant()})")).ToList();
        if (counts.Any(c => c.Key == TrendQueries.NotRecorded))
        {
            channels.Add((TrendQueries.NotRecorded, TrendQueries.NotRecorded));
        }

        // One "category" per channel and a single series: the same table partial and export serve it.
        return new Chart(
            "trend-channel-totals", ChartKind.GroupedBars, $"Registrations by recruitment channel, {Scoped(scope)}, {PeriodText(scope)}",
            "Participants registered in the period by each recruitment channel.", "Recruitment channel", "Participants registered",
            [.. channels.Select(c => new ChartCategory(c.Name, c.Name))],
            [new ChartSeries("Participants registered", [.. channels.Select(c => (double)counts.Where(x => x.Key == c.Code).Sum(x => x.Count))])]);
    }

    private static Chart ModeChart(TrendScope scope, IReadOnlyList<MonthCount> counts)
    {
        var covid = new DateOnly(2020, 3, 1);
        string Share(Func<Month, bool> when)
        {
            var all = counts.Where(c => when(c.Month)).Sum(c => c.Count);
            var face = counts.Where(c => when(c.Month) && c.Key == nameof(InterventionMode.FaceToFace)).Sum(c => c.Count);
            return all == 0 ? "none" : ((double)face / all).ToString("P0", Formatting.EnGb);
        }

        var description = Busiest(counts, "contacts")
            + $" Face to face was {Share(m => m.Start < covid)} of contacts before March 2020 and {Share(m => m.Start >= covid)} from March 2020, when the Covid-19 restrictions moved support to telephone, video and online messages.";
        return Stacked(scope, "trend-modes", $"Contacts per month by delivery mode, {Scoped(scope)}", "Contacts", counts,
            [.. TrendQueries.Modes.Select(m => (m.ToString(), m.DisplayName()))], description);
    }
}
