namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

/// <summary>A new employer, with how the caller's lot came to work with it.</summary>
public sealed record EmployerInput
{
    /// <summary>The organisation's name. A name already on the list (ignoring case and spacing) is that employer.</summary>
    public string? Name { get; init; }

    /// <summary>Optional: 8 digits, or 2 letters and 6 digits (SC123456); shorter digit-only numbers are padded with zeros.</summary>
    public string? CompaniesHouseNumber { get; init; }

    /// <summary>SIC 2007 section letter A to U (any case), or the section's title.</summary>
    public string? Sector { get; init; }

    /// <summary>micro, small, medium or large.</summary>
    public string? SizeBand { get; init; }

    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? Town { get; init; }
    public string? Postcode { get; init; }

    /// <summary>ExistingLinks, JobFair, CloseRelationship, OnlineVacancySearch, ColdCalling, ReverseMarketing or EmploymentAgency (camelCase codes too).</summary>
    public string? EngagementMethod { get; init; }

    /// <summary>When the lot began working with the employer; today when left out.</summary>
    public DateOnly? BeganOn { get; init; }

    /// <summary>The lot's own notes about the relationship: seen only by that lot (and commissioners).</summary>
    public string? Notes { get; init; }

    /// <summary>The lot code, needed only by someone who works for more than one lot.</summary>
    public string? Lot { get; init; }
}

/// <summary>A change to the organisation's shared details (not to any lot's relationship).</summary>
public sealed record EmployerDetailsInput
{
    public string? Name { get; init; }
    public string? CompaniesHouseNumber { get; init; }
    public string? Sector { get; init; }
    public string? SizeBand { get; init; }
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? Town { get; init; }
    public string? Postcode { get; init; }
    public string? Reason { get; init; }
}

/// <summary>The caller's lot's relationship with an employer: created if the lot has none, changed otherwise.</summary>
public sealed record RelationshipInput
{
    public string? EngagementMethod { get; init; }
    public DateOnly? BeganOn { get; init; }
    public string? Notes { get; init; }
    public string? Lot { get; init; }
    public int? Version { get; init; }
    public string? Reason { get; init; }
}

/// <summary>A person at the employer, recorded for the caller's lot only.</summary>
public sealed record ContactInput
{
    public string? Name { get; init; }
    public string? JobTitle { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Lot { get; init; }
}

/// <summary>A dated contact or activity with the employer, recorded for the caller's lot only.</summary>
public sealed record ActivityInput
{
    /// <summary>contact, meeting, tasterDay, workExperience, guaranteedInterview, recruitmentEvent or jobFair.</summary>
    public string? Kind { get; init; }
    public DateOnly? OccurredOn { get; init; }
    public int? ParticipantsInvolved { get; init; }
    public string? Notes { get; init; }
    public string? Lot { get; init; }
}

/// <summary>What creating an employer did: a new record, or the caller's lot added to the employer of that name.</summary>
/// <param name="Id">The employer.</param>
/// <param name="Existing">True when the employer was already on the list and the lot's relationship was added to it.</param>
public sealed record EmployerCreated(Guid Id, bool Existing);

/// <summary>An employer in a list.</summary>
public sealed record EmployerSummary(
    Guid Id, string Name, string? Postcode, string? Town, string? Sector, string? SizeBand, IReadOnlyList<string> Lots, int OpenVacancies);

/// <summary>An employer that may be the one being added.</summary>
/// <param name="Why">"Similar name", "Same postcode" or both.</param>
public sealed record PossibleDuplicate(Guid Id, string Name, string? Postcode, string? Town, string Why);

public sealed record RelationshipView(
    Guid Id, string Lot, string EngagementMethod, string EngagementMethodName, DateOnly BeganOn, string? Notes, int Version);

public sealed record ContactView(Guid Id, string Lot, string Name, string? JobTitle, string? Email, string? Phone);

public sealed record ActivityView(
    Guid Id, string Lot, DateOnly OccurredOn, string Kind, string KindName, int? ParticipantsInvolved, string? Notes, DateTimeOffset RecordedAt);

/// <summary>
/// An employer with what the caller may see: the shared organisation details, which lots work with it, and
/// the relationships, contacts and activities of the caller's own lots (every lot's for a commissioner).
/// </summary>
public sealed record EmployerView(
    Guid Id,
    string Name,
    string? CompaniesHouseNumber,
    string? Sector,
    string? SectorTitle,
    string? SizeBand,
    string? SizeBandName,
    string? AddressLine1,
    string? AddressLine2,
    string? Town,
    string? Postcode,
    string? AddedByLot,
    IReadOnlyList<string> Lots,
    IReadOnlyList<RelationshipView> Relationships,
    IReadOnlyList<ContactView> Contacts,
    IReadOnlyList<ActivityView> Activities,
    int OpenVacancies,
    DateTimeOffset CreatedAt);
