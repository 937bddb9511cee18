using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.SetUp.Lots;

public sealed record ProviderSummary(Guid Id, string Name, string ContractReference);

public sealed record LotView(
    Guid Id,
    string Code,
    string Name,
    string LocalAuthority,
    string Group,
    string GroupDescription,
    string LeadOrganisationType,
    decimal Value,
    bool ConstituentMember,
    string? CurrentProvider,
    ProviderSummary? CurrentContract,
    int? WorkingAgePopulation,
    bool WorkingAgePopulationIsDemo,
    int PostcodeCount,
    int Version);

/// <summary>What a commissioner may set on a lot, from the API's JSON or the page's form.</summary>
public sealed record LotInput
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? LocalAuthority { get; init; }
    public string? Group { get; init; }
    public string? LeadOrganisationType { get; init; }
    public decimal? Value { get; init; }
    public bool? ConstituentMember { get; init; }
    public int? WorkingAgePopulation { get; init; }

    /// <summary>The version read before editing; a stale version is refused as a conflict.</summary>
    public int? Version { get; init; }

    public string? Reason { get; init; }
}

/// <summary>Lots: read for every role within their scope, changed only by commissioners.</summary>
public sealed class LotHandler(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    public const decimal MaxLotValue = 1_000_000_000m;

    public async Task<IReadOnlyList<LotView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var lots = await (await user.VisibleLotsAsync(cancellationToken))
            .Include(l => l.Group)
            .Include(l => l.Contracts).ThenInclude(c => c.Provider)
            .OrderBy(l => l.Name)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var postcodeCounts = await db.LotPostcodes
            .GroupBy(p => p.LotId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return lots.Select(l => ToView(l, postcodeCounts.GetValueOrDefault(l.Id))).ToList();
    }

    /// <summary>Null when there is no such lot or the user may not see it: the two are indistinguishable.</summary>
    public async Task<LotView?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var lot = await FindEntityAsync(code, cancellationToken);
        if (lot is null)
        {
            return null;
        }

        var postcodes = await db.LotPostcodes.CountAsync(p => p.LotId == lot.Id, cancellationToken);
        return ToView(lot, postcodes);
    }

    public async Task<IReadOnlyList<string>> GroupNamesAsync(CancellationToken cancellationToken = default) =>
        await db.LotGroups.OrderBy(g => g.Name).Select(g => g.Name).ToListAsync(cancellationToken);

    public async Task<Result<LotView>> CreateAsync(LotInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var group = await ValidateAsync(input, null, errors, cancellationToken);
        if (errors.Any)
        {
            return Result<LotView>.Invalid(errors);
        }

        var programmeId = await db.Programmes.Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (programmeId == Guid.Empty)
        {
            return Result<LotView>.Invalid("code", "Set up the programme before adding lots");
        }

        var lot = new Lot
        {
            ProgrammeId = programmeId,
            Code = LotCode.Normalise(input.Code!),
            Name = input.Name!.Trim(),
            LocalAuthority = input.LocalAuthority!.Trim(),
        };
        Apply(lot, input, group!);
        db.Lots.Add(lot);
        user.Reason = input.Reason;
        await db.SaveChangesAsync(cancellationToken);
        return Result<LotView>.Ok((await FindAsync(lot.Code, cancellationToken))!);
    }

    public async Task<Result<LotView>> UpdateAsync(string code, LotInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.Code == LotCode.Normalise(code), cancellationToken);
        if (lot is null)
        {
            return Result<LotView>.NotFound();
        }

        if (input.Version is { } version && version != lot.Version)
        {
            return Result<LotView>.Conflict("Someone else changed this lot after you opened it. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        var group = await ValidateAsync(input, lot.Id, errors, cancellationToken);
        if (errors.Any)
        {
            return Result<LotView>.Invalid(errors);
        }

        lot.Code = LotCode.Normalise(input.Code!);
        lot.Name = input.Name!.Trim();
        lot.LocalAuthority = input.LocalAuthority!.Trim();
        Apply(lot, input, group!);
        user.Reason = input.Reason;
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<LotView>.Conflict("Someone else changed this lot at the same time. Reload it and make your change again.");
        }

        return Result<LotView>.Ok((await FindAsync(lot.Code, cancellationToken))!);
    }

    internal async Task<Lot?> FindEntityAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = LotCode.Normalise(code ?? "");
        return await (await user.VisibleLotsAsync(cancellationToken))
            .Include(l => l.Group)
            .Include(l => l.Contracts).ThenInclude(c => c.Provider)
            .AsNoTracking()
            .FirstOrDefaultAsync(l => l.Code == normalised, cancellationToken);
    }

    private static void Apply(Lot lot, LotInput input, LotGroup group)
    {
        lot.GroupId = group.Id;
        lot.LeadOrganisationType = input.LeadOrganisationType?.Trim() ?? "";
        lot.Value = input.Value!.Value;
        lot.ConstituentMember = input.ConstituentMember!.Value;
        if (lot.WorkingAgePopulation != input.WorkingAgePopulation)
        {
            lot.WorkingAgePopulation = input.WorkingAgePopulation;
            lot.WorkingAgePopulationIsDemo = false;
        }
    }

    private async Task<LotGroup?> ValidateAsync(LotInput input, Guid? lotId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Code))
        {
            errors.Add("code", "Enter a lot code, " + LotCode.Rule);
        }
        else if (!LotCode.IsValid(input.Code))
        {
            errors.Add("code", "The lot code must be " + LotCode.Rule);
        }
        else
        {
            var code = LotCode.Normalise(input.Code);
            if (await db.Lots.AnyAsync(l => l.Code == code && l.Id != lotId, cancellationToken))
            {
                errors.Add("code", $"A lot with code {code} already exists: choose another code");
            }
        }

        Validation.RequiredText(input.Name, "name", "lot name", 200, errors);
        Validation.RequiredText(input.LocalAuthority, "localAuthority", "local authority", 200, errors);
        if (input.LeadOrganisationType?.Length > 200)
        {
            errors.Add("leadOrganisationType", "The lead organisation type must be 200 characters or fewer");
        }

        if (input.Value is not { } value)
        {
            errors.Add("value", "Enter the lot value in pounds");
        }
        else if (value < 0)
        {
            errors.Add("value", "The lot value must be £0 or more");
        }
        else if (value > MaxLotValue)
        {
            errors.Add("value", "The lot value must be £1,000,000,000 or less");
        }
        else if (!FormParsing.HasAtMostPence(value))
        {
            errors.Add("value", "The lot value must be in pounds and pence, with no more than 2 decimal places");
        }

        if (input.ConstituentMember is null)
        {
            errors.Add("constituentMember", "Select whether the local authority is a constituent member of the combined authority");
        }

        if (input.WorkingAgePopulation is < 0 or > 10_000_000)
        {
            errors.Add("workingAgePopulation", "The working-age population must be between 0 and 10,000,000");
        }

        LotGroup? group = null;
        if (string.IsNullOrWhiteSpace(input.Group))
        {
            errors.Add("group", "Select the lot's group");
        }
        else
        {
            var name = input.Group.Trim();
            group = await db.LotGroups.FirstOrDefaultAsync(g => g.Name == name, cancellationToken);
            if (group is null)
            {
                var names = await GroupNamesAsync(cancellationToken);
                errors.Add("group", $"There is no group called '{name}'. Use one of: {string.Join("; ", names)}");
            }
        }

        return group;
    }

    private LotView ToView(Lot lot, int postcodeCount)
    {
        var current = CurrentContract(lot.Contracts, Formatting.TodayInLondon(clock));
        return new LotView(
            lot.Id, lot.Code, lot.Name, lot.LocalAuthority, lot.Group?.Name ?? "", lot.Group?.Description ?? "",
            lot.LeadOrganisationType, lot.Value, lot.ConstituentMember,
            current?.Provider?.Name,
            current is null ? null : new ProviderSummary(current.ProviderId, current.Provider?.Name ?? "", current.Reference),
            lot.WorkingAgePopulation, lot.WorkingAgePopulationIsDemo, postcodeCount, lot.Version);
    }

    /// <summary>
    /// The contract in force today, or once the programme has ended, the last one to have started:
    /// the provider at the end of delivery, as Table 1-1 reports it.
    /// </summary>
    public static Contract? CurrentContract(IEnumerable<Contract> contracts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var started = contracts.Where(c => c.StartDate <= today).OrderByDescending(c => c.StartDate).ToList();
        return started.FirstOrDefault(c => c.Period.Contains(today)) ?? started.FirstOrDefault();
    }
}
