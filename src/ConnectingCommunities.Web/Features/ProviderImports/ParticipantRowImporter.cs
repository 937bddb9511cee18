using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>
/// Participants rows: registration's rules for a new record and an edit's for a known one, called as
/// <see cref="ParticipantDetails"/> and <see cref="RegistrationRules"/> (the API's own checks). What those
/// checks read from the database (the lot's contracts and area, everyone already registered) is loaded once,
/// so 200,000 rows need no query each; new records are written 5,000 at a time by <see cref="ImportBulkWriter"/>
/// (binary COPY on PostgreSQL), changed ones through the change tracker.
/// </summary>
public sealed class ParticipantRowImporter(CcDbContext db, CurrentUser user, ParticipantAccess access, ImportBulkWriter bulk, TimeProvider clock) : IRowImporter
{
    private const int ChunkSize = 5000;
    private static readonly ImportTemplate Template = ImportTemplates.Participants;

    private readonly List<Staged> staged = [];
    private readonly System.Diagnostics.Stopwatch writing = new();
    private readonly Dictionary<string, Person> byNino = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, List<Person>> byDateOfBirth = [];
    private readonly Dictionary<(string Last, string First, string Postcode), List<Person>> byNameAndPostcode = [];
    private readonly Dictionary<Guid, Person> byId = [];
    private Dictionary<Guid, (string Name, string? Provider)> lots = [];
    private Dictionary<string, string> elsewhere = new(StringComparer.Ordinal);
    private HashSet<string> area = new(StringComparer.Ordinal);
    private List<Contract> contracts = [];
    private Lot lot = null!;
    private DataImport import = null!;
    private int nextNumber;
    private bool isManager;
    private DateOnly today;

    public bool ChecksByWriting => false;

    public async Task PrepareAsync(Lot lot, DataImport import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lot);
        this.lot = lot;
        this.import = import;
        today = access.Today;
        isManager = user.IsInRole(Roles.ProviderManager);
        contracts = await db.Contracts.AsNoTracking().Where(c => c.LotId == lot.Id).OrderBy(c => c.StartDate).ToListAsync(cancellationToken);
        area = (await db.LotPostcodes.AsNoTracking().Where(p => p.LotId == lot.Id).Select(p => p.Postcode).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        elsewhere = [];
        var others = db.LotPostcodes.AsNoTracking().Where(p => p.LotId != lot.Id).Join(db.Lots, p => p.LotId, l => l.Id, (p, l) => new { p.Postcode, l.Name });
        await foreach (var other in others.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            elsewhere.TryAdd(other.Postcode, other.Name);
        }

        lots = await db.Lots.AsNoTracking().Select(l => new { l.Id, l.Name, Provider = l.Contracts.OrderByDescending(c => c.StartDate).Select(c => c.Provider!.Name).FirstOrDefault() })
            .ToDictionaryAsync(l => l.Id, l => (l.Name, (string?)l.Provider), cancellationToken);
        nextNumber = (await db.Participants.Where(p => p.LotId == lot.Id).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0) + 1;

        // One person, one record across the programme: everyone is a candidate for the duplicate checks.
        var people = db.Participants.AsNoTracking().Select(p => new Person(
            p.Id, p.LotId, p.Reference, p.FirstName, p.LastName, p.SearchFirstName, p.SearchLastName, p.DateOfBirth, p.Postcode, p.Nino, p.RegisteredOn));
        await foreach (var person in people.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Index(person);
        }
    }

    public bool StillInLot(KnownRecord known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return byId.TryGetValue(known.EntityId, out var person) && person.LotId == lot.Id;
    }

    public Task CheckAsync(ImportRowContext row, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var input = Read(row.Reader);
        var errors = new FieldErrors();
        ParticipantDetails.CheckPerson(input, errors, out var nino, out var ninoMissing, out var postcode);
        Person? existing = null;
        Contract? contract = null;
        (Domain.Programme.Cohort Cohort, AgeBand AgeBand, EmploymentStatus Status)? work;
        if (row.Known is { } known)
        {
            // An edit's rules (EditHandler): the registration date stays, a new postcode outside the area needs a manager's reason.
            if (!byId.TryGetValue(known.EntityId, out existing) || existing.LotId != lot.Id)
            {
                row.Fail("externalId", $"The participant imported with this externalId is no longer in lot {lot.Code}, so this file cannot change them");
                return Task.CompletedTask;
            }

            if (input.RegisteredOn is { } registeredOn && registeredOn != existing.RegisteredOn)
            {
                errors.Add("registeredOn", $"The registration date cannot be changed by an import: {existing.Reference} registered on {Formatting.Date(existing.RegisteredOn)}");
            }

            work = ParticipantDetails.CheckWork(input, existing.RegisteredOn, today, errors);
            Validation.OptionalText(input.EligibilityOverrideReason, "eligibilityOverrideReason", "reason for the eligibility override", RegistrationRules.MaxReasonLength, errors);
            if (postcode is not null && postcode != existing.Postcode)
            {
                RegistrationRules.CheckEligibility(lot, postcode, area.Contains(postcode), input.EligibilityOverrideReason,
                    isManager, elsewhere.GetValueOrDefault(postcode), errors);
            }
        }
        else
        {
            var registeredOn = input.RegisteredOn ?? today;
            RegistrationRules.Check(input, registeredOn, today, errors);
            contract = RegistrationRules.ContractOn(lot, contracts, registeredOn, errors);
            work = ParticipantDetails.CheckWork(input, registeredOn, today, errors);
            if (postcode is not null)
            {
                RegistrationRules.CheckEligibility(lot, postcode, area.Contains(postcode), input.EligibilityOverrideReason,
                    isManager, elsewhere.GetValueOrDefault(postcode), errors);
            }
        }

        if (!errors.Any && work is not null && postcode is not null)
        {
            CheckDuplicates(row, input, nino, postcode, existing, errors);
        }

        row.Fail(errors);
        if (row.Reader.HasErrors || work is null || postcode is null)
        {
            return Task.CompletedTask;
        }

        // Later rows of the same file are checked against this one too.
        var person = new Person(existing?.Id ?? Guid.CreateVersion7(), lot.Id, existing?.Reference ?? $"row {row.Number} of this file",
            input.FirstName!, input.LastName!, NameSimilarity.Normalise(input.FirstName), NameSimilarity.Normalise(input.LastName),
            input.DateOfBirth!.Value, postcode, nino, existing?.RegisteredOn ?? input.RegisteredOn ?? today);
        if (existing is not null)
        {
            Unindex(existing);
        }

        Index(person);
        if (write)
        {
            staged.Add(new Staged(row.ExternalId, row.Hash, row.Known, person.Id, input, nino, ninoMissing, postcode, work.Value, contract));
        }

        return staged.Count >= ChunkSize ? FlushAsync(cancellationToken) : Task.CompletedTask;
    }

    public TimeSpan Writing => writing.Elapsed;

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (staged.Count == 0)
        {
            return;
        }

        writing.Start();
        try
        {
            await WriteAsync(cancellationToken);
        }
        finally
        {
            writing.Stop();
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {

        var now = clock.GetUtcNow();
        await UpdateAsync(now, cancellationToken);

        // New records bypass the change tracker (COPY on PostgreSQL): the bulk writer audits each as the interceptor
        // would, and the registrations' performance count deltas are added here, as the counts interceptor would.
        var created = new List<Participant>(staged.Count);
        var records = new List<ExternalRecord>(staged.Count);
        var counts = new Dictionary<(Guid? Provider, Domain.Programme.Cohort Cohort, DateOnly Month), int>();
        foreach (var row in staged.Where(s => s.Known is null))
        {
            var number = nextNumber++;
            var participant = new Participant
            {
                Id = row.Id,
                LotId = lot.Id,
                ContractId = row.Contract!.Id,
                Number = number,
                Reference = ParticipantReference.For(lot.Code, number),
                FirstName = "",
                LastName = "",
                Postcode = row.Postcode,
                RegisteredOn = row.Input.RegisteredOn ?? today,
                PrivacyNoticeAcknowledged = true,
                EligibilityOverrideReason = Clean(row.Input.EligibilityOverrideReason),
                DuplicateCheckReason = Clean(row.Input.DuplicateCheckReason),
                CreatedAt = now,
            };
            ParticipantDetails.Apply(participant, row.Input, row.Nino, row.NinoMissing, row.Postcode, row.Work);
            created.Add(participant);
            records.Add(new ExternalRecord
            {
                LotId = lot.Id,
                Type = ImportType.Participants,
                ExternalId = row.ExternalId,
                EntityId = participant.Id,
                ContentHash = row.Hash,
                LastImportId = import.Id,
                UpdatedAt = now,
            });
            var key = (row.Contract.ProviderId, participant.Cohort, new DateOnly(participant.RegisteredOn.Year, participant.RegisteredOn.Month, 1));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        staged.Clear();
        await bulk.InsertAuditedAsync(created, p => p.LotId, p => p.Id, cancellationToken);
        await bulk.InsertAuditedAsync(records, r => r.LotId, _ => null, cancellationToken);
        if (counts.Count > 0)
        {
            db.PerformanceCounts.AddRange(counts.Select(c => new PerformanceCount
            {
                LotId = lot.Id,
                ProviderId = c.Key.Provider,
                Cohort = c.Key.Cohort,
                RegisteredMonth = c.Key.Month,
                Count = c.Value,
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Known records changed by the file: through the change tracker, so each is audited with what changed, and its counts follow.</summary>
    private async Task UpdateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updates = staged.Where(s => s.Known is not null).ToList();
        if (updates.Count == 0)
        {
            return;
        }

        var updateIds = updates.Select(s => s.Known!.EntityId).ToList();
        var recordIds = updates.Select(s => s.Known!.RecordId).ToList();
        var participants = await db.Participants.Where(p => updateIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var records = await db.ExternalRecords.Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var row in updates)
        {
            var known = row.Known!;
            var participant = participants[known.EntityId];
            ParticipantDetails.Apply(participant, row.Input, row.Nino, row.NinoMissing, row.Postcode, row.Work);
            if (!string.IsNullOrWhiteSpace(row.Input.EligibilityOverrideReason))
            {
                participant.EligibilityOverrideReason = row.Input.EligibilityOverrideReason.Trim();
            }

            var record = records[known.RecordId];
            record.ContentHash = row.Hash;
            record.LastImportId = import.Id;
            record.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private void CheckDuplicates(ImportRowContext row, RegistrationInput input, string? nino, string postcode, Person? self, FieldErrors errors)
    {
        if (nino is not null && byNino.TryGetValue(nino, out var sameNino) && sameNino.Id != self?.Id)
        {
            errors.Add("nino", self is not null
                ? "That National Insurance number is already on another participant's record. Check the number; if it is the same person, contact your provider manager."
                : $"This person is already registered: their National Insurance number is on {Describe(sameNino)}. Send a row for that record instead of registering them again.");
            return;
        }

        if (self is not null || !string.IsNullOrWhiteSpace(input.DuplicateCheckReason))
        {
            return;
        }

        var dob = input.DateOfBirth!.Value;
        var (first, last) = (NameSimilarity.Normalise(input.FirstName), NameSimilarity.Normalise(input.LastName));
        var candidates = byDateOfBirth.GetValueOrDefault(dob, []).Concat(byNameAndPostcode.GetValueOrDefault((last, first, postcode), []));
        foreach (var c in candidates)
        {
            // The verdict and its words are registration's own (DuplicateOf); this cheaper test of the same conditions,
            // on names normalised once, only spares it the candidates it would clear: with 200,000 rows a date of
            // birth is shared by dozens of people, and normalising every name again for each was most of the import's time.
            if (!MayBeDuplicate(c, dob, nino, postcode, first, last))
            {
                continue;
            }

            if (RegistrationRules.DuplicateOf(input.FirstName, input.LastName, dob, nino, postcode,
                c.FirstName, c.LastName, c.SearchFirstName, c.SearchLastName, c.DateOfBirth, c.Postcode, c.Nino) is { } found)
            {
                row.Fail("duplicateCheckReason", $"This person may already be registered ({found.Reason}: {Describe(c)}). If they are, send a row for that record; "
                    + "if not, say why they are a different person in duplicateCheckReason");
                return;
            }
        }
    }

    /// <summary>
    /// True whenever <see cref="RegistrationRules.DuplicateOf"/> could find <paramref name="c"/> a duplicate: the same
    /// National Insurance number, the same date of birth and similar names (<see cref="NameSimilarity.IsSimilar"/> on
    /// names already normalised), or the same name and postcode.
    /// </summary>
    private static bool MayBeDuplicate(Person c, DateOnly dob, string? nino, string postcode, string first, string last)
    {
        if ((nino is not null && c.Nino == nino) || (c.Postcode == postcode && c.SearchFirstName == first && c.SearchLastName == last))
        {
            return true;
        }

        if (c.DateOfBirth != dob || first.Length == 0 || last.Length == 0 || c.NormalFirst.Length == 0 || c.NormalLast.Length == 0)
        {
            return false;
        }

        const double threshold = NameSimilarity.Threshold;
        return (NameSimilarity.JaroWinkler(first, c.NormalFirst) >= threshold && NameSimilarity.JaroWinkler(last, c.NormalLast) >= threshold)
            || (NameSimilarity.JaroWinkler(first, c.NormalLast) >= threshold && NameSimilarity.JaroWinkler(last, c.NormalFirst) >= threshold);
    }

    // Another lot's record is named by its lot and provider only, as registration does.
    private string Describe(Person person) => person.LotId == lot.Id
        ? person.Reference
        : $"a record of another lot, {lots.GetValueOrDefault(person.LotId).Name}: contact {lots.GetValueOrDefault(person.LotId).Provider ?? "its provider"} before going further";

    private void Index(Person person)
    {
        byId[person.Id] = person;
        if (person.Nino is { } nino)
        {
            byNino.TryAdd(nino, person);
        }

        if (!byDateOfBirth.TryGetValue(person.DateOfBirth, out var sameDay))
        {
            byDateOfBirth[person.DateOfBirth] = sameDay = [];
        }

        sameDay.Add(person);
        var key = (person.SearchLastName, person.SearchFirstName, person.Postcode);
        if (!byNameAndPostcode.TryGetValue(key, out var sameName))
        {
            byNameAndPostcode[key] = sameName = [];
        }

        sameName.Add(person);
    }

    private void Unindex(Person person)
    {
        byId.Remove(person.Id);
        if (person.Nino is { } nino && byNino.TryGetValue(nino, out var held) && held.Id == person.Id)
        {
            byNino.Remove(nino);
        }

        byDateOfBirth.GetValueOrDefault(person.DateOfBirth)?.RemoveAll(p => p.Id == person.Id);
        byNameAndPostcode.GetValueOrDefault((person.SearchLastName, person.SearchFirstName, person.Postcode))?.RemoveAll(p => p.Id == person.Id);
    }

    private RegistrationInput Read(CellReader cells)
    {
        var t = Template;
        return new RegistrationInput
        {
            LotCode = lot.Code,
            FirstName = cells.Text(t["firstName"]),
            LastName = cells.Text(t["lastName"]),
            DateOfBirth = cells.Date(t["dateOfBirth"]),
            Nino = cells.Text(t["nino"]),
            NinoMissingReason = cells.Code(t["ninoMissingReason"]),
            Email = cells.Text(t["email"]),
            Phone = cells.Text(t["phone"]),
            AddressLine1 = cells.Text(t["addressLine1"]),
            AddressLine2 = cells.Text(t["addressLine2"]),
            Town = cells.Text(t["town"]),
            Postcode = cells.Text(t["postcode"]),
            RegisteredOn = cells.Date(t["registeredOn"]),
            EmploymentStatus = cells.Code(t["employmentStatus"]),
            LastInWorkOn = cells.Date(t["lastInWorkOn"]),
            WeeklyHours = cells.Number(t["weeklyHours"]),
            HourlyWage = cells.Number(t["hourlyWage"]),
            ContractType = cells.Code(t["contractType"]),
            Sex = cells.Code(t["sex"]),
            GenderIdentity = cells.Code(t["genderIdentity"]),
            Ethnicity = cells.Code(t["ethnicity"]),
            LongTermCondition = cells.Code(t["longTermCondition"]),
            ActivityLimitation = cells.Code(t["activityLimitation"]),
            HighestQualification = cells.Code(t["highestQualification"]),
            HasChildcareResponsibilities = cells.YesNo(t["hasChildcareResponsibilities"]),
            HasCaringResponsibilities = cells.YesNo(t["hasCaringResponsibilities"]),
            HasInternetAccess = cells.YesNo(t["hasInternetAccess"]),
            RecruitmentChannel = cells.Code(t["recruitmentChannel"]),
            Referrer = cells.Text(t["referrer"]),
            PrivacyNoticeAcknowledged = cells.YesNo(t["privacyNoticeAcknowledged"]),
            EvaluationContactConsent = cells.YesNo(t["evaluationContactConsent"]),
            EligibilityOverrideReason = cells.Text(t["eligibilityOverrideReason"]),
            DuplicateCheckReason = cells.Text(t["duplicateCheckReason"]),
        };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record Person(
        Guid Id, Guid LotId, string Reference, string FirstName, string LastName, string SearchFirstName, string SearchLastName,
        DateOnly DateOfBirth, string Postcode, string? Nino, DateOnly RegisteredOn)
    {
        private string? normalFirst;
        private string? normalLast;

        /// <summary>The names as the name-similarity check normalises them, worked out once (the stored search names may predate it).</summary>
        public string NormalFirst => normalFirst ??= NameSimilarity.Normalise(FirstName);

        public string NormalLast => normalLast ??= NameSimilarity.Normalise(LastName);
    }

    private sealed record Staged(
        string ExternalId, string Hash, KnownRecord? Known, Guid Id, RegistrationInput Input, string? Nino, NinoMissingReason? NinoMissing, string Postcode,
        (Domain.Programme.Cohort Cohort, AgeBand AgeBand, EmploymentStatus Status) Work, Contract? Contract);
}
