using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants;

public sealed record PersonRef(Guid Id, string Name);

/// <summary>A participant's record as the API returns it and pages show it.</summary>
public sealed record ParticipantView
{
    public Guid Id { get; init; }
    public required string Reference { get; init; }
    public required string LotCode { get; init; }
    public required string LotName { get; init; }
    public Cohort Cohort { get; init; }

    /// <summary>Age band at registration: 16-24, 25-34, 35-54 or 55+.</summary>
    public required string AgeBand { get; init; }
    public ParticipantStatus Status { get; init; }
    public DateOnly RegisteredOn { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public string? Nino { get; init; }
    public NinoMissingReason? NinoMissingReason { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? Town { get; init; }
    public required string Postcode { get; init; }
    public string? Sex { get; init; }
    public string? GenderIdentity { get; init; }
    public string? Ethnicity { get; init; }
    public string? LongTermCondition { get; init; }
    public string? ActivityLimitation { get; init; }
    public string? HighestQualification { get; init; }
    public bool? HasChildcareResponsibilities { get; init; }
    public bool? HasCaringResponsibilities { get; init; }
    public bool? HasInternetAccess { get; init; }
    public EmploymentStatus EmploymentStatus { get; init; }
    public DateOnly? LastInWorkOn { get; init; }
    public decimal? WeeklyHours { get; init; }
    public decimal? HourlyWage { get; init; }
    public string? ContractType { get; init; }
    public string? RecruitmentChannel { get; init; }
    public string? Referrer { get; init; }
    public bool PrivacyNoticeAcknowledged { get; init; }
    public bool? EvaluationContactConsent { get; init; }
    public string? EligibilityOverrideReason { get; init; }
    public string? DuplicateCheckReason { get; init; }
    public PersonRef? Advisor { get; init; }
    public string? ProviderName { get; init; }
    public DateOnly? EngagedOn { get; init; }
    public int MeaningfulInterventions { get; init; }
    public DateOnly? LastContactOn { get; init; }
    public DateOnly? LeftOn { get; init; }
    public string? LeavingReason { get; init; }
    public int Version { get; init; }
}

/// <summary>A row of a caseload list.</summary>
public sealed record ParticipantListItem(
    Guid Id, string Reference, string LotCode, Cohort Cohort, string Postcode, string FirstName, string LastName, DateOnly DateOfBirth,
    ParticipantStatus Status, DateOnly RegisteredOn, DateOnly? EngagedOn, DateOnly? LastContactOn, PersonRef? Advisor);

public enum CaseloadSort
{
    Name,
    Reference,
    RegisteredOn,
    LastContact,
}

/// <summary>What a caseload list can be narrowed by. Null means "any".</summary>
public sealed record CaseloadFilter
{
    public string? LotCode { get; init; }

    /// <summary>Name, reference, National Insurance number or postcode.</summary>
    public string? Search { get; init; }
    public Cohort? Cohort { get; init; }
    public ParticipantStatus? Status { get; init; }
    public bool? Engaged { get; init; }
    public string? Barrier { get; init; }

    /// <summary>An advisor's id; <see cref="Unassigned"/> for participants with none.</summary>
    public Guid? AdvisorId { get; init; }
    public bool Unassigned { get; init; }
    public bool NoContactFor30Days { get; init; }
    public bool OverdueActions { get; init; }
    public CaseloadSort Sort { get; init; } = CaseloadSort.Name;
    public bool Descending { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>Reads participants for pages and the API, always through <see cref="ParticipantAccess"/>.</summary>
public sealed class ParticipantQueries(CcDbContext db, ParticipantAccess access)
{
    public const int NoContactDays = 30;

    public async Task<ParticipantView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleAsync(cancellationToken);
        var p = await visible.AsNoTracking().Include(p => p.Lot).Include(p => p.Advisor).Include(p => p.Contract!.Provider)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return p is null ? null : new ParticipantView
        {
            Id = p.Id,
            Reference = p.Reference,
            LotCode = p.Lot!.Code,
            LotName = p.Lot.Name,
            Cohort = p.Cohort,
            AgeBand = p.AgeBand.ShortName(),
            Status = p.Status,
            RegisteredOn = p.RegisteredOn,
            FirstName = p.FirstName,
            LastName = p.LastName,
            DateOfBirth = p.DateOfBirth,
            Nino = p.Nino,
            NinoMissingReason = p.NinoMissingReason,
            Email = p.Email,
            Phone = p.Phone,
            AddressLine1 = p.AddressLine1,
            AddressLine2 = p.AddressLine2,
            Town = p.Town,
            Postcode = p.Postcode,
            Sex = p.Sex,
            GenderIdentity = p.GenderIdentity,
            Ethnicity = p.Ethnicity,
            LongTermCondition = p.LongTermCondition,
            ActivityLimitation = p.ActivityLimitation,
            HighestQualification = p.HighestQualification,
            HasChildcareResponsibilities = p.HasChildcareResponsibilities,
            HasCaringResponsibilities = p.HasCaringResponsibilities,
            HasInternetAccess = p.HasInternetAccess,
            EmploymentStatus = p.EmploymentStatus,
            LastInWorkOn = p.LastInWorkOn,
            WeeklyHours = p.WeeklyHours,
            HourlyWage = p.HourlyWage,
            ContractType = p.EmploymentContractType,
            RecruitmentChannel = p.RecruitmentChannel,
            Referrer = p.Referrer,
            PrivacyNoticeAcknowledged = p.PrivacyNoticeAcknowledged,
            EvaluationContactConsent = p.EvaluationContactConsent,
            EligibilityOverrideReason = p.EligibilityOverrideReason,
            DuplicateCheckReason = p.DuplicateCheckReason,
            Advisor = p.Advisor is null ? null : new PersonRef(p.Advisor.Id, p.Advisor.DisplayName),
            ProviderName = p.Contract?.Provider?.Name,
            EngagedOn = p.EngagedOn,
            MeaningfulInterventions = p.MeaningfulInterventions,
            LastContactOn = p.LastContactOn,
            LeftOn = p.LeftOn,
            LeavingReason = p.LeavingReason,
            Version = p.Version,
        };
    }

    public async Task<Result<PagedList<ParticipantListItem>>> SearchAsync(CaseloadFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var filtered = await FilteredAsync(filter, cancellationToken);
        if (!filtered.Succeeded)
        {
            return Result<PagedList<ParticipantListItem>>.Invalid(filtered.Errors!);
        }

        var query = filtered.Value!;
        var (page, size) = Paging.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .Skip((page - 1) * size).Take(size)
            .Select(p => new ParticipantListItem(
                p.Id, p.Reference, p.Lot!.Code, p.Cohort, p.Postcode, p.FirstName, p.LastName, p.DateOfBirth, p.Status, p.RegisteredOn,
                p.EngagedOn, p.LastContactOn, p.Advisor == null ? null : new PersonRef(p.Advisor.Id, p.Advisor.DisplayName)))
            .ToListAsync(cancellationToken);
        return Result<PagedList<ParticipantListItem>>.Ok(new PagedList<ParticipantListItem>(items, total, page, size));
    }

    /// <summary>
    /// The caseload list before paging: the user's visible participants with the filter's search, filters and
    /// order. The page and API take a page of it; exports stream all of it, so a download holds exactly what the page lists.
    /// </summary>
    public async Task<Result<IQueryable<Participant>>> FilteredAsync(CaseloadFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new FieldErrors();
        var query = (await access.VisibleAsync(cancellationToken)).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.LotCode))
        {
            var code = LotCode.Normalise(filter.LotCode);
            var lotId = await db.Lots.Where(l => l.Code == code).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
            if (lotId is null)
            {
                errors.Add("lotCode", $"There is no lot with the code '{filter.LotCode.Trim()}'");
            }

            // A lot the user cannot see is simply empty for them: the visible-participants query already excludes it.
            query = query.Where(p => p.LotId == lotId);
        }

        if (filter.Barrier is { } barrierCode)
        {
            var barrier = Codes.Catalogue(barrierCode, Domain.Reference.Barriers.All, "barrier", "barrier", errors);
            query = query.Where(p => db.ParticipantBarriers.Any(b => b.ParticipantId == p.Id && b.Barrier == barrier && b.ResolvedOn == null));
        }

        if (errors.Any)
        {
            return Result<IQueryable<Participant>>.Invalid(errors);
        }

        query = ApplySearch(query, filter.Search);
        query = ApplyFilters(query, filter);
        return Result<IQueryable<Participant>>.Ok(Sort(query, filter));
    }

    /// <summary>Active advisors assigned to a lot.</summary>
    public static IQueryable<AppUser> AdvisorsOf(CcDbContext db, Guid lotId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var advisorRole = db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id);
        return db.Users.Where(u => u.IsActive
            && db.UserLots.Any(l => l.UserId == u.Id && l.LotId == lotId)
            && db.UserRoles.Any(r => r.UserId == u.Id && advisorRole.Contains(r.RoleId)));
    }

    // string.Compare is translated to SQL (>=, <), where the database's own collation applies.
#pragma warning disable CA1309
    private IQueryable<Participant> ApplySearch(IQueryable<Participant> query, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return query;
        }

        var term = search.Trim();
        switch (CaseloadSearch.Classify(term))
        {
            case CaseloadSearchKind.Nino:
                var nino = Nino.Check(term).Nino.Value;
                return query.Where(p => p.Nino == nino);
            case CaseloadSearchKind.Reference:
                var reference = CaseloadSearch.Reference(term);
                return query.Where(p => p.Reference == reference);
            case CaseloadSearchKind.Postcode:
                var prefix = CaseloadSearch.PostcodePrefix(term);
                var after = CaseloadSearch.After(prefix);
                return db.IsSqlite
                    ? query.Where(p => string.Compare(p.Postcode, prefix) >= 0 && string.Compare(p.Postcode, after) < 0)
                    : query.Where(p => EF.Functions.Like(p.Postcode, prefix + "%"));
            default:
                var words = CaseloadSearch.NameWords(term);
                if (words.Count == 0)
                {
                    return query.Where(p => false);
                }

                if (words.Count == 1)
                {
                    var word = words[0];
                    return db.IsSqlite
                        ? query.Where(p => (string.Compare(p.SearchLastName, word) >= 0 && string.Compare(p.SearchLastName, CaseloadSearch.After(word)) < 0)
                            || (string.Compare(p.SearchFirstName, word) >= 0 && string.Compare(p.SearchFirstName, CaseloadSearch.After(word)) < 0))
                        : query.Where(p => EF.Functions.Like(p.SearchLastName, word + "%") || EF.Functions.Like(p.SearchFirstName, word + "%"));
                }

                // "jane smith" or "smith jane": the first word starts one name and the last starts the other.
                var firstWord = words[0];
                var lastWord = words[^1];
                return db.IsSqlite
                    ? query.Where(p =>
                        (string.Compare(p.SearchFirstName, firstWord) >= 0 && string.Compare(p.SearchFirstName, CaseloadSearch.After(firstWord)) < 0
                            && string.Compare(p.SearchLastName, lastWord) >= 0 && string.Compare(p.SearchLastName, CaseloadSearch.After(lastWord)) < 0)
                        || (string.Compare(p.SearchLastName, firstWord) >= 0 && string.Compare(p.SearchLastName, CaseloadSearch.After(firstWord)) < 0
                            && string.Compare(p.SearchFirstName, lastWord) >= 0 && string.Compare(p.SearchFirstName, CaseloadSearch.After(lastWord)) < 0))
                    : query.Where(p => (EF.Functions.Like(p.SearchFirstName, firstWord + "%") && EF.Functions.Like(p.SearchLastName, lastWord + "%"))
                        || (EF.Functions.Like(p.SearchLastName, firstWord + "%") && EF.Functions.Like(p.SearchFirstName, lastWord + "%")));
        }
    }

#pragma warning restore CA1309

    private IQueryable<Participant> ApplyFilters(IQueryable<Participant> query, CaseloadFilter filter)
    {
        if (filter.Cohort is { } cohort)
        {
            query = query.Where(p => p.Cohort == cohort);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.Engaged is { } engaged)
        {
            query = engaged ? query.Where(p => p.EngagedOn != null) : query.Where(p => p.EngagedOn == null);
        }

        if (filter.Unassigned)
        {
            query = query.Where(p => p.AdvisorId == null);
        }
        else if (filter.AdvisorId is { } advisorId)
        {
            query = query.Where(p => p.AdvisorId == advisorId);
        }

        var today = access.Today;
        if (filter.NoContactFor30Days)
        {
            var since = today.AddDays(-NoContactDays);
            query = query.Where(p => p.Status == ParticipantStatus.Active
                && ((p.LastContactOn == null && p.RegisteredOn < since) || p.LastContactOn < since));
        }

        if (filter.OverdueActions)
        {
            query = query.Where(p => db.PlanActions.Any(a => a.ParticipantId == p.Id
                && (a.Status == ActionStatus.Identified || a.Status == ActionStatus.Agreed) && a.DueOn < today));
        }

        return query;
    }

    private static IQueryable<Participant> Sort(IQueryable<Participant> query, CaseloadFilter filter) => (filter.Sort, filter.Descending) switch
    {
        (CaseloadSort.Reference, false) => query.OrderBy(p => p.Reference),
        (CaseloadSort.Reference, true) => query.OrderByDescending(p => p.Reference),
        (CaseloadSort.RegisteredOn, false) => query.OrderBy(p => p.RegisteredOn).ThenBy(p => p.Reference),
        (CaseloadSort.RegisteredOn, true) => query.OrderByDescending(p => p.RegisteredOn).ThenBy(p => p.Reference),
        (CaseloadSort.LastContact, false) => query.OrderBy(p => p.LastContactOn).ThenBy(p => p.Reference),
        (CaseloadSort.LastContact, true) => query.OrderByDescending(p => p.LastContactOn).ThenBy(p => p.Reference),
        (_, false) => query.OrderBy(p => p.SearchLastName).ThenBy(p => p.SearchFirstName).ThenBy(p => p.Reference),
        (_, true) => query.OrderByDescending(p => p.SearchLastName).ThenByDescending(p => p.SearchFirstName).ThenBy(p => p.Reference),
    };
}
