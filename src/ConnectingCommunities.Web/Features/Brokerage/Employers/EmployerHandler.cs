using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

/// <summary>
/// Employers: one record per organisation for the whole programme, each lot's relationship with it, and the
/// lot's own contacts and dated activities. The organisation and which lots work with it are visible to every
/// caseworker; a lot's notes, contacts and activities only to that lot (and commissioners).
/// </summary>
public sealed class EmployerHandler(CcDbContext db, CurrentUser user, BrokerageLots lots, TimeProvider clock)
{
    public const int MaxPossibleDuplicates = 10;

    public DateOnly Today => Formatting.TodayInLondon(clock);

    /// <summary>Employers by name, optionally only a sector's or only those a lot works with; name order.</summary>
    public async Task<PagedList<EmployerSummary>> ListAsync(
        string? search, string? sector, string? lotCode, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var (number, size) = Paging.Normalise(page, pageSize);
        var query = db.Employers.AsNoTracking();
        if (EmployerNames.Clean(search) is { } text)
        {
            var lower = text.ToLowerInvariant();
            var upper = text.ToUpperInvariant();
            query = query.Where(e => e.NormalisedName.Contains(lower) || e.Postcode == upper);
        }

        if (SicSections.Find(sector) is { } section)
        {
            query = query.Where(e => e.SicSection == section.Letter);
        }

        if (!string.IsNullOrWhiteSpace(lotCode))
        {
            var code = lotCode.Trim().ToUpperInvariant();
            query = query.Where(e => db.EmployerRelationships.Any(r => r.EmployerId == e.Id && db.Lots.Any(l => l.Id == r.LotId && l.Code == code)));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(e => e.NormalisedName).Skip((number - 1) * size).Take(size)
            .Select(e => new { e.Id, e.Name, e.Postcode, e.Town, e.SicSection, e.SizeBand })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var lotsOf = await LotCodesAsync(ids, cancellationToken);
        var open = await OpenVacanciesAsync(ids, cancellationToken);
        var items = rows.Select(r => new EmployerSummary(
            r.Id, r.Name, r.Postcode, r.Town, r.SicSection, r.SizeBand, lotsOf[r.Id].ToList(), open.GetValueOrDefault(r.Id))).ToList();
        return new PagedList<EmployerSummary>(items, total, number, size);
    }

    /// <summary>The employer with what this user may see of it; null when there is no such employer.</summary>
    public async Task<EmployerView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (employer is null)
        {
            return null;
        }

        var allLots = await lots.AllAsync(cancellationToken);
        var codeOf = allLots.ToDictionary(l => l.Id, l => l.Code);
        var visibleIds = (await lots.VisibleAsync(cancellationToken)).Select(l => l.Id).ToList();
        var relationships = await db.EmployerRelationships.AsNoTracking().Where(r => r.EmployerId == id).ToListAsync(cancellationToken);
        var contacts = await db.EmployerContacts.AsNoTracking()
            .Where(c => c.EmployerId == id && visibleIds.Contains(c.LotId)).ToListAsync(cancellationToken);
        var activities = await db.EmployerActivities.AsNoTracking()
            .Where(a => a.EmployerId == id && visibleIds.Contains(a.LotId)).ToListAsync(cancellationToken);
        var open = await db.Vacancies.CountAsync(v => v.EmployerId == id && v.Status == VacancyStatus.Open, cancellationToken);
        var section = SicSections.Find(employer.SicSection);
        var band = EmployerSizeBands.Find(employer.SizeBand);
        return new EmployerView(
            employer.Id,
            employer.Name,
            employer.CompaniesHouseNumber,
            employer.SicSection,
            section?.Title,
            employer.SizeBand,
            band?.DisplayName,
            employer.AddressLine1,
            employer.AddressLine2,
            employer.Town,
            employer.Postcode,
            employer.AddedByLotId is { } added ? codeOf.GetValueOrDefault(added) : null,
            [.. relationships.Select(r => codeOf.GetValueOrDefault(r.LotId) ?? "").Order(StringComparer.Ordinal)],
            [
                .. relationships.Where(r => visibleIds.Contains(r.LotId)).OrderBy(r => codeOf.GetValueOrDefault(r.LotId), StringComparer.Ordinal)
                    .Select(r => ToView(r, codeOf)),
            ],
            [
                .. contacts.OrderBy(c => codeOf.GetValueOrDefault(c.LotId), StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(c => new ContactView(c.Id, codeOf.GetValueOrDefault(c.LotId) ?? "", c.Name, c.JobTitle, c.Email, c.Phone)),
            ],
            [
                .. activities.OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.RecordedAt)
                    .Select(a => new ActivityView(
                        a.Id, codeOf.GetValueOrDefault(a.LotId) ?? "", a.OccurredOn, a.Kind, EmployerActivityKinds.Find(a.Kind)?.DisplayName ?? a.Kind,
                        a.ParticipantsInvolved, a.Notes, a.RecordedAt)),
            ],
            open,
            employer.CreatedAt);
    }

    /// <summary>
    /// Employers that may be the one about to be added: a similar name (see <see cref="EmployerNames.AreSimilar"/>)
    /// or the same postcode; those with both first.
    /// </summary>
    public async Task<IReadOnlyList<PossibleDuplicate>> PossibleDuplicatesAsync(string? name, string? postcode, CancellationToken cancellationToken = default)
    {
        var key = EmployerNames.Key(name);
        string? code = null;
        if (!string.IsNullOrWhiteSpace(postcode) && Domain.People.Postcode.TryParse(postcode, out var parsed))
        {
            code = parsed.Value;
        }

        if (key.Length == 0 && code is null)
        {
            return [];
        }

        // Names are compared in memory: similarity is not something SQL can index. The list is the programme's
        // employers (thousands, not millions), read as id, name and postcode only.
        var candidates = await db.Employers.AsNoTracking()
            .Select(e => new { e.Id, e.Name, e.Postcode, e.Town })
            .ToListAsync(cancellationToken);
        return
        [
            .. candidates
                .Select(e => (e, Similar: key.Length > 0 && EmployerNames.AreSimilar(name, e.Name), SamePostcode: code is not null && e.Postcode == code))
                .Where(x => x.Similar || x.SamePostcode)
                .OrderBy(x => x.Similar && x.SamePostcode ? 0 : x.Similar ? 1 : 2)
                .ThenBy(x => x.e.Name, StringComparer.OrdinalIgnoreCase)
                .Take(MaxPossibleDuplicates)
                .Select(x => new PossibleDuplicate(
                    x.e.Id, x.e.Name, x.e.Postcode, x.e.Town,
                    x.Similar && x.SamePostcode ? "Similar name and same postcode" : x.Similar ? "Similar name" : "Same postcode")),
        ];
    }

    /// <summary>
    /// Adds the employer and the caller's lot's relationship with it. A name already on the list (ignoring case and
    /// spacing) is that employer: the lot's relationship is added to it (<see cref="EmployerCreated.Existing"/>); if the
    /// lot already works with it the answer is a conflict carrying the existing employer's id.
    /// </summary>
    public async Task<Result<EmployerCreated>> CreateAsync(EmployerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var lot = await lots.ChooseAsync(input.Lot, errors, cancellationToken);
        var name = EmployerNames.Clean(input.Name);
        Validation.RequiredText(name, "name", "organisation name", BrokerageChecks.MaxNameLength, errors);
        var details = CheckDetails(input.CompaniesHouseNumber, input.Sector, input.SizeBand, input.AddressLine1, input.AddressLine2, input.Town, input.Postcode, errors);
        var method = BrokerageChecks.EngagementMethod(input.EngagementMethod, "engagementMethod", errors);
        BrokerageChecks.NotInFuture(input.BeganOn, "beganOn", "date the relationship began", Today, errors);
        Validation.OptionalText(input.Notes, "notes", "notes", BrokerageChecks.MaxNotesLength, errors);
        if (errors.Any)
        {
            return Result<EmployerCreated>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var normalised = EmployerNames.Normalise(name!);
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.NormalisedName == normalised, cancellationToken);
        var existing = employer is not null;
        if (employer is null)
        {
            employer = new Employer
            {
                Name = name!,
                NormalisedName = normalised,
                CreatedAt = now,
                AddedByLotId = lot!.Id,
                AddedById = user.UserId,
            };
            details.ApplyTo(employer);
            db.Employers.Add(employer);
        }
        else
        {
            if (await db.EmployerRelationships.AnyAsync(r => r.EmployerId == employer.Id && r.LotId == lot!.Id, cancellationToken))
            {
                return new Result<EmployerCreated>(
                    ResultStatus.Conflict,
                    new EmployerCreated(employer.Id, true),
                    Detail: $"{employer.Name} is already on the employer list and lot {lot!.Code} already works with it: use the existing employer.");
            }

            // Details the first lot left out are filled in; nothing another lot entered is overwritten.
            details.FillGaps(employer);
        }

        db.EmployerRelationships.Add(new EmployerRelationship
        {
            EmployerId = employer.Id,
            LotId = lot!.Id,
            EngagementMethod = method!.Code,
            BeganOn = input.BeganOn ?? Today,
            Notes = BrokerageChecks.Clean(input.Notes),
            CreatedById = user.UserId,
            CreatedAt = now,
        });
        if (!await Saving.SavedWithoutConflictAsync(db, cancellationToken))
        {
            return Result<EmployerCreated>.Conflict("Someone else added this employer at the same moment. Search for it and add it to your lot.");
        }

        return Result<EmployerCreated>.Ok(new EmployerCreated(employer.Id, existing));
    }

    /// <summary>Changes the organisation's shared details; every lot sees the change, and it is audited with the reason.</summary>
    public async Task<Result<EmployerView>> UpdateAsync(Guid id, EmployerDetailsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (employer is null)
        {
            return Result<EmployerView>.NotFound();
        }

        var errors = new FieldErrors();
        if (!user.IsLotScoped)
        {
            errors.Add("name", "Only advisors and provider managers change employers");
        }

        var name = EmployerNames.Clean(input.Name);
        Validation.RequiredText(name, "name", "organisation name", BrokerageChecks.MaxNameLength, errors);
        var details = CheckDetails(input.CompaniesHouseNumber, input.Sector, input.SizeBand, input.AddressLine1, input.AddressLine2, input.Town, input.Postcode, errors);
        Validation.OptionalText(input.Reason, "reason", "reason", BrokerageChecks.MaxReasonLength, errors);
        if (name is not null && !errors.Has("name"))
        {
            var normalised = EmployerNames.Normalise(name);
            if (await db.Employers.AnyAsync(e => e.NormalisedName == normalised && e.Id != id, cancellationToken))
            {
                errors.Add("name", $"Another employer is already called {name}");
            }
        }

        if (errors.Any)
        {
            return Result<EmployerView>.Invalid(errors);
        }

        employer.Name = name!;
        employer.NormalisedName = EmployerNames.Normalise(name!);
        details.ApplyTo(employer);
        user.Reason = BrokerageChecks.Clean(input.Reason);
        if (!await Saving.SavedWithoutConflictAsync(db, cancellationToken))
        {
            return Result<EmployerView>.Conflict("Someone else changed this employer at the same moment. Reload it and make your change again.");
        }

        return Result<EmployerView>.Ok((await FindAsync(id, cancellationToken))!);
    }

    /// <summary>Adds the caller's lot's relationship with the employer, or changes it (with the version read, and a reason).</summary>
    public async Task<Result<RelationshipView>> SaveRelationshipAsync(Guid employerId, RelationshipInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Employers.AnyAsync(e => e.Id == employerId, cancellationToken))
        {
            return Result<RelationshipView>.NotFound();
        }

        var errors = new FieldErrors();
        var lot = await lots.ChooseAsync(input.Lot, errors, cancellationToken);
        var method = BrokerageChecks.EngagementMethod(input.EngagementMethod, "engagementMethod", errors);
        BrokerageChecks.NotInFuture(input.BeganOn, "beganOn", "date the relationship began", Today, errors);
        Validation.OptionalText(input.Notes, "notes", "notes", BrokerageChecks.MaxNotesLength, errors);
        Validation.OptionalText(input.Reason, "reason", "reason", BrokerageChecks.MaxReasonLength, errors);
        if (errors.Any)
        {
            return Result<RelationshipView>.Invalid(errors);
        }

        var relationship = await db.EmployerRelationships.FirstOrDefaultAsync(r => r.EmployerId == employerId && r.LotId == lot!.Id, cancellationToken);
        if (relationship is null)
        {
            relationship = new EmployerRelationship
            {
                EmployerId = employerId,
                LotId = lot!.Id,
                EngagementMethod = method!.Code,
                BeganOn = input.BeganOn ?? Today,
                Notes = BrokerageChecks.Clean(input.Notes),
                CreatedById = user.UserId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.EmployerRelationships.Add(relationship);
        }
        else
        {
            if (input.Version is { } version && version != relationship.Version)
            {
                return Result<RelationshipView>.Conflict("Someone else changed your lot's relationship with this employer after you opened it. Reload it and make your change again.");
            }

            relationship.EngagementMethod = method!.Code;
            relationship.BeganOn = input.BeganOn ?? relationship.BeganOn;
            relationship.Notes = BrokerageChecks.Clean(input.Notes);
        }

        user.Reason = BrokerageChecks.Clean(input.Reason);
        if (!await Saving.SavedWithoutConflictAsync(db, cancellationToken))
        {
            return Result<RelationshipView>.Conflict("Someone else changed your lot's relationship with this employer at the same moment. Reload it and try again.");
        }

        return Result<RelationshipView>.Ok(ToView(relationship, new Dictionary<Guid, string> { [lot!.Id] = lot.Code }));
    }

    /// <summary>Records a person at the employer for the caller's lot: personal data that other lots never see.</summary>
    public async Task<Result<ContactView>> AddContactAsync(Guid employerId, ContactInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Employers.AnyAsync(e => e.Id == employerId, cancellationToken))
        {
            return Result<ContactView>.NotFound();
        }

        var errors = new FieldErrors();
        var lot = await lots.ChooseAsync(input.Lot, errors, cancellationToken);
        Validation.RequiredText(input.Name, "name", "contact's name", BrokerageChecks.MaxNameLength, errors);
        Validation.OptionalText(input.JobTitle, "jobTitle", "job title", BrokerageChecks.MaxNameLength, errors);
        var email = BrokerageChecks.Clean(input.Email);
        if (email is not null && (email.Length > 254 || email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Contains(' ', StringComparison.Ordinal)))
        {
            errors.Add("email", "Enter an email address in the correct format, like name@example.com");
        }

        var phone = BrokerageChecks.Clean(input.Phone);
        if (phone is not null && (phone.Length > 30 || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-') || phone.Count(char.IsAsciiDigit) < 6))
        {
            errors.Add("phone", "Enter a telephone number, like 0121 496 0000 or +44 121 496 0000");
        }

        if (lot is not null && !errors.Any && !await db.EmployerRelationships.AnyAsync(r => r.EmployerId == employerId && r.LotId == lot.Id, cancellationToken))
        {
            errors.Add("lot", $"Lot {lot.Code} does not work with this employer yet: add the employer to your lot first");
        }

        if (errors.Any)
        {
            return Result<ContactView>.Invalid(errors);
        }

        var contact = new EmployerContact
        {
            EmployerId = employerId,
            LotId = lot!.Id,
            Name = input.Name!.Trim(),
            JobTitle = BrokerageChecks.Clean(input.JobTitle),
            Email = email,
            Phone = phone,
            CreatedAt = clock.GetUtcNow(),
        };
        db.EmployerContacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ContactView>.Ok(new ContactView(contact.Id, lot.Code, contact.Name, contact.JobTitle, contact.Email, contact.Phone));
    }

    /// <summary>Records a dated contact or activity with the employer for the caller's lot.</summary>
    public async Task<Result<ActivityView>> AddActivityAsync(Guid employerId, ActivityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Employers.AnyAsync(e => e.Id == employerId, cancellationToken))
        {
            return Result<ActivityView>.NotFound();
        }

        var errors = new FieldErrors();
        var lot = await lots.ChooseAsync(input.Lot, errors, cancellationToken);
        var kind = PlanCatalogue(input.Kind, errors);
        if (input.OccurredOn is null)
        {
            errors.Add("occurredOn", "Enter the date");
        }

        BrokerageChecks.NotInFuture(input.OccurredOn, "occurredOn", "date", Today, errors);
        if (input.ParticipantsInvolved is < 0 or > 10_000)
        {
            errors.Add("participantsInvolved", "The number of participants must be from 0 to 10,000");
        }

        Validation.OptionalText(input.Notes, "notes", "notes", BrokerageChecks.MaxNotesLength, errors);
        if (lot is not null && !errors.Any && !await db.EmployerRelationships.AnyAsync(r => r.EmployerId == employerId && r.LotId == lot.Id, cancellationToken))
        {
            errors.Add("lot", $"Lot {lot.Code} does not work with this employer yet: add the employer to your lot first");
        }

        if (errors.Any)
        {
            return Result<ActivityView>.Invalid(errors);
        }

        var activity = new EmployerActivity
        {
            EmployerId = employerId,
            LotId = lot!.Id,
            OccurredOn = input.OccurredOn!.Value,
            Kind = kind!.Code,
            ParticipantsInvolved = input.ParticipantsInvolved,
            Notes = BrokerageChecks.Clean(input.Notes),
            RecordedById = user.UserId,
            RecordedAt = clock.GetUtcNow(),
        };
        db.EmployerActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ActivityView>.Ok(new ActivityView(
            activity.Id, lot.Code, activity.OccurredOn, activity.Kind, kind.DisplayName, activity.ParticipantsInvolved, activity.Notes, activity.RecordedAt));
    }

    /// <summary>Names of employers for suggestion lists (vacancy form).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> NamesAsync(CancellationToken cancellationToken = default) =>
        (await db.Employers.AsNoTracking().OrderBy(e => e.NormalisedName).Select(e => new { e.Id, e.Name }).Take(5000).ToListAsync(cancellationToken))
            .Select(e => (e.Id, e.Name)).ToList();

    private static EmployerActivityKind? PlanCatalogue(string? text, FieldErrors errors)
    {
        var allowed = string.Join(", ", EmployerActivityKinds.All.Select(k => k.Code));
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("kind", $"Select the kind of activity. Allowed values: {allowed}");
            return null;
        }

        var kind = EmployerActivityKinds.Find(text);
        if (kind is null)
        {
            errors.Add("kind", $"'{BrokerageChecks.Shorten(text)}' is not a kind of activity. Allowed values: {allowed}");
        }

        return kind;
    }

    private static Details CheckDetails(
        string? companiesHouse, string? sector, string? sizeBand, string? line1, string? line2, string? town, string? postcode, FieldErrors errors)
    {
        var details = new Details(
            BrokerageChecks.CompaniesHouse(companiesHouse, errors),
            BrokerageChecks.Sector(sector, errors),
            BrokerageChecks.SizeBand(sizeBand, errors),
            BrokerageChecks.Clean(line1),
            BrokerageChecks.Clean(line2),
            BrokerageChecks.Clean(town),
            BrokerageChecks.Postcode(postcode, "postcode", errors, required: false));
        Validation.OptionalText(line1, "addressLine1", "first address line", BrokerageChecks.MaxNameLength, errors);
        Validation.OptionalText(line2, "addressLine2", "second address line", BrokerageChecks.MaxNameLength, errors);
        Validation.OptionalText(town, "town", "town or city", 100, errors);
        return details;
    }

    private async Task<ILookup<Guid, string>> LotCodesAsync(List<Guid> employerIds, CancellationToken cancellationToken)
    {
        var rows = await db.EmployerRelationships.AsNoTracking().Where(r => employerIds.Contains(r.EmployerId))
            .Join(db.Lots, r => r.LotId, l => l.Id, (r, l) => new { r.EmployerId, l.Code })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).ToLookup(r => r.EmployerId, r => r.Code);
    }

    private async Task<Dictionary<Guid, int>> OpenVacanciesAsync(List<Guid> employerIds, CancellationToken cancellationToken) =>
        await db.Vacancies.AsNoTracking().Where(v => employerIds.Contains(v.EmployerId) && v.Status == VacancyStatus.Open)
            .GroupBy(v => v.EmployerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private static RelationshipView ToView(EmployerRelationship r, IReadOnlyDictionary<Guid, string> codeOf)
    {
        var method = EmployerEngagementMethods.Find(r.EngagementMethod);
        return new RelationshipView(
            r.Id, codeOf.GetValueOrDefault(r.LotId) ?? "", BrokerageChecks.ApiCode(r.EngagementMethod), method?.DisplayName ?? r.EngagementMethod,
            r.BeganOn, r.Notes, r.Version);
    }

    /// <summary>The organisation details checked from input.</summary>
    private sealed record Details(
        string? CompaniesHouseNumber, string? Sector, string? SizeBand, string? Line1, string? Line2, string? Town, string? Postcode)
    {
        public void ApplyTo(Employer employer)
        {
            employer.CompaniesHouseNumber = CompaniesHouseNumber;
            employer.SicSection = Sector;
            employer.SizeBand = SizeBand;
            employer.AddressLine1 = Line1;
            employer.AddressLine2 = Line2;
            employer.Town = Town;
            employer.Postcode = Postcode;
        }

        public void FillGaps(Employer employer)
        {
            employer.CompaniesHouseNumber ??= CompaniesHouseNumber;
            employer.SicSection ??= Sector;
            employer.SizeBand ??= SizeBand;
            if (employer.AddressLine1 is null && employer.Postcode is null)
            {
                employer.AddressLine1 = Line1;
                employer.AddressLine2 = Line2;
                employer.Town = Town;
                employer.Postcode = Postcode;
            }
        }
    }
}
