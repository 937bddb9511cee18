using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Entities;

public sealed class ProgrammeRecord : VersionedEntity
{
    public required string Name { get; set; }
    public string Commissioner { get; set; } = "";
    public string Funder { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public int EngagementThreshold { get; set; } = 3;

    /// <summary>The shortest contact that counts as a meaningful intervention.</summary>
    public int MeaningfulInterventionMinutes { get; set; } = Domain.Programme.MeaningfulInterventionRule.DefaultMinimumMinutes;
    public ProgressionDefinition ProgressionDefinition { get; set; } = ProgressionDefinition.Strict;
    public int SustainmentGapDays { get; set; } = 28;

    /// <summary>The share of submitted claim lines picked at random for audit, 0 to 100.</summary>
    public decimal AuditSamplePercentage { get; set; } = 10m;

    /// <summary>Every claim line above this amount is picked for audit; null for no such rule.</summary>
    public decimal? AuditAllAboveAmount { get; set; } = 1000m;

    /// <summary>Performance at or above this percentage of target to date is green.</summary>
    public decimal RagGreenFromPercent { get; set; } = 95m;

    /// <summary>Performance at or above this percentage of target to date (and below green) is amber; below it, red.</summary>
    public decimal RagAmberFromPercent { get; set; } = 80m;

    /// <summary>
    /// Personal data is kept until 31 December of this many years after the programme ends (funders' audit duties).
    /// </summary>
    public int RetentionYearsAfterEnd { get; set; } = 7;
    public List<LotGroup> Groups { get; } = [];
    public List<Lot> Lots { get; } = [];
}

public sealed class LotGroup : Entity
{
    public Guid ProgrammeId { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
}

public sealed class Lot : VersionedEntity
{
    public Guid ProgrammeId { get; set; }
    public ProgrammeRecord? Programme { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string LocalAuthority { get; set; }
    public Guid GroupId { get; set; }
    public LotGroup? Group { get; set; }
    public string LeadOrganisationType { get; set; } = "";
    public decimal Value { get; set; }
    public bool ConstituentMember { get; set; }
    public int? WorkingAgePopulation { get; set; }
    public bool WorkingAgePopulationIsDemo { get; set; }
    public List<Contract> Contracts { get; } = [];
}

public sealed class LotPostcode : Entity
{
    public Guid LotId { get; set; }
    public required string Postcode { get; set; }

    /// <summary>Outward code, kept so that area checks and reports can group by district.</summary>
    public required string District { get; set; }
}

public sealed class Provider : VersionedEntity
{
    public required string Name { get; set; }
    public string OrganisationType { get; set; } = "";
    public bool IsDemo { get; set; }

    /// <summary>Flagged by the commissioner: every line this provider claims is picked for audit.</summary>
    public bool FlaggedForAudit { get; set; }
}

public sealed class Contract : VersionedEntity
{
    public required string Reference { get; set; }
    public Guid LotId { get; set; }
    public Lot? Lot { get; set; }
    public Guid ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Notes { get; set; }
    public List<ContractVariation> Variations { get; } = [];

    public DateRange Period => new(StartDate, EndDate);
}

public sealed class ContractVariation : Entity
{
    public Guid ContractId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public bool IsDemo { get; set; }
}

/// <summary>A payment rate for a milestone and cohort from a date; a later row for the same pair supersedes it.</summary>
public sealed class Tariff : VersionedEntity
{
    public Guid ProgrammeId { get; set; }
    public Milestone Milestone { get; set; }
    public Cohort Cohort { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public decimal Amount { get; set; }
    public string? Reason { get; set; }
    public bool IsDemo { get; set; }
}

/// <summary>
/// The number of a milestone a lot should achieve in a quarter, as agreed from a date. A contract
/// variation adds rows with a later <see cref="EffectiveFrom"/>; the originals stay as history.
/// </summary>
public sealed class Target : VersionedEntity
{
    public Guid LotId { get; set; }
    public Lot? Lot { get; set; }
    public Milestone Milestone { get; set; }
    public DateOnly QuarterStart { get; set; }
    public int Count { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public string? Reason { get; set; }
    public bool IsDemo { get; set; }

    public Quarter Quarter => Quarter.Containing(QuarterStart);
}
