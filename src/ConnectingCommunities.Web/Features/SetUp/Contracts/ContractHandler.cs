using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.SetUp.Contracts;

public sealed record VariationView(Guid Id, DateOnly EffectiveFrom, string Title, string Description, bool IsDemo);

public sealed record ContractView(
    Guid Id, string Reference, string Lot, string LotName, Guid ProviderId, string Provider,
    DateOnly StartDate, DateOnly? EndDate, string? Notes, bool Active, IReadOnlyList<VariationView> Variations, int Version);

public sealed record ContractInput
{
    /// <summary>The lot's code.</summary>
    public string? Lot { get; init; }
    public Guid? ProviderId { get; init; }
    public string? Reference { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? Notes { get; init; }
    public int? Version { get; init; }
    public string? Reason { get; init; }
}

public sealed record VariationInput
{
    public DateOnly? EffectiveFrom { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
}

/// <summary>Contracts between the commissioner and a provider for a lot, with their variations.</summary>
public sealed class ContractHandler(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<ContractView>> ListAsync(string? lotCode, CancellationToken cancellationToken = default)
    {
        var query = db.Contracts.Include(c => c.Lot).Include(c => c.Provider).Include(c => c.Variations).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(lotCode))
        {
            var code = LotCode.Normalise(lotCode);
            query = query.Where(c => c.Lot!.Code == code);
        }

        var contracts = await query.ToListAsync(cancellationToken);
        return contracts.OrderBy(c => c.Lot!.Name).ThenBy(c => c.StartDate).Select(ToView).ToList();
    }

    public async Task<ContractView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var contract = await db.Contracts.Include(c => c.Lot).Include(c => c.Provider).Include(c => c.Variations)
            .AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contract is null ? null : ToView(contract);
    }

    public async Task<Result<ContractView>> CreateAsync(ContractInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var lot = await ValidateAsync(input, null, errors, cancellationToken);
        if (errors.Any)
        {
            return Result<ContractView>.Invalid(errors);
        }

        var contract = new Contract { Reference = input.Reference!.Trim(), LotId = lot!.Id };
        Apply(contract, input);
        db.Contracts.Add(contract);
        user.Reason = input.Reason;
        await db.SaveChangesAsync(cancellationToken);
        return Result<ContractView>.Ok((await FindAsync(contract.Id, cancellationToken))!);
    }

    public async Task<Result<ContractView>> UpdateAsync(Guid id, ContractInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return Result<ContractView>.NotFound();
        }

        if (input.Version is { } version && version != contract.Version)
        {
            return Result<ContractView>.Conflict("Someone else changed this contract after you opened it. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        var lot = await ValidateAsync(input, contract.Id, errors, cancellationToken);
        if (errors.Any)
        {
            return Result<ContractView>.Invalid(errors);
        }

        contract.Reference = input.Reference!.Trim();
        contract.LotId = lot!.Id;
        Apply(contract, input);
        user.Reason = input.Reason;
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<ContractView>.Conflict("Someone else changed this contract at the same time. Reload it and make your change again.");
        }

        return Result<ContractView>.Ok((await FindAsync(contract.Id, cancellationToken))!);
    }

    public async Task<Result<ContractView>> AddVariationAsync(Guid contractId, VariationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken);
        if (contract is null)
        {
            return Result<ContractView>.NotFound();
        }

        var errors = new FieldErrors();
        if (input.EffectiveFrom is not { } from)
        {
            errors.Add("effectiveFrom", "Enter the date the variation takes effect");
        }
        else if (!contract.Period.Contains(from))
        {
            errors.Add("effectiveFrom", $"The variation must take effect during the contract, between {Formatting.Date(contract.StartDate)} and {Formatting.Date(contract.EndDate, "its open end")}");
        }

        Validation.RequiredText(input.Title, "title", "title of the variation", 200, errors);
        Validation.OptionalText(input.Description, "description", "description", 2000, errors);
        if (errors.Any)
        {
            return Result<ContractView>.Invalid(errors);
        }

        db.ContractVariations.Add(new ContractVariation
        {
            ContractId = contract.Id,
            EffectiveFrom = input.EffectiveFrom!.Value,
            Title = input.Title!.Trim(),
            Description = input.Description?.Trim() ?? "",
        });
        await db.SaveChangesAsync(cancellationToken);
        return Result<ContractView>.Ok((await FindAsync(contract.Id, cancellationToken))!);
    }

    private static void Apply(Contract contract, ContractInput input)
    {
        contract.ProviderId = input.ProviderId!.Value;
        contract.StartDate = input.StartDate!.Value;
        contract.EndDate = input.EndDate;
        contract.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
    }

    private async Task<Lot?> ValidateAsync(ContractInput input, Guid? contractId, FieldErrors errors, CancellationToken cancellationToken)
    {
        Lot? lot = null;
        if (string.IsNullOrWhiteSpace(input.Lot))
        {
            errors.Add("lot", "Select the lot");
        }
        else
        {
            var code = LotCode.Normalise(input.Lot);
            lot = await db.Lots.FirstOrDefaultAsync(l => l.Code == code, cancellationToken);
            if (lot is null)
            {
                errors.Add("lot", $"There is no lot with code '{input.Lot.Trim()}'");
            }
        }

        if (input.ProviderId is not { } providerId)
        {
            errors.Add("providerId", "Select the provider");
        }
        else if (!await db.Providers.AnyAsync(p => p.Id == providerId, cancellationToken))
        {
            errors.Add("providerId", "There is no such provider: add the provider first");
        }

        Validation.RequiredText(input.Reference, "reference", "contract reference", 40, errors);
        if (!string.IsNullOrWhiteSpace(input.Reference))
        {
            var reference = input.Reference.Trim();
            if (await db.Contracts.AnyAsync(c => c.Reference == reference && c.Id != contractId, cancellationToken))
            {
                errors.Add("reference", $"A contract with reference {reference} already exists");
            }
        }

        Validation.OptionalText(input.Notes, "notes", "notes", 2000, errors);
        if (input.StartDate is not { } start)
        {
            errors.Add("startDate", "Enter the contract start date");
            return lot;
        }

        var period = new DateRange(start, input.EndDate);
        if (!period.IsValid)
        {
            errors.Add("endDate", "The end date must be the same as or after the start date");
            return lot;
        }

        if (lot is not null)
        {
            var sameLot = await db.Contracts.Where(c => c.LotId == lot.Id).AsNoTracking().ToListAsync(cancellationToken);
            var overlaps = ContractRules.FindOverlaps(
                period, sameLot.Select(c => new ContractTerm(c.Id, c.Reference, c.Period)), contractId);
            if (overlaps.Count > 0)
            {
                var first = overlaps[0];
                errors.Add("startDate",
                    $"These dates overlap contract {first.Reference} ({Formatting.Date(first.Period.Start)} to {Formatting.Date(first.Period.End, "no end date")}). "
                    + "A lot can have only one active contract on any day: end the other contract first or change these dates");
            }
        }

        return lot;
    }

    private ContractView ToView(Contract c) => new(
        c.Id, c.Reference, c.Lot?.Code ?? "", c.Lot?.Name ?? "", c.ProviderId, c.Provider?.Name ?? "",
        c.StartDate, c.EndDate, c.Notes, c.Period.Contains(Formatting.TodayInLondon(clock)),
        c.Variations.OrderBy(v => v.EffectiveFrom).Select(v => new VariationView(v.Id, v.EffectiveFrom, v.Title, v.Description, v.IsDemo)).ToList(),
        c.Version);
}
