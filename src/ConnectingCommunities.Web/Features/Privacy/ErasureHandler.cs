using System.Globalization;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>A request to erase a participant's personal data.</summary>
public sealed record ErasureInput
{
    /// <summary>Why: the person's request as received, or the retention review. Required; kept in the erasure record.</summary>
    public string? Reason { get; init; }

    /// <summary>PersonRequested (the default: the person asked) or RetentionExpired (commissioners only, after the retention period).</summary>
    public string? Kind { get; init; }
}

/// <summary>What an erasure did: the fields and record kinds erased, what was kept and why. Never the erased values.</summary>
public sealed record ErasureView(
    Guid ParticipantId, string Reference, ErasureKind Kind, string Reason, IReadOnlyList<string> Erased, IReadOnlyList<KeptFact> Kept,
    int EvidenceFilesRemoved, int AuditEventsScrubbed, DateTimeOffset ErasedAt);

public enum ErasureOutcomeStatus
{
    Erased,
    Invalid,
    NotFound,

    /// <summary>Refused: the data must be kept (within retention, claims and payments need it) or was erased already.</summary>
    Refused,

    /// <summary>Only a commissioner may confirm an erasure at the end of retention.</summary>
    Forbidden,
}

public sealed record ErasureOutcome(ErasureOutcomeStatus Status, ErasureView? Value = null, FieldErrors? Errors = null, string? Detail = null, IReadOnlyList<KeptFact>? MustKeep = null);

/// <summary>
/// Erases a participant's personal data, leaving a tombstone: the reference and the non-identifying
/// facts claims, payments and the evaluation's counts need. Everything happens in one transaction:
/// the field updates run as bulk updates (so the auditing interceptor never writes their "from"
/// values), the participant's audit events are scrubbed of the values, and one hand-written audit
/// event names the fields erased. Evidence files are deleted once the transaction has committed.
/// </summary>
public sealed class ErasureHandler(CcDbContext db, ParticipantAccess access, CurrentUser user, EvidenceStore evidence, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;
    public const string Erased = AuditTrailScrub.Erased;

    /// <summary>Property names, across the participant's records, whose values an erasure removes: scrubbed from the audit trail.</summary>
    public static readonly IReadOnlySet<string> PersonalFields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Participant.FirstName), nameof(Participant.LastName), nameof(Participant.SearchFirstName), nameof(Participant.SearchLastName),
        nameof(Participant.DateOfBirth), nameof(Participant.Nino), nameof(Participant.Email), nameof(Participant.Phone),
        nameof(Participant.AddressLine1), nameof(Participant.AddressLine2), nameof(Participant.Town), nameof(Participant.Postcode),
        nameof(Participant.Referrer), nameof(Participant.EligibilityOverrideReason), nameof(Participant.DuplicateCheckReason),
        nameof(Participant.LeavingNotes), nameof(ParticipantBarrier.Notes), nameof(Goal.Description), nameof(PlanAction.Details),
        nameof(PlanAction.NotDoneReason), nameof(ParticipantTransfer.Reason), nameof(JobStart.EndReason),
        nameof(ProgressionRecord.LateralMoveReason), nameof(EvidenceFile.OriginalFileName), nameof(HelpRequest.Message),
        nameof(HelpRequest.Outcome),
    };

    public async Task<ErasureOutcome> EraseAsync(Guid participantId, ErasureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", "Enter the reason for the erasure, for example the date and reference of the person's request");
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add("reason", $"The reason must be {MaxReasonLength} characters or fewer");
        }

        var kind = ErasureKind.PersonRequested;
        if (!string.IsNullOrWhiteSpace(input.Kind)
            && !(Enum.TryParse(input.Kind.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind)))
        {
            errors.Add("kind", "The kind must be PersonRequested or RetentionExpired");
        }

        if (!await access.CanSeeAsync(participantId, cancellationToken))
        {
            return new ErasureOutcome(ErasureOutcomeStatus.NotFound);
        }

        if (errors.Any)
        {
            return new ErasureOutcome(ErasureOutcomeStatus.Invalid, Errors: errors);
        }

        if (kind == ErasureKind.RetentionExpired && !user.IsCommissioner)
        {
            return new ErasureOutcome(ErasureOutcomeStatus.Forbidden, Detail: "Only a commissioner may confirm an erasure at the end of the retention period.");
        }

        return await EraseCoreAsync(participantId, kind, reason!, cancellationToken);
    }

    /// <summary>The erasure itself, for a participant already known to be visible (the API) or past retention (the review).</summary>
    public async Task<ErasureOutcome> EraseCoreAsync(Guid participantId, ErasureKind kind, string reason, CancellationToken cancellationToken = default)
    {
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return new ErasureOutcome(ErasureOutcomeStatus.NotFound);
        }

        if (participant.ErasedAt is { } erasedAt)
        {
            return new ErasureOutcome(ErasureOutcomeStatus.Refused,
                Detail: $"The personal data of {participant.Reference} was already erased on {Formatting.DateTime(erasedAt)}.");
        }

        var retainUntil = await RetainUntilAsync(participant.LotId, cancellationToken);
        var today = Formatting.TodayInLondon(clock);
        var hasClaims = await db.ClaimLines.AnyAsync(l => l.ParticipantId == participantId, cancellationToken);
        var decision = ErasureRules.Decide(kind == ErasureKind.RetentionExpired ? ErasureGround.RetentionExpired : ErasureGround.PersonRequested,
            retainUntil, today, hasClaims);
        if (!decision.Allowed)
        {
            // The refusal is recorded with the reason given, so the answer to the person can be shown later.
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = clock.GetUtcNow(),
                UserId = user.UserId,
                UserName = user.UserName,
                Action = "erasure-refused",
                EntityType = nameof(Participant),
                EntityId = participant.Id.ToString(),
                LotId = participant.LotId,
                ParticipantId = participant.Id,
                Summary = $"{kind} erasure refused: {decision.Refusal}",
                Changes = JsonSerializer.Serialize(new { kept = decision.MustKeep }),
                Reason = reason,
            });
            await db.SaveChangesAsync(cancellationToken);
            return new ErasureOutcome(ErasureOutcomeStatus.Refused, Detail: decision.Refusal, MustKeep: decision.MustKeep);
        }

        return await EraseNowAsync(participant, kind, reason, cancellationToken);
    }

    /// <summary>The last day the lot's programme must keep personal data.</summary>
    public async Task<DateOnly> RetainUntilAsync(Guid lotId, CancellationToken cancellationToken)
    {
        var programme = await db.Lots.AsNoTracking().Where(l => l.Id == lotId)
            .Select(l => new { l.Programme!.EndDate, l.Programme.RetentionYearsAfterEnd }).FirstAsync(cancellationToken);
        return RetentionRules.RetainUntil(programme.EndDate, programme.RetentionYearsAfterEnd);
    }

    private async Task<ErasureOutcome> EraseNowAsync(Participant p, ErasureKind kind, string reason, CancellationToken cancellationToken)
    {
        var id = p.Id;
        var now = clock.GetUtcNow();
        var district = Postcode.TryParse(p.Postcode, out var postcode) ? postcode.District : "";
        var birthYear = new DateOnly(p.DateOfBirth.Year, 1, 1);
        var helpRequestIds = await db.HelpRequests.AsNoTracking().Where(h => h.ParticipantId == id || h.Id == p.HelpRequestId)
            .Select(h => h.Id).ToListAsync(cancellationToken);
        var helpRequests = await db.HelpRequests.AsNoTracking().Where(h => helpRequestIds.Contains(h.Id)).ToListAsync(cancellationToken);
        var referralIds = await db.Referrals.AsNoTracking().Where(r => r.ParticipantId == id).Select(r => r.Id).ToListAsync(cancellationToken);
        var referralEventIds = await db.ReferralEvents.AsNoTracking().Where(e => referralIds.Contains(e.ReferralId)).Select(e => e.Id).ToListAsync(cancellationToken);
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.ParticipantId == id).Select(f => f.StoredFileName).ToListAsync(cancellationToken);

        // The values being erased, so that any copy of them in the audit trail (a reason typed with a name in it) goes too.
        var values = new List<string?>
        {
            p.FirstName, p.LastName, $"{p.FirstName} {p.LastName}", p.SearchFirstName, p.SearchLastName, p.Nino, p.Email, p.Phone,
            p.AddressLine1, p.AddressLine2, p.Town, p.Postcode, p.Referrer, p.EligibilityOverrideReason, p.DuplicateCheckReason, p.LeavingNotes,
            p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.DateOfBirth.ToString("d MMMM yyyy", Formatting.EnGb),
            Postcode.TryParse(p.Postcode, out var full) ? full.Value.Replace(" ", "", StringComparison.Ordinal) : null,
        };
        foreach (var h in helpRequests)
        {
            values.AddRange([h.FirstName, h.LastName, $"{h.FirstName} {h.LastName}", h.Email, h.Phone, h.Postcode, h.Message]);
        }

        values.AddRange(await db.ParticipantBarriers.Where(b => b.ParticipantId == id).Select(b => b.Notes).ToListAsync(cancellationToken));
        values.AddRange(await db.BarrierReviews.Where(b => b.ParticipantId == id).Select(b => b.Notes).ToListAsync(cancellationToken));
        values.AddRange(await db.Goals.Where(g => g.ParticipantId == id).Select(g => g.Description).ToListAsync(cancellationToken));
        values.AddRange(await db.PlanActions.Where(a => a.ParticipantId == id).Select(a => a.Details).ToListAsync(cancellationToken));
        values.AddRange(await db.Interventions.Where(i => i.ParticipantId == id).Select(i => i.Notes).ToListAsync(cancellationToken));
        values.AddRange(await db.EvidenceFiles.Where(f => f.ParticipantId == id).Select(f => f.OriginalFileName).ToListAsync(cancellationToken));
        var erasedValues = values.OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)).ToList();

        // A reason typed with the person's name in it must not keep the name.
        var safeReason = AuditTrailScrub.ScrubText(reason, [.. erasedValues.Where(v => v.Trim().Length >= 3)]) ?? reason;
        var helpRequestKeys = helpRequestIds.Select(h => h.ToString()).ToList();
        var referralEventKeys = referralEventIds.Select(e => e.ToString()).ToList();
        var eventIds = await db.AuditEvents.AsNoTracking()
            .Where(a => a.ParticipantId == id
                || (a.EntityType == nameof(HelpRequest) && helpRequestKeys.Contains(a.EntityId!))
                || (a.EntityType == nameof(ReferralEvent) && referralEventKeys.Contains(a.EntityId!)))
            .Select(a => a.Id).ToListAsync(cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        var scrubbed = 0;
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Bulk updates bypass the auditing interceptor, so the values being removed are never written as "from".
            await db.Participants.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.FirstName, Erased).SetProperty(x => x.LastName, Erased)
                .SetProperty(x => x.SearchFirstName, "").SetProperty(x => x.SearchLastName, "")
                .SetProperty(x => x.DateOfBirth, birthYear).SetProperty(x => x.Nino, (string?)null)
                .SetProperty(x => x.Email, (string?)null).SetProperty(x => x.Phone, (string?)null)
                .SetProperty(x => x.AddressLine1, (string?)null).SetProperty(x => x.AddressLine2, (string?)null)
                .SetProperty(x => x.Town, (string?)null).SetProperty(x => x.Postcode, district)
                .SetProperty(x => x.Referrer, (string?)null).SetProperty(x => x.EligibilityOverrideReason, (string?)null)
                .SetProperty(x => x.DuplicateCheckReason, (string?)null).SetProperty(x => x.LeavingNotes, (string?)null)
                .SetProperty(x => x.ErasedAt, now).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
            await db.ParticipantBarriers.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Notes, (string?)null), cancellationToken);
            await db.BarrierReviews.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Notes, (string?)null), cancellationToken);
            await db.Goals.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Description, Erased), cancellationToken);
            await db.PlanActions.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Details, (string?)null).SetProperty(x => x.NotDoneReason, (string?)null), cancellationToken);
            await db.Interventions.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Notes, (string?)null), cancellationToken);
            await db.ParticipantTransfers.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Reason, (string?)null), cancellationToken);
            await db.JobStarts.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndReason, (string?)null), cancellationToken);
            await db.SustainmentChecks.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Notes, (string?)null), cancellationToken);
            await db.ProgressionRecords.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LateralMoveReason, (string?)null), cancellationToken);
            await db.Referrals.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Reason, (string?)null), cancellationToken);
            await db.ReferralEvents.Where(x => referralIds.Contains(x.ReferralId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Reason, (string?)null), cancellationToken);
            await db.EvidenceFiles.Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OriginalFileName, Erased), cancellationToken);
            foreach (var h in helpRequests)
            {
                var helpDistrict = Postcode.TryParse(h.Postcode, out var hp) ? hp.District : "";
                await db.HelpRequests.Where(x => x.Id == h.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.FirstName, Erased).SetProperty(x => x.LastName, Erased)
                    .SetProperty(x => x.Email, (string?)null).SetProperty(x => x.Phone, (string?)null)
                    .SetProperty(x => x.Postcode, helpDistrict).SetProperty(x => x.Message, (string?)null)
                    .SetProperty(x => x.Outcome, (string?)null).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
            }

            scrubbed = await AuditTrailScrub.ScrubAsync(db, eventIds, PersonalFields, erasedValues, cancellationToken);

            var kept = ErasureRules.Kept;
            db.Erasures.Add(new ErasureRecord
            {
                ParticipantId = id,
                Reference = p.Reference,
                Kind = kind,
                Reason = safeReason,
                Erased = string.Join(", ", ErasureRules.ErasedFields),
                Kept = JsonSerializer.Serialize(kept),
                EvidenceFilesRemoved = files.Count,
                ErasedById = user.UserId,
                ErasedAt = now,
            });

            // The one event of the erasure: which fields, never their values.
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = now,
                UserId = user.UserId,
                UserName = user.UserName,
                Action = "erased",
                EntityType = nameof(Participant),
                EntityId = id.ToString(),
                LotId = p.LotId,
                ParticipantId = id,
                Summary = $"Personal data erased ({kind}); {files.Count} evidence file{(files.Count == 1 ? "" : "s")} removed; {scrubbed} audit event{(scrubbed == 1 ? "" : "s")} scrubbed",
                Changes = JsonSerializer.Serialize(new { erased = ErasureRules.ErasedFields }),
                Reason = safeReason,
            });
            user.Reason = safeReason;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        // Only once the erasure is committed: a failed transaction must leave the files in place.
        foreach (var file in files)
        {
            evidence.Delete(file);
        }

        return new ErasureOutcome(ErasureOutcomeStatus.Erased, new ErasureView(
            id, p.Reference, kind, safeReason, ErasureRules.ErasedFields, ErasureRules.Kept, files.Count, scrubbed, now));
    }
}
