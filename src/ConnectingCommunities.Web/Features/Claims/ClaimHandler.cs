using System.Security.Cryptography;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.SetUp.Tariffs;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>
/// Claims from a provider manager's draft to the commissioner's decision on every line. Each
/// command is one save, so one transaction; races are settled by the database (one draft per lot
/// and period, one live line per milestone, version tokens on claims and lines) and the loser
/// re-reads and answers with what won rather than writing twice.
/// </summary>
public sealed class ClaimHandler(
    CcDbContext db, ClaimAccess access, ClaimFactsLoader facts, ClaimQueries queries, CurrentUser user, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;
    private const int Attempts = 3;
    private const string PeriodForm = "Enter the period as a year and month in the form yyyy-MM, like 2021-04";

    public static IReadOnlyList<string> DecisionNames { get; } = [.. Enum.GetValues<ClaimDecision>().Select(d => d.ToString())];

    /// <summary>
    /// Makes the lot's draft claim for the period from every achieved, unclaimed milestone up to its last
    /// day, each line validated; or gives back the draft already made for that lot and period.
    /// </summary>
    public async Task<ClaimResult<ClaimView>> CreateAsync(ClaimInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var code = input.LotCode?.Trim().ToUpperInvariant();
        Lot? lot = null;
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("lotCode", "Enter the code of the lot to claim for, like WH");
        }
        else
        {
            // Another lot's code is answered exactly as an unknown one, so the reply reveals nothing.
            lot = (await access.LotsAsync(cancellationToken)).FirstOrDefault(l => l.Code == code);
            if (lot is null)
            {
                errors.Add("lotCode", "There is no lot with that code that you can claim for: enter the code of a lot you manage, like WH");
            }
        }

        var programme = lot is null
            ? await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate).FirstOrDefaultAsync(cancellationToken)
            : await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == lot.ProgrammeId, cancellationToken);
        var period = ReadPeriod(input.Period, programme, errors);
        if (errors.Any || lot is null || programme is null || period is not { } month)
        {
            return ClaimResult<ClaimView>.Invalid(errors.Any ? errors : errors.Add("period", "Set up the programme before making claims"));
        }

        if (await DraftIdAsync(lot.Id, month, cancellationToken) is { } draftId)
        {
            return ClaimResult<ClaimView>.Ok((await queries.FindAsync(draftId, cancellationToken))!);
        }

        var contracts = await db.Contracts.AsNoTracking().Where(c => c.LotId == lot.Id).ToListAsync(cancellationToken);
        // The provider claiming is the one holding the lot's contract at the period's end, or the latest to have started by then.
        var holder = contracts.FirstOrDefault(c => c.Period.Contains(month.End))
            ?? contracts.Where(c => c.StartDate <= month.End).OrderByDescending(c => c.StartDate).FirstOrDefault();
        if (holder is null)
        {
            return ClaimResult<ClaimView>.Invalid("period", $"No contract for {lot.Code} had started by {Formatting.Date(month.End)}, so there is no provider to claim");
        }

        for (var attempt = 1; ; attempt++)
        {
            var claim = await BuildAsync(lot, programme, holder, month, cancellationToken);
            if (claim is null)
            {
                return ClaimResult<ClaimView>.Invalid(
                    "period", $"There are no achieved, unclaimed milestones for {lot.Code} up to {Formatting.Date(month.End)}");
            }

            db.Claims.Add(claim);
            if (await db.SavedWithoutConflictAsync(cancellationToken))
            {
                return ClaimResult<ClaimView>.Created((await queries.FindAsync(claim.Id, cancellationToken))!);
            }

            // Someone made the same draft at the same moment (a double click, a retry): answer with theirs.
            // Otherwise another claim of the lot took some of these milestones first: build again without them.
            db.ChangeTracker.Clear();
            if (await DraftIdAsync(lot.Id, month, cancellationToken) is { } racedId)
            {
                return ClaimResult<ClaimView>.Ok((await queries.FindAsync(racedId, cancellationToken))!);
            }

            if (attempt == Attempts)
            {
                return ClaimResult<ClaimView>.Conflict("Another claim for this lot was being made at the same moment. Try again.");
            }
        }
    }

    /// <summary>
    /// Submits a draft: every draft and held line is validated again (facts may have changed since
    /// the draft was made), passing lines are submitted and the rest held, and lines are picked for
    /// audit. A claim already submitted is given back unchanged, so a double click submits once.
    /// </summary>
    public async Task<ClaimResult<ClaimView>> SubmitAsync(Guid id, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var claim = await (await access.VisibleAsync(cancellationToken)).Include(c => c.Lines)
                .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (claim is null)
            {
                return ClaimResult<ClaimView>.NotFound();
            }

            if (claim.Status != ClaimStatus.Draft)
            {
                return ClaimResult<ClaimView>.Ok((await queries.FindAsync(id, cancellationToken))!);
            }

            var (lot, programme) = await LotAndProgrammeAsync(claim.LotId, cancellationToken);
            var open = claim.Lines.Where(l => l.Status is ClaimLineStatus.Draft or ClaimLineStatus.Held).ToList();
            await RefreshHeldLinesAsync(claim, open, programme, cancellationToken);
            await ValidateAsync(lot, programme, db.ClaimLines.Where(l => l.ClaimId == id).Select(l => l.ParticipantId), open, ClaimLineStatus.Submitted, cancellationToken);

            var submitted = claim.Lines.Where(l => l.Status == ClaimLineStatus.Submitted).ToList();
            var flagged = await db.Providers.AsNoTracking().Where(p => p.FlaggedForAudit).Select(p => p.Id).ToListAsync(cancellationToken);
            var policy = new AuditSamplePolicy(programme.AuditSamplePercentage, programme.AuditAllAboveAmount, flagged.ToHashSet());
            var seed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var picked = AuditSampling.Select(submitted.Select(l => new AuditCandidate(l.Id, l.ProviderId, l.Amount)), policy, seed);
            foreach (var line in submitted)
            {
                line.AuditSelection = picked.TryGetValue(line.Id, out var reason) ? reason : null;
            }

            // A claim whose every line is held has nothing for the commissioner: it is complete at once.
            claim.Status = submitted.Count > 0 ? ClaimStatus.Submitted : ClaimStatus.Completed;
            claim.SubmittedById = user.UserId;
            claim.SubmittedAt = clock.GetUtcNow();
            claim.AuditSeed = seed;
            if (await db.SavedWithoutConflictAsync(cancellationToken))
            {
                return ClaimResult<ClaimView>.Ok((await queries.FindAsync(id, cancellationToken))!);
            }

            // Another submission of the same claim won (two clicks, two tabs): the next pass finds it submitted.
            db.ChangeTracker.Clear();
            if (attempt == Attempts)
            {
                return ClaimResult<ClaimView>.Conflict("The claim changed while it was being submitted. Reload it and submit again.");
            }
        }
    }

    /// <summary>The commissioner's decision on one submitted line: approve, reject (with a reason) or return for correction (with a reason).</summary>
    public async Task<ClaimResult<ClaimView>> DecideAsync(Guid claimId, Guid lineId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        ClaimDecision? decision = null;
        if (string.IsNullOrWhiteSpace(input.Decision))
        {
            errors.Add("decision", $"Choose a decision: {string.Join(", ", DecisionNames)}");
        }
        else if (ProgrammeChoices.TryParse<ClaimDecision>(input.Decision, out var parsed))
        {
            decision = parsed;
        }
        else
        {
            errors.Add("decision", $"The decision must be one of {string.Join(", ", DecisionNames)}");
        }

        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);
        for (var attempt = 1; ; attempt++)
        {
            var claim = await (await access.VisibleAsync(cancellationToken)).FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
            var line = claim is null ? null : await db.ClaimLines.FirstOrDefaultAsync(l => l.Id == lineId && l.ClaimId == claimId, cancellationToken);
            if (claim is null || line is null)
            {
                return ClaimResult<ClaimView>.NotFound();
            }

            if (errors.Any || decision is not { } chosen)
            {
                return ClaimResult<ClaimView>.Invalid(errors);
            }

            var refusals = ClaimDecisions.Check(line.Status, chosen, Key(claim.SubmittedById), Key(user.UserId), input.Reason);
            if (refusals.Contains(ClaimDecisionRefusal.NotAwaitingDecision))
            {
                return ClaimResult<ClaimView>.Conflict(await NotAwaitingAsync(line, first: false, cancellationToken));
            }

            if (refusals.Contains(ClaimDecisionRefusal.SubmitterCannotDecide))
            {
                return ClaimResult<ClaimView>.Forbidden(SubmitterCannotDecide);
            }

            if (refusals.Contains(ClaimDecisionRefusal.ReasonRequired))
            {
                return ClaimResult<ClaimView>.Invalid("reason", chosen == ClaimDecision.Reject
                    ? "Enter why the line is rejected, so the provider knows what was wrong"
                    : "Enter what the provider must correct before they resubmit the line");
            }

            Decide(line, chosen, input.Reason);
            user.Reason = Clean(input.Reason);
            await SettleAsync(claim, [line.Id], linesLoaded: false, cancellationToken);
            if (await db.SavedWithoutConflictAsync(cancellationToken))
            {
                return ClaimResult<ClaimView>.Ok((await queries.FindAsync(claimId, cancellationToken))!);
            }

            // Lost a race. If it was for this line, say who won; if another line of the claim was decided at
            // the same moment, nothing of ours was taken, so decide again on what is there now.
            db.ChangeTracker.Clear();
            var now = await db.ClaimLines.AsNoTracking().FirstAsync(l => l.Id == lineId, cancellationToken);
            if (!now.Status.AwaitsDecision())
            {
                return ClaimResult<ClaimView>.Conflict(await NotAwaitingAsync(now, first: true, cancellationToken));
            }

            if (attempt == Attempts)
            {
                return ClaimResult<ClaimView>.Conflict("The claim changed while you were deciding. Reload it and decide again.");
            }
        }
    }

    /// <summary>
    /// Approves, in one transaction, every submitted line not picked for audit: the commissioner
    /// checks the sampled lines one by one and lets the rest through, which keeps a claim of
    /// thousands of lines workable.
    /// </summary>
    public async Task<ClaimResult<ClaimView>> ApproveUnsampledAsync(Guid claimId, ApproveUnsampledInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);
        for (var attempt = 1; ; attempt++)
        {
            var claim = await (await access.VisibleAsync(cancellationToken)).Include(c => c.Lines)
                .FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
            if (claim is null)
            {
                return ClaimResult<ClaimView>.NotFound();
            }

            if (errors.Any)
            {
                return ClaimResult<ClaimView>.Invalid(errors);
            }

            var lines = claim.Lines.Where(l => l.Status.AwaitsDecision() && l.AuditSelection is null).ToList();
            if (lines.Count == 0)
            {
                return ClaimResult<ClaimView>.Conflict(claim.Status == ClaimStatus.Draft
                    ? "The claim has not been submitted yet, so there is nothing to approve."
                    : "No line is waiting for a decision that was not picked for audit: decide the sampled lines one by one.");
            }

            if (ClaimDecisions.Check(ClaimLineStatus.Submitted, ClaimDecision.Approve, Key(claim.SubmittedById), Key(user.UserId), input.Reason)
                .Contains(ClaimDecisionRefusal.SubmitterCannotDecide))
            {
                return ClaimResult<ClaimView>.Forbidden(SubmitterCannotDecide);
            }

            foreach (var line in lines)
            {
                Decide(line, ClaimDecision.Approve, input.Reason);
            }

            user.Reason = Clean(input.Reason) ?? "Approved every line not picked for audit";
            await SettleAsync(claim, [.. lines.Select(l => l.Id)], linesLoaded: true, cancellationToken);
            if (await db.SavedWithoutConflictAsync(cancellationToken))
            {
                return ClaimResult<ClaimView>.Ok((await queries.FindAsync(claimId, cancellationToken))!);
            }

            db.ChangeTracker.Clear();
            if (attempt == Attempts)
            {
                return ClaimResult<ClaimView>.Conflict("Someone else decided lines of this claim at the same time. Reload it and try again.");
            }
        }
    }

    /// <summary>A line returned for correction, validated again: submitted when it passes, held with its reasons when not.</summary>
    public async Task<ClaimResult<ClaimView>> ResubmitAsync(Guid claimId, Guid lineId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var claim = await (await access.VisibleAsync(cancellationToken)).FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
            var line = claim is null ? null : await db.ClaimLines.FirstOrDefaultAsync(l => l.Id == lineId && l.ClaimId == claimId, cancellationToken);
            if (claim is null || line is null)
            {
                return ClaimResult<ClaimView>.NotFound();
            }

            if (line.Status != ClaimLineStatus.Returned)
            {
                return ClaimResult<ClaimView>.Conflict(
                    $"Only a line returned for correction can be resubmitted: this line is {StatusText(line.Status)}.");
            }

            var (lot, programme) = await LotAndProgrammeAsync(claim.LotId, cancellationToken);
            await ValidateAsync(lot, programme, db.Participants.Where(p => p.Id == line.ParticipantId).Select(p => p.Id), [line], ClaimLineStatus.Submitted, cancellationToken);
            if (line.Status == ClaimLineStatus.Submitted)
            {
                // A fresh decision is needed: the return stays in the audit trail.
                line.DecidedById = null;
                line.DecidedAt = null;
                line.DecisionReason = null;
                if (claim.Status == ClaimStatus.Completed)
                {
                    claim.Status = ClaimStatus.Submitted;
                }
            }

            Touch(claim);
            if (await db.SavedWithoutConflictAsync(cancellationToken))
            {
                return ClaimResult<ClaimView>.Ok((await queries.FindAsync(claimId, cancellationToken))!);
            }

            db.ChangeTracker.Clear();
            if (attempt == Attempts)
            {
                return ClaimResult<ClaimView>.Conflict("The claim changed while the line was being resubmitted. Reload it and try again.");
            }
        }
    }

    /// <summary>"2021-04" read and checked against the programme's months and today.</summary>
    public ClaimPeriod? ReadPeriod(string? text, ProgrammeRecord? programme, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!ClaimPeriod.TryParse(text, out var period))
        {
            errors.Add("period", PeriodForm);
            return null;
        }

        if (programme is not null && (period.Start < ClaimPeriod.Of(programme.StartDate).Start || period.Start > ClaimPeriod.Of(programme.EndDate).Start))
        {
            errors.Add("period", $"Claims for {period} are closed: the programme ran from {Month(programme.StartDate)} to {Month(programme.EndDate)}");
            return null;
        }

        var today = Formatting.TodayInLondon(clock);
        if (period.Start > today)
        {
            errors.Add("period", $"{Month(period.Start)} has not started yet: claim for {Month(today)} or an earlier month");
            return null;
        }

        return period;
    }

    /// <summary>The months a claim can be made for today, latest first.</summary>
    public async Task<IReadOnlyList<ClaimPeriod>> OpenPeriodsAsync(CancellationToken cancellationToken = default)
    {
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

    public static string Month(DateOnly day) => day.ToString("MMMM yyyy", Formatting.EnGb);

    public static string StatusText(ClaimLineStatus status) => status switch
    {
        ClaimLineStatus.Draft => "a draft",
        ClaimLineStatus.Held => "held",
        ClaimLineStatus.Submitted => "submitted",
        ClaimLineStatus.Returned => "returned for correction",
        ClaimLineStatus.Approved => "approved",
        ClaimLineStatus.Rejected => "rejected",
        ClaimLineStatus.Paid => "paid",
        ClaimLineStatus.Recovered => "recovered",
        _ => status.ToString(),
    };

    private const string SubmitterCannotDecide =
        "You submitted this claim, so someone else must decide its lines: one person cannot both claim and approve a payment.";

    private async Task<Guid?> DraftIdAsync(Guid lotId, ClaimPeriod period, CancellationToken cancellationToken)
    {
        var text = period.ToString();
        var id = await db.Claims.AsNoTracking().Where(c => c.LotId == lotId && c.Period == text && c.Status == ClaimStatus.Draft)
            .Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return id == Guid.Empty ? null : id;
    }

    /// <summary>The new draft with a line per achieved, unclaimed, paying milestone, validated; null when there is none.</summary>
    private async Task<OutcomeClaim?> BuildAsync(Lot lot, ProgrammeRecord programme, Contract holder, ClaimPeriod period, CancellationToken cancellationToken)
    {
        var end = period.End;
        // Unclaimed: no line, or only held ones (they failed validation and may pass now). A rejected or
        // recovered milestone was decided not payable, so it is not claimed again month after month.
        var claimed = db.ClaimLines.Where(l => l.Status != ClaimLineStatus.Held);
        var candidates =
            from m in db.ParticipantMilestones
            join p in db.Participants on m.ParticipantId equals p.Id
            where p.LotId == lot.Id && m.AchievedOn <= end
                && !claimed.Any(l => l.ParticipantId == m.ParticipantId && l.Milestone == m.Milestone)
            select new { m.ParticipantId, m.Milestone, m.AchievedOn, p.Reference, p.Cohort };
        var rows = await candidates.AsNoTracking().ToListAsync(cancellationToken);
        var tariffs = TariffHandler.Schedule(await db.Tariffs.AsNoTracking().Where(t => t.ProgrammeId == programme.Id).ToListAsync(cancellationToken));

        // A milestone with no rate for the cohort on its date pays nothing, so it is not claimed.
        var priced = rows
            .Select(r => (Row: r, Rate: tariffs.RateOn(r.Milestone, r.Cohort, r.AchievedOn)))
            .Where(r => r.Rate is not null)
            .OrderBy(r => r.Row.AchievedOn).ThenBy(r => r.Row.Reference).ThenBy(r => r.Row.Milestone)
            .ToList();
        if (priced.Count == 0)
        {
            return null;
        }

        var contracts = await db.Contracts.AsNoTracking().Where(c => c.LotId == lot.Id).ToListAsync(cancellationToken);
        var claim = new OutcomeClaim
        {
            Reference = $"{lot.Code}-{period}-{await db.Claims.CountAsync(c => c.LotId == lot.Id && c.Period == period.ToString(), cancellationToken) + 1}",
            LotId = lot.Id,
            ProviderId = holder.ProviderId,
            Period = period.ToString(),
            PeriodEnd = end,
            Status = ClaimStatus.Draft,
            CreatedById = user.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
        foreach (var (row, rate) in priced)
        {
            claim.Lines.Add(new ClaimLine
            {
                ClaimId = claim.Id,
                ParticipantId = row.ParticipantId,
                ParticipantReference = row.Reference,
                Milestone = row.Milestone,
                MilestoneDate = row.AchievedOn,
                Cohort = row.Cohort,
                Amount = rate!.Amount,
                ContractId = contracts.FirstOrDefault(c => c.Period.Contains(row.AchievedOn))?.Id,
                ProviderId = holder.ProviderId,
                Status = ClaimLineStatus.Draft,
            });
        }

        await ValidateAsync(lot, programme, candidates.Select(c => c.ParticipantId), claim.Lines, ClaimLineStatus.Draft, cancellationToken, newLines: true);
        return claim;
    }

    /// <summary>Validates lines in bulk and sets each to <paramref name="passed"/> or Held with its reason codes.</summary>
    private async Task ValidateAsync(
        Lot lot, ProgrammeRecord programme, IQueryable<Guid> participantIds, List<ClaimLine> lines, ClaimLineStatus passed,
        CancellationToken cancellationToken, bool newLines = false)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var set = await facts.LoadAsync(
            lot, programme, participantIds,
            [.. lines.Select(l => new LineToCheck(newLines ? null : l.Id, l.ParticipantId, l.Milestone, l.MilestoneDate, l.Amount))],
            cancellationToken);
        var results = set.Validate();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            line.Status = results[i].Passed ? passed : ClaimLineStatus.Held;
            line.ReasonCodes = string.Join(',', results[i].Failures);
            line.EvidenceCount = set.Evidence[i].Files;
        }
    }

    /// <summary>
    /// A held line is not a claim of its milestone, so the milestone's date may have moved since the
    /// draft was made (a job start recorded late): take the current date and rate before validating again.
    /// </summary>
    private async Task RefreshHeldLinesAsync(OutcomeClaim claim, IReadOnlyList<ClaimLine> open, ProgrammeRecord programme, CancellationToken cancellationToken)
    {
        var held = open.Where(l => l.Status == ClaimLineStatus.Held).ToList();
        if (held.Count == 0)
        {
            return;
        }

        var dates = (await db.ParticipantMilestones.AsNoTracking()
                .Where(m => db.ClaimLines.Any(l => l.ClaimId == claim.Id && l.Status == ClaimLineStatus.Held && l.ParticipantId == m.ParticipantId))
                .Select(m => new { m.ParticipantId, m.Milestone, m.AchievedOn })
                .ToListAsync(cancellationToken))
            .ToDictionary(m => (m.ParticipantId, m.Milestone), m => m.AchievedOn);
        var tariffs = TariffHandler.Schedule(await db.Tariffs.AsNoTracking().Where(t => t.ProgrammeId == programme.Id).ToListAsync(cancellationToken));
        foreach (var line in held)
        {
            if (dates.TryGetValue((line.ParticipantId, line.Milestone), out var date) && date != line.MilestoneDate && date <= claim.PeriodEnd)
            {
                line.MilestoneDate = date;
                line.Amount = tariffs.AmountOn(line.Milestone, line.Cohort, date);
            }
        }
    }

    private void Decide(ClaimLine line, ClaimDecision decision, string? reason)
    {
        line.Status = decision.Outcome();
        line.DecidedById = user.UserId;
        line.DecidedAt = clock.GetUtcNow();
        line.DecisionReason = Clean(reason);
    }

    /// <summary>
    /// Completes the claim when no line waits any more, and in any case saves the claim under its
    /// version token, so that two decisions on one claim at once are taken one after the other and the
    /// last one always sees whether any line still waits.
    /// </summary>
    private async Task SettleAsync(OutcomeClaim claim, IReadOnlyCollection<Guid> decided, bool linesLoaded, CancellationToken cancellationToken)
    {
        var waiting = linesLoaded
            ? claim.Lines.Any(l => l.Status.AwaitsDecision() && !decided.Contains(l.Id))
            : await db.ClaimLines.AnyAsync(l => l.ClaimId == claim.Id && l.Status == ClaimLineStatus.Submitted && !decided.Contains(l.Id), cancellationToken);
        if (!waiting)
        {
            claim.Status = ClaimStatus.Completed;
        }

        Touch(claim);
    }

    /// <summary>Saves the claim's row (its version goes up) even when nothing else of it changed, so concurrent edits of its lines queue.</summary>
    private void Touch(OutcomeClaim claim)
    {
        var entry = db.Entry(claim);
        if (entry.State == EntityState.Unchanged)
        {
            entry.State = EntityState.Modified;
        }
    }

    private async Task<string> NotAwaitingAsync(ClaimLine line, bool first, CancellationToken cancellationToken)
    {
        if (line.DecidedAt is not { } at || line.Status is ClaimLineStatus.Held or ClaimLineStatus.Draft)
        {
            return $"This line is not waiting for a decision: it is {StatusText(line.Status)}.";
        }

        var by = await db.Users.AsNoTracking().Where(u => u.Id == line.DecidedById).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "someone";
        var what = line.Status switch
        {
            ClaimLineStatus.Paid or ClaimLineStatus.Recovered => $"approved (and is now {StatusText(line.Status)})",
            _ => StatusText(line.Status),
        };
        return first
            ? $"Someone else decided this line first: it was {what} by {by} on {Formatting.DateTime(at)}."
            : $"This line was already {what} by {by} on {Formatting.DateTime(at)}.";
    }

    private async Task<(Lot Lot, ProgrammeRecord Programme)> LotAndProgrammeAsync(Guid lotId, CancellationToken cancellationToken)
    {
        var lot = await db.Lots.AsNoTracking().FirstAsync(l => l.Id == lotId, cancellationToken);
        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == lot.ProgrammeId, cancellationToken);
        return (lot, programme);
    }

    private static string Key(Guid? id) => id?.ToString() ?? "";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
