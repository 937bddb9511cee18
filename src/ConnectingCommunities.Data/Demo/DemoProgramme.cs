using ConnectingCommunities.Data.Seed;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// What the demo caseload generator needs to know about the programme as set up in the database:
/// its delivery period and engagement rule, and for each lot its value, area (postcodes),
/// contracts and demo advisor and manager; for outcomes and claims the tariffs, the allowed gap
/// between jobs, the paying definition of progression, the audit sampling settings and the demo
/// commissioner who decides claims.
/// </summary>
public sealed record DemoProgramme(
    DateOnly Start,
    DateOnly End,
    int EngagementThreshold,
    int MeaningfulInterventionMinutes,
    IReadOnlyList<DemoLot> Lots)
{
    /// <summary>The tariffs (milestone by cohort, effective-dated) that price claim lines.</summary>
    public IReadOnlyList<TariffRate> Tariffs { get; init; } = [];

    /// <summary>The allowed gap between jobs for continuous employment (ProgrammeRecord.SustainmentGapDays).</summary>
    public int SustainmentGapDays { get; init; } = EmploymentContinuity.DefaultGapDays;

    /// <summary>Which definition of progression pays (ProgrammeRecord.ProgressionDefinition).</summary>
    public Domain.Outcomes.ProgressionDefinition ProgressionDefinition { get; init; } = Domain.Outcomes.ProgressionDefinition.Strict;

    /// <summary>The share of submitted lines picked at random for audit.</summary>
    public decimal AuditSamplePercentage { get; init; } = 10m;

    /// <summary>Every line above this amount is picked for audit; null for none.</summary>
    public decimal? AuditAllAboveAmount { get; init; } = 1000m;

    /// <summary>Providers all of whose lines are picked for audit.</summary>
    public IReadOnlySet<Guid> FlaggedProviders { get; init; } = new HashSet<Guid>();

    /// <summary>The demo commissioner, who decides claims and makes payment runs, when the web app has created one.</summary>
    public DemoAdvisor? Commissioner { get; init; }

    /// <summary>Employers already in the database (by normalised name), reused rather than added again.</summary>
    public IReadOnlyDictionary<string, Guid> ExistingEmployers { get; init; } = new Dictionary<string, Guid>(StringComparer.Ordinal);

    /// <summary>The address of the demo commissioner, as the web app creates it.</summary>
    public const string CommissionerEmail = "commissioner@demo.test";

    /// <summary>The address of a lot's demo provider manager, as the web app creates them.</summary>
    public static string ManagerEmail(string lotCode)
    {
        ArgumentNullException.ThrowIfNull(lotCode);
        return $"manager.{lotCode.ToLowerInvariant()}@demo.test";
    }

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
        var demoEmails = lots.SelectMany(l => new[] { AdvisorEmail(l.Code), ManagerEmail(l.Code) }).Append(CommissionerEmail)
            .Select(e => e.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => demoEmails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.NormalizedEmail, u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        DemoAdvisor? UserWith(string email) => users
            .Where(u => string.Equals(u.NormalizedEmail, email, StringComparison.OrdinalIgnoreCase))
            .Select(u => new DemoAdvisor(u.Id, u.DisplayName))
            .FirstOrDefault();
        var tariffs = await db.Tariffs.AsNoTracking().Where(t => t.ProgrammeId == programme.Id)
            .Select(t => new { t.Milestone, t.Cohort, t.EffectiveFrom, t.Amount })
            .ToListAsync(cancellationToken);
        var flagged = await db.Providers.AsNoTracking().Where(p => p.FlaggedForAudit).Select(p => p.Id).ToListAsync(cancellationToken);
        var employers = await db.Employers.AsNoTracking().Select(e => new { e.NormalisedName, e.Id }).ToListAsync(cancellationToken);

        var demoLots = lots.Select(lot =>
        {
            var advisor = UserWith(AdvisorEmail(lot.Code));
            return new DemoLot(
                lot.Id,
                lot.Code,
                lot.Name,
                lot.LocalAuthority,
                lot.Value,
                [.. postcodes[lot.Id].Order(StringComparer.Ordinal)],
                [.. contracts[lot.Id].OrderBy(c => c.StartDate).Select(c => new DemoContract(c.Id, c.Reference, c.StartDate, c.EndDate, c.ProviderId))],
                advisor,
                UserWith(ManagerEmail(lot.Code)));
        }).ToList();
        return new DemoProgramme(programme.StartDate, programme.EndDate, programme.EngagementThreshold, programme.MeaningfulInterventionMinutes, demoLots)
        {
            Tariffs = [.. tariffs.Select(t => new TariffRate(t.Milestone, t.Cohort, t.EffectiveFrom, t.Amount))],
            SustainmentGapDays = programme.SustainmentGapDays,
            ProgressionDefinition = programme.ProgressionDefinition,
            AuditSamplePercentage = programme.AuditSamplePercentage,
            AuditAllAboveAmount = programme.AuditAllAboveAmount,
            FlaggedProviders = flagged.ToHashSet(),
            Commissioner = UserWith(CommissionerEmail),
            ExistingEmployers = employers.ToDictionary(e => e.NormalisedName, e => e.Id, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The programme as the seed file describes it, with new ids and no users: for tests of the
    /// generator that need no database.
    /// </summary>
    public static DemoProgramme FromSeed(ProgrammeSeed seed, int meaningfulInterventionMinutes = Domain.Programme.MeaningfulInterventionRule.DefaultMinimumMinutes)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var providers = seed.Providers.ToDictionary(p => p.Key, _ => Guid.CreateVersion7(), StringComparer.Ordinal);
        var lots = seed.Lots.Select(lot => new DemoLot(
            Guid.CreateVersion7(),
            lot.Code,
            lot.Name,
            lot.LocalAuthority,
            lot.Value,
            [.. lot.Postcodes],
            [.. seed.Contracts.Where(c => c.Lot == lot.Code).OrderBy(c => c.Start)
                .Select(c => new DemoContract(Guid.CreateVersion7(), c.Reference, c.Start, c.End, providers[c.Provider]))],
            null)).ToList();
        return new DemoProgramme(seed.Programme.Start, seed.Programme.End, seed.Programme.EngagementThreshold, meaningfulInterventionMinutes, lots)
        {
            Tariffs = [.. seed.Tariffs.Select(t => new TariffRate(t.Milestone, t.Cohort, t.EffectiveFrom, t.Amount))],
            SustainmentGapDays = seed.Programme.SustainmentGapDays,
            ProgressionDefinition = string.Equals(seed.Programme.ProgressionDefinition, "wider", StringComparison.OrdinalIgnoreCase)
                ? Domain.Outcomes.ProgressionDefinition.Wider
                : Domain.Outcomes.ProgressionDefinition.Strict,
        };
    }
}

/// <summary>A lot as the generator sees it.</summary>
/// <param name="Postcodes">The lot's area: every participant of the lot lives at one of these.</param>
/// <param name="Contracts">The lot's contracts, earliest first.</param>
/// <param name="Advisor">The lot's demo advisor, when the web app has created one.</param>
/// <param name="Manager">The lot's demo provider manager, who makes and submits its claims, when the web app has created one.</param>
public sealed record DemoLot(
    Guid Id,
    string Code,
    string Name,
    string LocalAuthority,
    decimal Value,
    IReadOnlyList<string> Postcodes,
    IReadOnlyList<DemoContract> Contracts,
    DemoAdvisor? Advisor,
    DemoAdvisor? Manager = null)
{
    /// <summary>The contract active on a day, or null when none is.</summary>
    public DemoContract? ContractOn(DateOnly day) => Contracts.LastOrDefault(c => c.IsActiveOn(day));
}

/// <param name="ProviderId">The provider holding the contract, who claims under it.</param>
public sealed record DemoContract(Guid Id, string Reference, DateOnly Start, DateOnly? End, Guid ProviderId = default)
{
    public bool IsActiveOn(DateOnly day) => day >= Start && (End is null || day <= End);
}

/// <summary>A demo user: an advisor, a provider manager or the commissioner.</summary>
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
