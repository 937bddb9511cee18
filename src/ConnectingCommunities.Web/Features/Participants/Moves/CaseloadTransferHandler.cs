using System.Data;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

/// <summary>A contract of a lot and the participants it is responsible for now.</summary>
public sealed record ContractCaseload(
    Guid Id, string Reference, string Provider, DateOnly StartDate, DateOnly? EndDate, int ActiveParticipants, int LeftParticipants)
{
    public int Participants => ActiveParticipants + LeftParticipants;
}

/// <summary>A lot's caseload by contract; <see cref="WithoutContract"/> counts participants with none recorded.</summary>
public sealed record LotCaseload(string LotCode, string LotName, IReadOnlyList<ContractCaseload> Contracts, int WithoutContract);

public sealed record CaseloadTransferInput
{
    /// <summary>The contract whose participants move: usually one that has ended.</summary>
    public Guid? FromContractId { get; init; }

    /// <summary>Another contract of the same lot whose period includes <see cref="TransferredOn"/>.</summary>
    public Guid? ToContractId { get; init; }

    /// <summary>The day the new provider became responsible; today or earlier.</summary>
    public DateOnly? TransferredOn { get; init; }

    public string? Reason { get; init; }
}

public sealed record CaseloadTransferResult(
    int Transferred, int Active, int Left, string FromContract, string ToContract, DateOnly TransferredOn);

/// <summary>
/// Moves a lot's caseload from one provider contract to another when a provider withdraws. Every
/// participant of the old contract moves, active or left, so the provider now responsible holds
/// the whole history; their advisors are cleared for the new provider to assign its own. History
/// (interventions, plans, milestones) is keyed by participant and stays attached. Set-based, so
/// tens of thousands of participants move in one short transaction.
/// </summary>
public sealed class CaseloadTransferHandler(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxReasonLength = 1000;

    public async Task<LotCaseload?> CaseloadAsync(string code, CancellationToken cancellationToken = default)
    {
        var lot = await FindLotAsync(code, cancellationToken);
        if (lot is null)
        {
            return null;
        }

        var counts = await db.Participants.AsNoTracking()
            .Where(p => p.LotId == lot.Id)
            .GroupBy(p => p.ContractId)
            .Select(g => new
            {
                ContractId = g.Key,
                Active = g.Count(p => p.Status == ParticipantStatus.Active),
                Left = g.Count(p => p.Status == ParticipantStatus.Left),
            })
            .ToListAsync(cancellationToken);
        var contracts = await ContractsAsync(lot.Id, cancellationToken);
        return new LotCaseload(
            lot.Code,
            lot.Name,
            contracts.Select(c =>
            {
                var count = counts.FirstOrDefault(x => x.ContractId == c.Id);
                return new ContractCaseload(c.Id, c.Reference, c.Provider, c.StartDate, c.EndDate, count?.Active ?? 0, count?.Left ?? 0);
            }).ToList(),
            counts.Where(c => c.ContractId is null).Sum(c => c.Active + c.Left));
    }

    public async Task<Result<CaseloadTransferResult>> TransferAsync(string code, CaseloadTransferInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lot = await FindLotAsync(code, cancellationToken);
        if (lot is null)
        {
            return Result<CaseloadTransferResult>.NotFound();
        }

        var contracts = await ContractsAsync(lot.Id, cancellationToken);
        var errors = new FieldErrors();
        var from = contracts.FirstOrDefault(c => c.Id == input.FromContractId);
        var to = contracts.FirstOrDefault(c => c.Id == input.ToContractId);
        if (input.FromContractId is null)
        {
            errors.Add("fromContractId", "Select the contract whose caseload is moving");
        }
        else if (from is null)
        {
            errors.Add("fromContractId", $"Select a contract of {lot.Name}");
        }

        if (input.ToContractId is null)
        {
            errors.Add("toContractId", "Select the contract that takes the caseload over");
        }
        else if (to is null)
        {
            errors.Add("toContractId", $"Select a contract of {lot.Name}");
        }
        else if (to.Id == from?.Id)
        {
            errors.Add("toContractId", "Select a different contract from the one the caseload is leaving");
        }

        var today = Formatting.TodayInLondon(clock);
        if (input.TransferredOn is not { } on)
        {
            errors.Add("transferredOn", "Enter the transfer date");
        }
        else if (on > today)
        {
            errors.Add("transferredOn", "The transfer date must be today or in the past");
        }
        else if (to is not null && !new DateRange(to.StartDate, to.EndDate).Contains(on))
        {
            errors.Add("transferredOn", $"The transfer date must fall within contract {to.Reference}: {Period(to)}");
        }

        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);

        if (from is not null && !errors.Has("fromContractId")
            && !await db.Participants.AnyAsync(p => p.LotId == lot.Id && p.ContractId == from.Id, cancellationToken))
        {
            errors.Add("fromContractId", $"Contract {from.Reference} has no participants to transfer");
        }

        if (errors.Any)
        {
            return Result<CaseloadTransferResult>.Invalid(errors);
        }

        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(() => MoveAsync(lot, from!, to!, input.TransferredOn!.Value, reason, cancellationToken));
    }

    private async Task<Result<CaseloadTransferResult>> MoveAsync(
        Lot lot, ContractChoice from, ContractChoice to, DateOnly on, string? reason, CancellationToken cancellationToken)
    {
        // Repeatable read: the update sees the same participants as the read below, so each one that
        // moves has its history row; a participant changed meanwhile by someone else makes PostgreSQL
        // refuse the update (a serialisation failure) rather than move it unrecorded. SQLite runs
        // the whole transaction alone (it is serialisable there).
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        // The history rows need each participant's advisor before the update clears it.
        var moving = await db.Participants.AsNoTracking()
            .Where(p => p.LotId == lot.Id && p.ContractId == from.Id)
            .Select(p => new { p.Id, p.AdvisorId, p.Status })
            .ToListAsync(cancellationToken);
        var rows = moving.Select(p => new ParticipantTransfer
        {
            ParticipantId = p.Id,
            TransferredOn = on,
            FromContractId = from.Id,
            ToContractId = to.Id,
            FromAdvisorId = p.AdvisorId,
            ToAdvisorId = null,
            Reason = reason,
        }).ToList();
        await TransferRows.InsertAsync(db, rows, cancellationToken);

        // The version bump makes an edit opened before the transfer a conflict rather than a silent undo.
        int updated;
        try
        {
            updated = await db.Participants
                .Where(p => p.LotId == lot.Id && p.ContractId == from.Id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(p => p.ContractId, to.Id)
                        .SetProperty(p => p.AdvisorId, (Guid?)null)
                        .SetProperty(p => p.Version, p => p.Version + 1),
                    cancellationToken);
        }
        catch (Exception ex) when (IsSerialisationFailure(ex))
        {
            updated = -1;
        }

        if (updated != moving.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Result<CaseloadTransferResult>.Conflict(
                "Some of these participants were moved by someone else during the transfer. Nothing was transferred: check the counts and try again.");
        }

        var active = moving.Count(p => p.Status == ParticipantStatus.Active);
        var left = moving.Count - active;

        // ExecuteUpdate and the bulk insert bypass the auditing interceptor, so the transfer is
        // recorded here as one event; each participant's ParticipantTransfer row is their own history.
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName,
            Action = "transferred",
            EntityType = nameof(Lot),
            EntityId = lot.Id.ToString(),
            LotId = lot.Id,
            Summary = $"Caseload of {lot.Name} transferred from contract {from.Reference} ({from.Provider}) to {to.Reference} ({to.Provider}) "
                + $"on {Formatting.Date(on)}: {Formatting.Number(moving.Count)} participants ({Formatting.Number(active)} active, {Formatting.Number(left)} left); advisors cleared",
            Changes = JsonSerializer.Serialize(new
            {
                ContractId = new { from = from.Id, to = to.Id },
                TransferredOn = on,
                Participants = moving.Count,
                Active = active,
                Left = left,
            }),
            Reason = reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The bulk update moved participants to another provider past the change tracker, so the
        // performance views' counts (which are kept by provider) are rebuilt from the rows.
        await Data.Performance.PerformanceCounts.RebuildAsync(db, cancellationToken);
        return Result<CaseloadTransferResult>.Ok(new CaseloadTransferResult(moving.Count, active, left, from.Reference, to.Reference, on));
    }

    private static bool IsSerialisationFailure(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure }
        || (exception.InnerException is { } inner && IsSerialisationFailure(inner));

    public static string Period(ContractCaseload contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return Period(contract.StartDate, contract.EndDate);
    }

    private static string Period(ContractChoice contract) => Period(contract.StartDate, contract.EndDate);

    private static string Period(DateOnly start, DateOnly? end) =>
        end is { } e ? $"{Formatting.Date(start)} to {Formatting.Date(e)}" : $"from {Formatting.Date(start)}, no end date";

    private sealed record ContractChoice(Guid Id, string Reference, string Provider, DateOnly StartDate, DateOnly? EndDate);

    private async Task<Lot?> FindLotAsync(string code, CancellationToken cancellationToken)
    {
        if (!LotCode.IsValid(code))
        {
            return null;
        }

        var normalised = LotCode.Normalise(code);
        return await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.Code == normalised, cancellationToken);
    }

    private async Task<List<ContractChoice>> ContractsAsync(Guid lotId, CancellationToken cancellationToken)
    {
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => c.LotId == lotId)
            .Select(c => new ContractChoice(c.Id, c.Reference, c.Provider!.Name, c.StartDate, c.EndDate))
            .ToListAsync(cancellationToken);
        return contracts.OrderBy(c => c.StartDate).ToList();
    }
}
