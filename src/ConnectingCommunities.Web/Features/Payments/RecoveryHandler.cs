using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>
/// Clawback: a commissioner who finds a paid line invalid (an audit, say) asks for the money back,
/// with a reason. Nothing is paid back at once: the provider's next payment run takes the amount
/// paid as a negative line, so the original payment stays on record unchanged.
/// </summary>
public sealed class RecoveryHandler(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    /// <summary>The line and where it stands on recovery; null when the claim has no such line.</summary>
    public async Task<RecoveryView?> FindAsync(Guid claimId, Guid lineId, CancellationToken cancellationToken = default)
    {
        var found = await (
                from line in db.ClaimLines
                where line.Id == lineId && line.ClaimId == claimId
                join claim in db.Claims on line.ClaimId equals claim.Id
                join lot in db.Lots on claim.LotId equals lot.Id
                join provider in db.Providers on line.ProviderId equals provider.Id
                select new
                {
                    Line = line,
                    ClaimReference = claim.Reference,
                    LotCode = lot.Code,
                    Provider = provider.Name,
                    RequestedBy = db.Users.Where(u => u.Id == line.RecoveryRequestedById)
                        .Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).FirstOrDefault(),
                })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var runs = await db.PaymentRunLines
            .Where(p => p.ClaimLineId == lineId)
            .Join(db.PaymentRuns, p => p.PaymentRunId, r => r.Id, (p, r) => new { p.Kind, r.Id, r.Reference })
            .ToListAsync(cancellationToken);
        var paidIn = runs.FirstOrDefault(r => r.Kind == PaymentLineKind.Payment);
        var recoveredIn = runs.FirstOrDefault(r => r.Kind == PaymentLineKind.Recovery);
        var l = found.Line;
        return new RecoveryView(
            claimId, found.ClaimReference, lineId, found.LotCode, found.Provider, l.ParticipantReference, l.Milestone, l.MilestoneDate,
            l.Cohort, l.Amount, l.Status, paidIn?.Id, paidIn?.Reference, l.RecoveryRequestedAt, found.RequestedBy, l.RecoveryReason,
            recoveredIn?.Id, recoveredIn?.Reference);
    }

    /// <summary>
    /// Asks for a paid line's money back. Refused as a conflict when the line is not paid, its recovery
    /// is already asked for or made, or someone else changed it at the same moment.
    /// </summary>
    public async Task<Result<RecoveryView>> RequestAsync(Guid claimId, Guid lineId, RecoveryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var line = await db.ClaimLines.FirstOrDefaultAsync(l => l.Id == lineId && l.ClaimId == claimId, cancellationToken);
        if (line is null)
        {
            return Result<RecoveryView>.NotFound();
        }

        if (await RefusalAsync(claimId, lineId, cancellationToken) is { } refusal)
        {
            return Result<RecoveryView>.Conflict(refusal);
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add("reason", "Enter why the payment for this line is being recovered");
        }
        else
        {
            Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);
        }

        if (errors.Any)
        {
            return Result<RecoveryView>.Invalid(errors);
        }

        var reason = input.Reason!.Trim();
        line.RecoveryRequestedAt = clock.GetUtcNow();
        line.RecoveryRequestedById = user.UserId;
        line.RecoveryReason = reason;
        user.Reason = reason;
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            return Result<RecoveryView>.Conflict(
                await RefusalAsync(claimId, lineId, cancellationToken)
                ?? "Someone else changed this line at the same time. Check the line and try again.");
        }

        return Result<RecoveryView>.Ok((await FindAsync(claimId, lineId, cancellationToken))!);
    }

    /// <summary>Why a recovery cannot be asked for now, in words that say who did what; null when it can.</summary>
    public async Task<string?> RefusalAsync(Guid claimId, Guid lineId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(claimId, lineId, cancellationToken) is not { } line)
        {
            return null;
        }

        if (line.Status == ClaimLineStatus.Recovered || line.RecoveredInRunReference is not null)
        {
            return line.RecoveredInRunReference is { } run
                ? $"This line's payment was already recovered in payment run {run}"
                : "This line's payment was already recovered";
        }

        if (line.RecoveryRequestedAt is { } at)
        {
            return $"Recovery of this line was already requested by {line.RecoveryRequestedBy ?? "someone else"} on {Formatting.DateTime(at)}: "
                + "it will be recovered in the next payment run";
        }

        return line.Status == ClaimLineStatus.Paid
            ? null
            : $"Only a paid line can be recovered: this line is {Describe(line.Status)}";
    }

    private static string Describe(ClaimLineStatus status) => status switch
    {
        ClaimLineStatus.Draft => "on a claim that has not been submitted",
        ClaimLineStatus.Held => "held by validation",
        ClaimLineStatus.Submitted => "waiting for a decision",
        ClaimLineStatus.Returned => "returned to the provider for correction",
        ClaimLineStatus.Approved => "approved and not yet paid",
        ClaimLineStatus.Rejected => "rejected, so nothing was paid",
        _ => status.ToString().ToLowerInvariant(),
    };
}
