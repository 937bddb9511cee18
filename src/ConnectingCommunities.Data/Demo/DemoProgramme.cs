using ConnectingCommunities.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// What the demo caseload generator needs to know about the programme as set up in the database:
/// its delivery period and engagement rule, and for each lot its value, area (postcodes),
/// contracts and demo advisor.
/// </summary>
public sealed record DemoProgramme(
    DateOnly Start,
    DateOnly End,
    int EngagementThreshold,
    int MeaningfulInterventionMinutes,
    IReadOnlyList<DemoLot> Lots)
{
    /// <summary>The address of a lot's demo advisor, as the web app creates them.</summary>
    public static string AdvisorEmail(string lotCode)
    {
        ArgumentNullException.ThrowIfNull(lotCode);
        return $"advisor.{lotCode.ToLowerInvariant()}@demo.test";
    }

    /// <summary>Reads the programme, lots, areas, contracts and demo advisors from the database.</summary>
    /// <exception cref="DemoDataException">There is no programme, or a lot has no area or no contract.</exception>
    public static async Task<DemoProgramme> LoadAsync(CcDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var programme = await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DemoDataException("The database has no programme: run 'cc migrate' first, which applies the migrations and creates the programme.");
        var lots = await db.Lots.AsNoTracking().Where(l => l.ProgrammeId == programme.Id).OrderBy(l => l.Code).ToListAsync(cancellationToken);
        var postcodes = (await db.LotPostcodes.AsNoTracking().Select(p => new { p.LotId, p.Postcode }).ToListAsync(cancellationToken))
            .ToLookup(p => p.LotId, p => p.Postcode);
        var contracts = (await db.Contracts.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.LotId);
        // Identity keeps emails upper case in NormalizedEmail, which is indexed.
        var advisorEmails = lots.Select(l => AdvisorEmail(l.Code).ToUpperInvariant()).ToList();
        var advisors = await db.Users.AsNoTracking()
            .Where(u => advisorEmails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.NormalizedEmail, u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);

        var demoLots = lots.Select(lot =>
        {
            var advisor = advisors.FirstOrDefault(a => string.Equals(a.NormalizedEmail, AdvisorEmail(lot.Code), StringComparison.OrdinalIgnoreCase));
            return new DemoLot(
                lot.Id,
                lot.Code,
                lot.Name,
                lot.LocalAuthority,
                lot.Value,
                [.. postcodes[lot.Id].Order(StringComparer.Ordinal)],
                [.. contracts[lot.Id].OrderBy(c => c.StartDate).Select(c => new DemoContract(c.Id, c.Reference, c.StartDate, c.EndDate))],
                advisor is null ? null : new DemoAdvisor(advisor.Id, advisor.DisplayName));
        }).ToList();
        return new DemoProgramme(programme.StartDate, programme.EndDate, programme.EngagementThreshold, programme.MeaningfulInterventionMinutes, demoLots);
    }

    /// <summary>
    /// The programme as the seed file describes it, with new ids and no advisors: for tests of the
    /// generator that need no database.
    /// </summary>
    public static DemoProgramme FromSeed(ProgrammeSeed seed, int meaningfulInterventionMinutes = Domain.Programme.MeaningfulInterventionRule.DefaultMinimumMinutes)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var lots = seed.Lots.Select(lot => new DemoLot(
            Guid.CreateVersion7(),
            lot.Code,
            lot.Name,
            lot.LocalAuthority,
            lot.Value,
            [.. lot.Postcodes],
            [.. seed.Contracts.Where(c => c.Lot == lot.Code).OrderBy(c => c.Start).Select(c => new DemoContract(Guid.CreateVersion7(), c.Reference, c.Start, c.End))],
            null)).ToList();
        return new DemoProgramme(seed.Programme.Start, seed.Programme.End, seed.Programme.EngagementThreshold, meaningfulInterventionMinutes, lots);
    }
}

/// <summary>A lot as the generator sees it.</summary>
/// <param name="Postcodes">The lot's area: every participant of the lot lives at one of these.</param>
/// <param name="Contracts">The lot's contracts, earliest first.</param>
/// <param name="Advisor">The lot's demo advisor, when the web app has created one.</param>
public sealed record DemoLot(
    Guid Id,
    string Code,
    string Name,
    string LocalAuthority,
    decimal Value,
    IReadOnlyList<string> Postcodes,
    IReadOnlyList<DemoContract> Contracts,
    DemoAdvisor? Advisor)
{
    /// <summary>The contract active on a day, or null when none is.</summary>
    public DemoContract? ContractOn(DateOnly day) => Contracts.LastOrDefault(c => c.IsActiveOn(day));
}

public sealed record DemoContract(Guid Id, string Reference, DateOnly Start, DateOnly? End)
{
    public bool IsActiveOn(DateOnly day) => day >= Start && (End is null || day <= End);
}

public sealed record DemoAdvisor(Guid Id, string DisplayName);

/// <summary>Demo data cannot be made: the message says why and what to do.</summary>
public sealed class DemoDataException : Exception
{
    public DemoDataException()
    {
    }

    public DemoDataException(string message)
        : base(message)
    {
    }

    public DemoDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
