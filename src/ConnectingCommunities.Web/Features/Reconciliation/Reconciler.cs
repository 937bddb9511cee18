using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Reconciliation;

/// <summary>The "Reconciliation" configuration section.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>
    /// How many days a claim line's milestone date may differ from the provider's record and still
    /// count as matched: a date corrected by a few days after the claim (a payslip showing the real
    /// first day) is not worth a query. Beyond it the line is a date mismatch.
    /// </summary>
    public int DateToleranceDays { get; set; } = 7;
}

/// <summary>Why a claim line and the provider's record disagree.</summary>
public enum MismatchKind
{
    /// <summary>The milestone dates differ by more than the tolerance.</summary>
    Date = 1,

    /// <summary>The cohort claimed (which sets the tariff) is not the participant's cohort.</summary>
    Cohort = 2,

    /// <summary>Both the date (beyond the tolerance) and the cohort differ.</summary>
    DateAndCohort = 3,
}

/// <summary>
/// One row of a reconciliation: a claim line and the provider's record of the same milestone, or
/// one of them alone. Dates and cohorts are null on the side that has no record.
/// </summary>
public sealed record ReconciliationItem
{
    public Guid ParticipantId { get; init; }
    public required string ParticipantReference { get; init; }
    public Milestone Milestone { get; init; }

    /// <summary>The milestone date in the provider's records (management information).</summary>
    public DateOnly? MiDate { get; init; }

    /// <summary>The milestone date on the claim line.</summary>
    public DateOnly? ClaimDate { get; init; }

    /// <summary>The participant's cohort in the provider's records.</summary>
    public Cohort? MiCohort { get; init; }

    /// <summary>The cohort the line was claimed at.</summary>
    public Cohort? ClaimCohort { get; init; }
    public Guid? ClaimId { get; init; }
    public string? ClaimReference { get; init; }
    public Guid? ClaimLineId { get; init; }
    public ClaimLineStatus? ClaimLineStatus { get; init; }
    public decimal? Amount { get; init; }

    /// <summary>Days from the claim date to the MI date (positive when the MI date is later); null when one side is missing.</summary>
    public int? DaysApart { get; init; }
    public MismatchKind? Mismatch { get; init; }

    /// <summary>"Imported" when the record the milestone rests on came from a provider's file, else "Recorded on the platform".</summary>
    public string? MiSource { get; init; }

    /// <summary>The provider's own identifier of that record, when it was imported.</summary>
    public string? ExternalId { get; init; }

    /// <summary>In plain English: why the row is in its category.</summary>
    public required string Explanation { get; init; }
}

/// <summary>Management information against the claim lines of one lot and one claim period.</summary>
public sealed record ReconciliationView
{
    public required string LotCode { get; init; }
    public required string LotName { get; init; }
    public required string Period { get; init; }
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public int ToleranceDays { get; init; }

    /// <summary>How many claim lines of the period match the provider's records (within the tolerance, same cohort).</summary>
    public int Matched { get; init; }

    /// <summary>The matched lines themselves.</summary>
    public IReadOnlyList<ReconciliationItem> MatchedLines { get; init; } = [];

    /// <summary>Milestones achieved in the period in the provider's records that no claim up to the period claimed.</summary>
    public IReadOnlyList<ReconciliationItem> Unclaimed { get; init; } = [];

    /// <summary>Claim lines of the period with no record of the milestone for the participant in the lot.</summary>
    public IReadOnlyList<ReconciliationItem> ClaimedWithoutMi { get; init; } = [];

    /// <summary>Claim lines whose milestone is on record but with a date beyond the tolerance or another cohort.</summary>
    public IReadOnlyList<ReconciliationItem> Mismatched { get; init; } = [];
}

/// <summary>
/// Matches the provider's records of outcomes (management information: the milestones recorded for
/// the lot's participants, typed on the platform or imported) to the lines of the lot's claims for a
/// period. The definitions are in docs/RECONCILIATION.md and on the page.
/// </summary>
public sealed class Reconciler(CcDbContext db, CurrentUser user, ReconciliationOptions options)
{
    public const string ImportedSource = "Imported";
    public const string PlatformSource = "Recorded on the platform";

    public int ToleranceDays => Math.Max(0, options.DateToleranceDays);

    /// <summary>The lots the user may reconcile: every lot for commissioners, their own for provider managers.</summary>
    public async Task<IReadOnlyList<Lot>> LotsAsync(CancellationToken cancellationToken = default) =>
        await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking().OrderBy(l => l.Code).ToListAsync(cancellationToken);

    /// <summary>The claim periods of the programme up to today, latest first.</summary>
    public async Task<IReadOnlyList<ClaimPeriod>> PeriodsAsync(TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var programme = await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return [];
        }

        var today = Formatting.TodayInLondon(clock);
        var last = ClaimPeriod.Of(programme.EndDate < today ? programme.EndDate : today);
        var periods = new List<ClaimPeriod>();
        for (var month = ClaimPeriod.Of(programme.StartDate); month.Start <= last.Start; month = ClaimPeriod.Of(month.Start.AddMonths(1)))
        {
            periods.Add(month);
        }

        periods.Reverse();
        return periods;
    }

    /// <summary>
    /// The reconciliation of a lot and period. Invalid names the field (lotCode, period) when missing or
    /// malformed; NotFound when the lot does not exist or is another provider's (never revealed).
    /// </summary>
    public async Task<Result<ReconciliationView>> ReconcileAsync(string? lotCode, string? period, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var code = lotCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("lotCode", "Enter the code of the lot to reconcile, like WH");
        }

        if (string.IsNullOrWhiteSpace(period))
        {
            errors.Add("period", "Enter the claim period as a year and month in the form yyyy-MM, like 2021-04");
        }
        else if (!ClaimPeriod.TryParse(period, out _))
        {
            errors.Add("period", "Enter the claim period as a year and month in the form yyyy-MM, like 2021-04");
        }

        if (errors.Any)
        {
            return Result<ReconciliationView>.Invalid(errors);
        }

        var month = ClaimPeriod.Parse(period!);
        var lot = await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking().FirstOrDefaultAsync(l => l.Code == code, cancellationToken);
        if (lot is null)
        {
            return Result<ReconciliationView>.NotFound();
        }

        return Result<ReconciliationView>.Ok(await BuildAsync(lot, month, cancellationToken));
    }

    private async Task<ReconciliationView> BuildAsync(Lot lot, ClaimPeriod month, CancellationToken cancellationToken)
    {
        var text = month.ToString();
        var start = month.Start;
        var end = month.End;

        // Held lines failed validation and are not a claim of their milestone (the claims feature claims
        // the milestone again later), so they are left out on both sides.
        var lines = await (
                from l in db.ClaimLines
                join c in db.Claims on l.ClaimId equals c.Id
                where c.LotId == lot.Id && c.Period == text && l.Status != Domain.Claims.ClaimLineStatus.Held
                select new LineRow(l.Id, c.Id, c.Reference, l.ParticipantId, l.ParticipantReference, l.Milestone, l.MilestoneDate, l.Cohort, l.Status, l.Amount))
            .AsNoTracking().ToListAsync(cancellationToken);
        var lineParticipants = lines.Select(l => l.ParticipantId).Distinct().ToList();

        // MI: milestones of the lot's participants achieved in the month, and those of anyone on the period's lines.
        var mi = await (
                from m in db.ParticipantMilestones
                join p in db.Participants on m.ParticipantId equals p.Id
                where p.LotId == lot.Id && ((m.AchievedOn >= start && m.AchievedOn <= end) || lineParticipants.Contains(m.ParticipantId))
                select new MiRow(m.ParticipantId, p.Reference, m.Milestone, m.AchievedOn, p.Cohort))
            .AsNoTracking().ToListAsync(cancellationToken);
        var miByKey = mi.ToDictionary(m => (m.ParticipantId, m.Milestone));

        // Claimed up to the period: any claim of the lot for this month or an earlier one, held lines aside.
        var inMonth = mi.Where(m => m.AchievedOn >= start && m.AchievedOn <= end).ToList();
        var inMonthParticipants = inMonth.Select(m => m.ParticipantId).Distinct().ToList();
        var claimedBefore = (await (
                from l in db.ClaimLines
                join c in db.Claims on l.ClaimId equals c.Id
                where c.LotId == lot.Id && c.PeriodEnd <= end && l.Status != Domain.Claims.ClaimLineStatus.Held
                    && inMonthParticipants.Contains(l.ParticipantId)
                select new { l.ParticipantId, l.Milestone })
            .AsNoTracking().ToListAsync(cancellationToken))
            .Select(l => (l.ParticipantId, l.Milestone)).ToHashSet();

        var sources = await SourcesAsync(lot.Id, [.. mi.Select(m => m.ParticipantId).Distinct()], cancellationToken);
        var tolerance = ToleranceDays;
        var matched = new List<ReconciliationItem>();
        var withoutMi = new List<ReconciliationItem>();
        var mismatched = new List<ReconciliationItem>();
        foreach (var line in lines.OrderBy(l => l.ParticipantReference).ThenBy(l => l.Milestone))
        {
            if (!miByKey.TryGetValue((line.ParticipantId, line.Milestone), out var record))
            {
                withoutMi.Add(Item(line, null, null, null,
                    $"No {line.Milestone.DisplayName().ToLowerInvariant()} milestone is on record for {line.ParticipantReference} in {lot.Code}: "
                    + "the record it rested on was withdrawn or changed after the claim, or was never sent"));
                continue;
            }

            var days = record.AchievedOn.DayNumber - line.MilestoneDate.DayNumber;
            var dateOff = Math.Abs(days) > tolerance;
            var cohortOff = record.Cohort != line.Cohort;
            sources.TryGetValue((record.ParticipantId, record.Milestone, record.AchievedOn), out var source);
            if (!dateOff && !cohortOff)
            {
                matched.Add(Item(line, record, source, null, days == 0
                    ? "Same milestone, date and cohort"
                    : $"Same milestone and cohort; the dates are {Math.Abs(days)} {Days(days)} apart, within the {tolerance}-day tolerance"));
                continue;
            }

            var kind = dateOff && cohortOff ? MismatchKind.DateAndCohort : dateOff ? MismatchKind.Date : MismatchKind.Cohort;
            var why = new List<string>();
            if (dateOff)
            {
                why.Add($"the provider's record dates the milestone {Formatting.Date(record.AchievedOn)}, {Math.Abs(days)} {Days(days)} "
                    + $"{(days > 0 ? "after" : "before")} the claim's {Formatting.Date(line.MilestoneDate)} (tolerance {tolerance} days)");
            }

            if (cohortOff)
            {
                why.Add($"claimed at the {line.Cohort.DisplayName()} cohort but the participant's cohort is {record.Cohort.DisplayName()}");
            }

            mismatched.Add(Item(line, record, source, kind, char.ToUpperInvariant(why[0][0]) + string.Join("; ", why)[1..]));
        }

        var unclaimed = inMonth
            .Where(m => !claimedBefore.Contains((m.ParticipantId, m.Milestone)) && !lines.Any(l => l.ParticipantId == m.ParticipantId && l.Milestone == m.Milestone))
            .OrderBy(m => m.AchievedOn).ThenBy(m => m.Reference).ThenBy(m => m.Milestone)
            .Select(m =>
            {
                sources.TryGetValue((m.ParticipantId, m.Milestone, m.AchievedOn), out var source);
                return new ReconciliationItem
                {
                    ParticipantId = m.ParticipantId,
                    ParticipantReference = m.Reference,
                    Milestone = m.Milestone,
                    MiDate = m.AchievedOn,
                    MiCohort = m.Cohort,
                    MiSource = source is null ? PlatformSource : ImportedSource,
                    ExternalId = source,
                    Explanation = $"Achieved on {Formatting.Date(m.AchievedOn)} but on no claim of {lot.Code} up to {ClaimPeriodName(month)}",
                };
            })
            .ToList();

        return new ReconciliationView
        {
            LotCode = lot.Code,
            LotName = lot.Name,
            Period = text,
            PeriodStart = start,
            PeriodEnd = end,
            ToleranceDays = tolerance,
            Matched = matched.Count,
            MatchedLines = matched,
            Unclaimed = unclaimed,
            ClaimedWithoutMi = withoutMi,
            Mismatched = mismatched,
        };
    }

    public static string ClaimPeriodName(ClaimPeriod period) => period.Start.ToString("MMMM yyyy", Formatting.EnGb);

    private static string Days(int days) => Math.Abs(days) == 1 ? "day" : "days";

    private static ReconciliationItem Item(LineRow line, MiRow? record, string? externalId, MismatchKind? kind, string explanation) => new()
    {
        ParticipantId = line.ParticipantId,
        ParticipantReference = line.ParticipantReference,
        Milestone = line.Milestone,
        MiDate = record?.AchievedOn,
        ClaimDate = line.MilestoneDate,
        MiCohort = record?.Cohort,
        ClaimCohort = line.Cohort,
        ClaimId = line.ClaimId,
        ClaimReference = line.ClaimReference,
        ClaimLineId = line.Id,
        ClaimLineStatus = line.Status,
        Amount = line.Amount,
        DaysApart = record is null ? null : record.AchievedOn.DayNumber - line.MilestoneDate.DayNumber,
        Mismatch = kind,
        MiSource = record is null ? null : externalId is null ? PlatformSource : ImportedSource,
        ExternalId = externalId,
        Explanation = explanation,
    };

    /// <summary>
    /// The provider's identifier (ExternalRecord) of the record each milestone rests on, when it was imported:
    /// the job start for a job outcome, the sustainment check for a sustainment milestone, the progression for
    /// a progression and the meaningful contact that reached the threshold for engagement. Keyed by
    /// participant, milestone and date, since a milestone rests on the record of its date.
    /// </summary>
    private async Task<Dictionary<(Guid, Milestone, DateOnly), string>> SourcesAsync(Guid lotId, List<Guid> participants, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(Guid, Milestone, DateOnly), string>();
        if (participants.Count == 0 || !await db.ExternalRecords.AnyAsync(e => e.LotId == lotId, cancellationToken))
        {
            return result;
        }

        var records = new List<(Guid Participant, Milestone Milestone, DateOnly On, Guid Entity)>();
        records.AddRange((await db.JobStarts.AsNoTracking().Where(j => participants.Contains(j.ParticipantId))
                .Select(j => new { j.ParticipantId, j.StartDate, j.Id }).ToListAsync(cancellationToken))
            .Select(j => (j.ParticipantId, Milestone.JobOutcome, j.StartDate, j.Id)));
        records.AddRange((await db.SustainmentChecks.AsNoTracking().Where(s => participants.Contains(s.ParticipantId) && s.Result == SustainmentCheckResult.InWork)
                .Select(s => new { s.ParticipantId, s.Milestone, s.DueOn, s.Id }).ToListAsync(cancellationToken))
            .Select(s => (s.ParticipantId, s.Milestone, s.DueOn, s.Id)));
        records.AddRange((await db.ProgressionRecords.AsNoTracking().Where(p => participants.Contains(p.ParticipantId))
                .Select(p => new { p.ParticipantId, p.ChangedOn, p.Id }).ToListAsync(cancellationToken))
            .Select(p => (p.ParticipantId, Milestone.Progression, p.ChangedOn, p.Id)));
        records.AddRange((await db.Interventions.AsNoTracking().Where(i => participants.Contains(i.ParticipantId) && i.IsMeaningful)
                .Select(i => new { i.ParticipantId, i.Date, i.Id }).ToListAsync(cancellationToken))
            .Select(i => (i.ParticipantId, Milestone.Engaged, i.Date, i.Id)));
        var ids = records.Select(r => r.Entity).ToList();
        var external = await db.ExternalRecords.AsNoTracking().Where(e => e.LotId == lotId && ids.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.ExternalId }).ToListAsync(cancellationToken);
        var byEntity = external.GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => g.First().ExternalId);
        foreach (var record in records)
        {
            if (byEntity.TryGetValue(record.Entity, out var externalId))
            {
                result.TryAdd((record.Participant, record.Milestone, record.On), externalId);
            }
        }

        return result;
    }

    private sealed record LineRow(
        Guid Id, Guid ClaimId, string ClaimReference, Guid ParticipantId, string ParticipantReference, Milestone Milestone,
        DateOnly MilestoneDate, Cohort Cohort, ClaimLineStatus Status, decimal Amount);

    private sealed record MiRow(Guid ParticipantId, string Reference, Milestone Milestone, DateOnly AchievedOn, Cohort Cohort);
}

/// <summary>One table of the reconciliation page.</summary>
public sealed record ReconciliationSection(
    string Id, string Title, string Empty, IReadOnlyList<ReconciliationItem> Items, bool CanQuery, ReconciliationView View);
