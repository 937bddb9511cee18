using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants;

public sealed record RegistrationInput : ParticipantDetailsInput
{
    /// <summary>The lot the participant lives in, e.g. WH.</summary>
    public string? LotCode { get; init; }

    /// <summary>Defaults to today; must fall within a contract of the lot.</summary>
    public DateOnly? RegisteredOn { get; init; }

    /// <summary>Must be true: the participant has been given the privacy notice.</summary>
    public bool? PrivacyNoticeAcknowledged { get; init; }

    /// <summary>The advisor to assign; advisors registering someone are assigned themselves.</summary>
    public Guid? AdvisorId { get; init; }

    /// <summary>A provider manager's reason for registering someone whose postcode is outside the lot's area.</summary>
    public string? EligibilityOverrideReason { get; init; }

    /// <summary>Why the possible duplicates the service listed are a different person; send it again with this to go ahead.</summary>
    public string? DuplicateCheckReason { get; init; }

    /// <summary>The help request from the public form that this registration answers.</summary>
    public Guid? HelpRequestId { get; init; }
}

/// <summary>
/// A record found by the duplicate check. One in a lot the user cannot see carries only whom to
/// contact: never its name, reference or any other detail.
/// </summary>
public sealed record DuplicateMatch(
    Guid? Id, string? Reference, string? Name, DateOnly? DateOfBirth, string? Postcode, bool InYourLots, string Reason, string Contact);

/// <summary>What registration did: the new participant, errors, or the duplicates that stopped it.</summary>
public sealed record RegistrationOutcome(Result<ParticipantView> Result, bool IsDefiniteDuplicate = false, IReadOnlyList<DuplicateMatch>? Matches = null)
{
    public IReadOnlyList<DuplicateMatch> Duplicates => Matches ?? [];
}

/// <summary>Registers residents as participants: eligibility, duplicates, cohort and reference.</summary>
public sealed class RegistrationHandler(CcDbContext db, CurrentUser user, ParticipantAccess access, ParticipantQueries queries, TimeProvider clock)
{
    private const int ReferenceAttempts = 3;

    /// <summary>Checks every field without registering: for a page that already found values it could not read.</summary>
    public async Task<FieldErrors> CheckAsync(RegistrationInput input, CancellationToken cancellationToken = default) =>
        (await RegisterAsync(input, checkOnly: true, cancellationToken)).Result.Errors ?? new FieldErrors();

    public Task<RegistrationOutcome> RegisterAsync(RegistrationInput input, CancellationToken cancellationToken = default) =>
        RegisterAsync(input, checkOnly: false, cancellationToken);

    private async Task<RegistrationOutcome> RegisterAsync(RegistrationInput input, bool checkOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var today = access.Today;

        var lot = await FindLotAsync(input.LotCode, errors, cancellationToken);
        ParticipantDetails.CheckPerson(input, errors, out var nino, out var ninoMissing, out var postcode);
        var registeredOn = input.RegisteredOn ?? today;
        RegistrationRules.Check(input, registeredOn, today, errors);
        var contract = lot is null ? null : await ContractOnAsync(lot, registeredOn, errors, cancellationToken);
        var work = ParticipantDetails.CheckWork(input, registeredOn, today, errors);
        if (lot is not null && postcode is not null)
        {
            await CheckEligibilityAsync(lot, postcode, input.EligibilityOverrideReason, errors, cancellationToken);
        }

        var advisorId = lot is null ? null : await AdvisorAsync(lot, input.AdvisorId, errors, cancellationToken);
        var helpRequest = lot is null || input.HelpRequestId is not { } requestId ? null : await HelpRequestAsync(lot, requestId, errors, cancellationToken);
        if (checkOnly || errors.Any || lot is null || work is null || postcode is null)
        {
            return new(Result<ParticipantView>.Invalid(errors));
        }

        var duplicates = await FindDuplicatesAsync(input, nino, postcode, cancellationToken);
        if (duplicates.Definite.Count > 0)
        {
            return new(Result<ParticipantView>.Conflict(
                "This person is already registered: their National Insurance number is on another record. Open that record instead of registering them again."),
                IsDefiniteDuplicate: true, duplicates.Definite);
        }

        if (duplicates.Possible.Count > 0 && string.IsNullOrWhiteSpace(input.DuplicateCheckReason))
        {
            return new(Result<ParticipantView>.Conflict(
                "This person may already be registered. If they are, open their record; if not, say why they are a different person (duplicateCheckReason) and register again."),
                Matches: duplicates.Possible);
        }

        var participant = new Participant
        {
            LotId = lot.Id,
            ContractId = contract!.Id,
            Reference = "",
            FirstName = "",
            LastName = "",
            Postcode = postcode,
            RegisteredOn = registeredOn,
            PrivacyNoticeAcknowledged = true,
            AdvisorId = advisorId,
            EligibilityOverrideReason = Clean(input.EligibilityOverrideReason),
            DuplicateCheckReason = duplicates.Possible.Count > 0 ? Clean(input.DuplicateCheckReason) : null,
            HelpRequestId = helpRequest?.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        ParticipantDetails.Apply(participant, input, nino, ninoMissing, postcode, work.Value);
        if (helpRequest is not null)
        {
            helpRequest.Status = HelpRequestStatus.Registered;
            helpRequest.ParticipantId = participant.Id;
        }

        user.Reason = string.Join("; ", new[]
        {
            participant.EligibilityOverrideReason is { } o ? $"Eligibility override: {o}" : null,
            participant.DuplicateCheckReason is { } d ? $"Not a duplicate: {d}" : null,
        }.Where(r => r is not null));

        if (!await SaveWithNextReferenceAsync(participant, lot, cancellationToken))
        {
            // Lost a race: someone registered the same NINO in the meantime, or took the references we tried.
            var again = await FindDuplicatesAsync(input, nino, postcode, cancellationToken);
            return again.Definite.Count > 0
                ? new(Result<ParticipantView>.Conflict("This person was registered by someone else a moment ago."), true, again.Definite)
                : new(Result<ParticipantView>.Conflict("The participant could not be saved because others were registering at the same moment. Try again."));
        }

        return new(Result<ParticipantView>.Ok((await queries.FindAsync(participant.Id, cancellationToken))!));
    }

    private async Task<bool> SaveWithNextReferenceAsync(Participant participant, Lot lot, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ReferenceAttempts; attempt++)
        {
            var number = (await db.Participants.Where(p => p.LotId == lot.Id).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0) + 1;
            participant.Number = number;
            participant.Reference = ParticipantReference.For(lot.Code, number);
            if (attempt == 0)
            {
                db.Participants.Add(participant);
            }

            if (await db.SavedWithoutConflictAsync(cancellationToken))
            {
                return true;
            }

            if (participant.Nino is { } nino && await db.Participants.AnyAsync(p => p.Nino == nino && p.Id != participant.Id, cancellationToken))
            {
                break;
            }
        }

        db.ChangeTracker.Clear();
        return false;
    }

    private async Task<Lot?> FindLotAsync(string? code, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add("lotCode", "Enter the lot code, for example WH");
            return null;
        }

        var normalised = LotCode.Normalise(code);
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.Code == normalised, cancellationToken);
        if (lot is null)
        {
            var codes = await db.Lots.OrderBy(l => l.Code).Select(l => l.Code).ToListAsync(cancellationToken);
            errors.Add("lotCode", $"There is no lot with the code '{code.Trim()}'. Lot codes: {string.Join(", ", codes)}");
            return null;
        }

        if (user.IsLotScoped && !(await user.LotIdsAsync(cancellationToken)).Contains(lot.Id))
        {
            var own = await (await user.VisibleLotsAsync(cancellationToken)).OrderBy(l => l.Code).Select(l => l.Code).ToListAsync(cancellationToken);
            errors.Add("lotCode", $"You can register participants only in your own lots: {(own.Count == 0 ? "none" : string.Join(", ", own))}");
            return null;
        }

        return lot;
    }

    private async Task<Contract?> ContractOnAsync(Lot lot, DateOnly day, FieldErrors errors, CancellationToken cancellationToken)
    {
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.LotId == lot.Id).Include(c => c.Provider)
            .OrderBy(c => c.StartDate).ToListAsync(cancellationToken);
        return RegistrationRules.ContractOn(lot, contracts, day, errors);
    }

    private async Task CheckEligibilityAsync(Lot lot, string postcode, string? overrideReason, FieldErrors errors, CancellationToken cancellationToken)
    {
        var inArea = await db.LotPostcodes.AnyAsync(p => p.LotId == lot.Id && p.Postcode == postcode, cancellationToken);
        var elsewhere = inArea || !string.IsNullOrWhiteSpace(overrideReason) ? null : await db.LotPostcodes.Where(p => p.Postcode == postcode)
            .Join(db.Lots, p => p.LotId, l => l.Id, (p, l) => l.Name).FirstOrDefaultAsync(cancellationToken);
        RegistrationRules.CheckEligibility(lot, postcode, inArea, overrideReason, user.IsInRole(Roles.ProviderManager), elsewhere, errors);
    }

    private async Task<Guid?> AdvisorAsync(Lot lot, Guid? advisorId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (advisorId is not { } id)
        {
            return user.IsInRole(Roles.Advisor) ? user.UserId : null;
        }

        var isLotAdvisor = await ParticipantQueries.AdvisorsOf(db, lot.Id).AnyAsync(a => a.Id == id, cancellationToken);
        if (!isLotAdvisor)
        {
            errors.Add("advisorId", $"Choose an active advisor of {lot.Name}");
        }

        return id;
    }

    private async Task<HelpRequest?> HelpRequestAsync(Lot lot, Guid id, FieldErrors errors, CancellationToken cancellationToken)
    {
        var request = await db.HelpRequests.FirstOrDefaultAsync(h => h.Id == id && h.LotId == lot.Id, cancellationToken);
        if (request is null)
        {
            errors.Add("helpRequestId", $"There is no help request with that id for {lot.Name}");
        }
        else if (request.Status is HelpRequestStatus.Registered or HelpRequestStatus.Closed)
        {
            errors.Add("helpRequestId", $"Help request {request.Reference} is already {(request.Status == HelpRequestStatus.Registered ? "registered" : "closed")}");
        }

        return request;
    }

    private sealed record Duplicates(IReadOnlyList<DuplicateMatch> Definite, IReadOnlyList<DuplicateMatch> Possible);

    private async Task<Duplicates> FindDuplicatesAsync(ParticipantDetailsInput input, string? nino, string postcode, CancellationToken cancellationToken)
    {
        var visibleLots = user.IsLotScoped ? await user.LotIdsAsync(cancellationToken) : null;
        var first = NameSimilarity.Normalise(input.FirstName);
        var last = NameSimilarity.Normalise(input.LastName);
        var dob = input.DateOfBirth!.Value;

        // All lots: one person, one record across the programme.
        var candidates = await db.Participants.AsNoTracking()
            .Where(p => (nino != null && p.Nino == nino) || p.DateOfBirth == dob
                || (p.SearchLastName == last && p.SearchFirstName == first && p.Postcode == postcode))
            .Select(p => new Candidate(p.Id, p.Reference, p.FirstName, p.LastName, p.SearchFirstName, p.SearchLastName, p.DateOfBirth, p.Postcode, p.Nino, p.LotId, p.Lot!.Name,
                p.Contract != null ? p.Contract.Provider!.Name : null))
            .Take(200)
            .ToListAsync(cancellationToken);

        var definite = new List<DuplicateMatch>();
        var possible = new List<DuplicateMatch>();
        foreach (var c in candidates)
        {
            if (RegistrationRules.DuplicateOf(input.FirstName, input.LastName, dob, nino, postcode,
                c.FirstName, c.LastName, c.SearchFirstName, c.SearchLastName, c.DateOfBirth, c.Postcode, c.Nino) is not { } found)
            {
                continue;
            }

            var (why, sameNino) = found;
            var match = visibleLots is null || visibleLots.Contains(c.LotId)
                ? new DuplicateMatch(c.Id, c.Reference, $"{c.FirstName} {c.LastName}", c.DateOfBirth, c.Postcode, true, why, $"Open {c.Reference} in {c.LotName}")
                : new DuplicateMatch(null, null, null, null, null, false, why,
                    $"Registered with another lot, {c.LotName}: contact {(c.ProviderName ?? "its provider")} before going further");
            (sameNino ? definite : possible).Add(match);
        }

        return new(definite, possible);
    }

    private sealed record Candidate(Guid Id, string Reference, string FirstName, string LastName, string SearchFirstName, string SearchLastName,
        DateOnly DateOfBirth, string Postcode,
        string? Nino, Guid LotId, string LotName, string? ProviderName);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
