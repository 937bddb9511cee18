using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.SetUp.Providers;

public sealed record ProviderContract(Guid Id, string Reference, string Lot, DateOnly StartDate, DateOnly? EndDate);

public sealed record ProviderView(Guid Id, string Name, string OrganisationType, bool IsDemo, IReadOnlyList<ProviderContract> Contracts, int Version);

public sealed record ProviderInput
{
    public string? Name { get; init; }
    public string? OrganisationType { get; init; }
    public int? Version { get; init; }
    public string? Reason { get; init; }
}

/// <summary>Provider organisations that hold, or have held, contracts for lots.</summary>
public sealed class ProviderHandler(CcDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<ProviderView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var contracts = await ContractsByProviderAsync(null, cancellationToken);
        return providers.Select(p => ToView(p, contracts)).ToList();
    }

    public async Task<ProviderView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return provider is null ? null : ToView(provider, await ContractsByProviderAsync(id, cancellationToken));
    }

    public async Task<Result<ProviderView>> CreateAsync(ProviderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = await ValidateAsync(input, null, cancellationToken);
        if (errors.Any)
        {
            return Result<ProviderView>.Invalid(errors);
        }

        var provider = new Provider { Name = input.Name!.Trim(), OrganisationType = input.OrganisationType?.Trim() ?? "" };
        db.Providers.Add(provider);
        user.Reason = input.Reason;
        await db.SaveChangesAsync(cancellationToken);
        return Result<ProviderView>.Ok((await FindAsync(provider.Id, cancellationToken))!);
    }

    public async Task<Result<ProviderView>> UpdateAsync(Guid id, ProviderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (provider is null)
        {
            return Result<ProviderView>.NotFound();
        }

        if (input.Version is { } version && version != provider.Version)
        {
            return Result<ProviderView>.Conflict("Someone else changed this provider after you opened it. Reload it and make your change again.");
        }

        var errors = await ValidateAsync(input, id, cancellationToken);
        if (errors.Any)
        {
            return Result<ProviderView>.Invalid(errors);
        }

        provider.Name = input.Name!.Trim();
        provider.OrganisationType = input.OrganisationType?.Trim() ?? "";
        provider.IsDemo = false;
        user.Reason = input.Reason;
        await db.SaveChangesAsync(cancellationToken);
        return Result<ProviderView>.Ok((await FindAsync(id, cancellationToken))!);
    }

    private async Task<FieldErrors> ValidateAsync(ProviderInput input, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        Validation.RequiredText(input.Name, "name", "organisation name", 200, errors);
        Validation.OptionalText(input.OrganisationType, "organisationType", "organisation type", 200, errors);
        if (!string.IsNullOrWhiteSpace(input.Name))
        {
            var name = input.Name.Trim();
            if (await db.Providers.AnyAsync(p => p.Name == name && p.Id != id, cancellationToken))
            {
                errors.Add("name", $"A provider called {name} already exists");
            }
        }

        return errors;
    }

    private async Task<ILookup<Guid, ProviderContract>> ContractsByProviderAsync(Guid? providerId, CancellationToken cancellationToken)
    {
        var query = db.Contracts.AsNoTracking();
        if (providerId is { } id)
        {
            query = query.Where(c => c.ProviderId == id);
        }

        var rows = await query.Select(c => new { c.ProviderId, c.Id, c.Reference, Lot = c.Lot!.Code, c.StartDate, c.EndDate })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(c => c.StartDate)
            .ToLookup(c => c.ProviderId, c => new ProviderContract(c.Id, c.Reference, c.Lot, c.StartDate, c.EndDate));
    }

    private static ProviderView ToView(Provider provider, ILookup<Guid, ProviderContract> contracts) =>
        new(provider.Id, provider.Name, provider.OrganisationType, provider.IsDemo, contracts[provider.Id].ToList(), provider.Version);
}
