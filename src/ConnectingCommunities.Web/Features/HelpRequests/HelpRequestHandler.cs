using System.Globalization;
using System.Security.Cryptography;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>How a resident would like an advisor to get in touch, stored by name.</summary>
public enum ContactPreference
{
    Email = 1,
    Telephone = 2,
    TextMessage = 3,
}

/// <summary>What a resident sends from the public "Get help finding work" page.</summary>
public sealed record HelpRequestInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Postcode { get; init; }

    /// <summary>Email, Telephone or TextMessage.</summary>
    public string? PreferredContact { get; init; }

    public string? Message { get; init; }
}

/// <summary>
/// The answer to a resident: saved for a lot's triage list (with the reference to quote), or
/// outside every lot's area (nothing saved).
/// </summary>
public sealed record HelpRequestSubmission(bool InArea, string Postcode, Guid? Id = null, string? Reference = null, string? LotName = null);

/// <summary>A request as advisors, managers and commissioners see it.</summary>
public sealed record HelpRequestView(
    Guid Id,
    string Reference,
    string LotCode,
    string LotName,
    string FirstName,
    string LastName,
    string? Email,
    string? Phone,
    string Postcode,
    string? PreferredContact,
    string? Message,
    DateTimeOffset ReceivedAt,
    HelpRequestStatus Status,
    string? Outcome,
    Guid? ParticipantId,
    int Version);

/// <summary>A change of status from the triage list or the API.</summary>
public sealed record HelpRequestStatusInput
{
    /// <summary>Contacted or Closed; a request becomes Registered when its resident is registered as a participant.</summary>
    public HelpRequestStatus? Status { get; init; }

    /// <summary>Why the request is closed (required to close): kept with the request.</summary>
    public string? Outcome { get; init; }

    /// <summary>Kept in the audit trail; when closing without one, the outcome is recorded as the reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The version read before the change; a stale version is refused as a conflict.</summary>
    public int? Version { get; init; }
}

/// <summary>What the participant registration page starts from when an advisor registers a request's resident.</summary>
public sealed record HelpRequestPrefill(Guid Id, string LotCode, string FirstName, string LastName, string? Email, string? Phone, string Postcode);

/// <summary>
/// Residents' requests for help: taken from the public page without sign-in, decided to a lot by
/// postcode against the lots' areas, then triaged by that lot's advisors and managers. Reads
/// start from the lots the user may see, so another lot's request is simply not found.
/// </summary>
public sealed class HelpRequestHandler(CcDbContext db, CurrentUser user, AreaHandler areas, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 30;
    public const int MaxMessageLength = 2000;
    public const int MaxOutcomeLength = 1000;
    public const int MaxReasonLength = 1000;

    // No 0/O or 1/I: people read references out over the telephone.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const int ReferenceLength = 8;

    public static IReadOnlyList<string> PreferenceCodes { get; } = Enum.GetNames<ContactPreference>();

    /// <summary>
    /// Checks a resident's request and, when their postcode is in a lot's area, puts it on that
    /// lot's triage list. Out of area nothing is saved: the resident is told at once instead.
    /// </summary>
    public async Task<Result<HelpRequestSubmission>> SubmitAsync(HelpRequestInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var firstName = Name(input.FirstName, "firstName", "first name", errors);
        var lastName = Name(input.LastName, "lastName", "last name", errors);
        var email = Email(input.Email, errors);
        var phone = Phone(input.Phone, errors);
        if (email is null && phone is null && !errors.Has("email") && !errors.Has("phone"))
        {
            errors.Add("email", "Enter an email address or a telephone number, so that an advisor can contact you");
        }

        var preference = Preference(input.PreferredContact, email, phone, errors);
        var postcode = Postcode.Check(input.Postcode);
        if (!postcode.IsValid)
        {
            errors.Add("postcode", postcode.Error);
        }

        var message = string.IsNullOrWhiteSpace(input.Message) ? null : input.Message.Trim();
        if (message is not null && message.Length > MaxMessageLength)
        {
            errors.Add("message", $"Your message must be {Formatting.Number(MaxMessageLength)} characters or fewer");
        }

        if (errors.Any)
        {
            return Result<HelpRequestSubmission>.Invalid(errors);
        }

        var normalised = postcode.Postcode.Value;
        var lotCode = await areas.LotCodeForPostcodeAsync(normalised, cancellationToken);
        if (lotCode is null)
        {
            return Result<HelpRequestSubmission>.Ok(new HelpRequestSubmission(false, normalised));
        }

        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Code == lotCode, cancellationToken);
        var request = new HelpRequest
        {
            LotId = lot.Id,
            Reference = NewReference(),
            FirstName = firstName!,
            LastName = lastName!,
            Email = email,
            Phone = phone,
            Postcode = normalised,
            PreferredContact = preference?.ToString(),
            Message = message,
            ReceivedAt = clock.GetUtcNow(),
            Status = HelpRequestStatus.New,
        };
        db.HelpRequests.Add(request);

        // A reference is random, so two requests could draw the same one: draw again, a few times.
        for (var attempt = 1; !await db.SavedWithoutConflictAsync(cancellationToken); attempt++)
        {
            if (attempt == 3)
            {
                throw new InvalidOperationException("Could not find an unused help request reference in three attempts.");
            }

            request.Reference = NewReference();
        }

        return Result<HelpRequestSubmission>.Ok(new HelpRequestSubmission(true, normalised, request.Id, request.Reference, lot.Name));
    }

    /// <summary>The lots the user may filter by, in name order.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> LotsAsync(CancellationToken cancellationToken = default)
    {
        var lots = await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking()
            .OrderBy(l => l.Name)
            .Select(l => new { l.Code, l.Name })
            .ToListAsync(cancellationToken);
        return lots.Select(l => (l.Code, l.Name)).ToList();
    }

    /// <summary>The lot areas a resident can ask for help in, for the public page.</summary>
    public async Task<IReadOnlyList<(string Name, string LocalAuthority)>> NeighbourhoodsAsync(CancellationToken cancellationToken = default)
    {
        var lots = await db.Lots.AsNoTracking()
            .OrderBy(l => l.Name)
            .Select(l => new { l.Name, l.LocalAuthority })
            .ToListAsync(cancellationToken);
        return lots.Select(l => (l.Name, l.LocalAuthority)).ToList();
    }

    /// <summary>Requests of the lots the user may see, newest first, optionally of one lot and one status.</summary>
    public async Task<Result<PagedList<HelpRequestView>>> ListAsync(
        string? lotCode, string? status, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        HelpRequestStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<HelpRequestStatus>(status.Trim(), ignoreCase: true, out var parsed)
                && Enum.IsDefined(parsed) && !int.TryParse(status, CultureInfo.InvariantCulture, out _))
            {
                statusFilter = parsed;
            }
            else
            {
                errors.Add("status", $"'{Shorten(status)}' is not a status. Allowed values: {string.Join(", ", Enum.GetNames<HelpRequestStatus>())}");
            }
        }

        if (errors.Any)
        {
            return Result<PagedList<HelpRequestView>>.Invalid(errors);
        }

        var query = await VisibleAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(lotCode))
        {
            var code = LotCode.Normalise(lotCode);
            var lot = await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking()
                .Where(l => l.Code == code).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
            if (lot is not { } lotId)
            {
                // Another lot is not there for a lot-scoped user, exactly like a lot that does not exist.
                return Result<PagedList<HelpRequestView>>.NotFound();
            }

            query = query.Where(h => h.LotId == lotId);
        }

        if (statusFilter is { } wanted)
        {
            query = query.Where(h => h.Status == wanted);
        }

        var (number, size) = Paging.Normalise(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await Project(query.OrderByDescending(h => h.ReceivedAt).ThenByDescending(h => h.Id)
                .Skip((number - 1) * size).Take(size))
            .ToListAsync(cancellationToken);
        return Result<PagedList<HelpRequestView>>.Ok(new PagedList<HelpRequestView>(items, total, number, size));
    }

    /// <summary>One request, or null when it does not exist for this user. Logs the view: it holds personal data.</summary>
    public async Task<HelpRequestView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var view = await Project((await VisibleAsync(cancellationToken)).Where(h => h.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (view is not null)
        {
            await LogViewAsync(view, cancellationToken);
        }

        return view;
    }

    /// <summary>Marks a request Contacted, or Closed with an outcome; both are audited with the reason given.</summary>
    public async Task<Result<HelpRequestView>> ChangeStatusAsync(Guid id, HelpRequestStatusInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await (await VisibleAsync(cancellationToken)).FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (request is null)
        {
            return Result<HelpRequestView>.NotFound();
        }

        if (input.Version is { } version && version != request.Version)
        {
            return Result<HelpRequestView>.Conflict("Someone else changed this request after you opened it. Reload it and try again.");
        }

        var errors = new FieldErrors();
        var outcome = Clean(input.Outcome);
        var reason = Clean(input.Reason);
        CheckTransition(request.Status, input.Status, errors);
        if (input.Status == HelpRequestStatus.Closed && !errors.Has("status"))
        {
            if (outcome is null)
            {
                errors.Add("outcome", "Enter why you are closing this request");
            }
            else if (outcome.Length > MaxOutcomeLength)
            {
                errors.Add("outcome", $"The outcome must be {Formatting.Number(MaxOutcomeLength)} characters or fewer");
            }
        }

        if (reason is not null && reason.Length > MaxReasonLength)
        {
            errors.Add("reason", $"The reason must be {Formatting.Number(MaxReasonLength)} characters or fewer");
        }

        if (errors.Any)
        {
            return Result<HelpRequestView>.Invalid(errors);
        }

        request.Status = input.Status!.Value;
        if (request.Status == HelpRequestStatus.Closed)
        {
            request.Outcome = outcome;
        }

        user.Reason = reason ?? (request.Status == HelpRequestStatus.Closed ? outcome : null);
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<HelpRequestView>.Conflict("Someone else changed this request at the same time. Reload it and try again.");
        }

        var view = await Project(db.HelpRequests.Where(h => h.Id == id)).FirstAsync(cancellationToken);
        return Result<HelpRequestView>.Ok(view);
    }

    /// <summary>
    /// What the participant registration page fills in from a request: null when the request does
    /// not exist for the current user (another lot's, or unknown), or is no longer open (already
    /// Registered, or Closed), as registration refuses those.
    /// </summary>
    public async Task<HelpRequestPrefill?> FindForRegistrationAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await (await VisibleAsync(cancellationToken))
            .Where(h => h.Id == id && (h.Status == HelpRequestStatus.New || h.Status == HelpRequestStatus.Contacted))
            .Join(db.Lots, h => h.LotId, l => l.Id, (h, l) => new HelpRequestPrefill(h.Id, l.Code, h.FirstName, h.LastName, h.Email, h.Phone, h.Postcode))
            .FirstOrDefaultAsync(cancellationToken);
        return found;
    }

    /// <summary>
    /// Marks the request Registered and links it to the new participant, without saving: call it
    /// before the registration's own save, so that both are written in one transaction. False when
    /// the request does not exist for the current user or is no longer open (Registered or Closed).
    /// </summary>
    public async Task<bool> MarkRegisteredAsync(Guid id, Guid participantId, CancellationToken cancellationToken)
    {
        var request = await (await VisibleAsync(cancellationToken)).FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (request is null || request.Status is not (HelpRequestStatus.New or HelpRequestStatus.Contacted))
        {
            return false;
        }

        request.Status = HelpRequestStatus.Registered;
        request.ParticipantId = participantId;
        return true;
    }

    /// <summary>Whether the user may change requests: the lot's own advisors and managers, not commissioners.</summary>
    public bool CanChange => user.IsInRole(Roles.Advisor) || user.IsInRole(Roles.ProviderManager);

    /// <summary>Requests the current user may see: their lots' for advisors and managers, all for commissioners, none for anyone else.</summary>
    private async Task<IQueryable<HelpRequest>> VisibleAsync(CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn || !(user.IsCommissioner || user.IsLotScoped))
        {
            // Evaluators never see contact details; the policies refuse them first, this is the backstop.
            return db.HelpRequests.Where(_ => false);
        }

        if (!user.IsLotScoped)
        {
            return db.HelpRequests;
        }

        var lots = await user.LotIdsAsync(cancellationToken);
        return db.HelpRequests.Where(h => lots.Contains(h.LotId));
    }

    private IQueryable<HelpRequestView> Project(IQueryable<HelpRequest> query) =>
        query.Join(db.Lots, h => h.LotId, l => l.Id, (h, l) => new HelpRequestView(
            h.Id, h.Reference, l.Code, l.Name, h.FirstName, h.LastName, h.Email, h.Phone, h.Postcode,
            h.PreferredContact, h.Message, h.ReceivedAt, h.Status, h.Outcome, h.ParticipantId, h.Version));

    private async Task LogViewAsync(HelpRequestView view, CancellationToken cancellationToken)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName,
            Action = "viewed",
            EntityType = nameof(HelpRequest),
            EntityId = view.Id.ToString(),
            LotId = await db.Lots.Where(l => l.Code == view.LotCode).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken),
            ParticipantId = view.ParticipantId,
            Summary = $"Help request {view.Reference}",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void CheckTransition(HelpRequestStatus current, HelpRequestStatus? wanted, FieldErrors errors)
    {
        switch (wanted)
        {
            case null:
                errors.Add("status", "Choose the new status: Contacted or Closed");
                return;
            case not (HelpRequestStatus.Contacted or HelpRequestStatus.Closed):
                errors.Add("status", "The status can be changed to Contacted or Closed only: a request becomes Registered when its resident is registered as a participant");
                return;
        }

        var problem = current switch
        {
            HelpRequestStatus.Registered => "This request's resident has been registered as a participant, so the request cannot change",
            HelpRequestStatus.Closed => "This request is closed, so it cannot change",
            HelpRequestStatus.Contacted when wanted == HelpRequestStatus.Contacted => "This request is already marked as contacted",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add("status", problem);
        }
    }

    private static string? Name(string? text, string field, string label, FieldErrors errors)
    {
        var value = Clean(text);
        if (value is null)
        {
            errors.Add(field, $"Enter your {label}");
        }
        else if (value.Length > MaxNameLength)
        {
            errors.Add(field, $"Your {label} must be {MaxNameLength} characters or fewer");
        }

        return value;
    }

    /// <summary>A sensible shape check (something@domain.tld, no spaces): whether the address works is learnt by writing to it.</summary>
    private static string? Email(string? text, FieldErrors errors)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }

        var at = value.LastIndexOf('@');
        var domain = at < 0 ? "" : value[(at + 1)..];
        var valid = value.Length <= MaxEmailLength
            && at > 0
            && !value.Any(char.IsWhiteSpace)
            && value.Count(c => c == '@') == 1
            && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.');
        if (!valid)
        {
            errors.Add("email", value.Length > MaxEmailLength
                ? $"Your email address must be {MaxEmailLength} characters or fewer"
                : "Enter an email address in the correct format, like name@example.com");
            return null;
        }

        return value;
    }

    /// <summary>
    /// A UK number of 10 or 11 digits starting 0 (or +44 without the 0), or an international
    /// number of 8 to 15 digits after +; spaces, brackets and dashes as people write them.
    /// </summary>
    private static string? Phone(string? text, FieldErrors errors)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }

        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        bool valid;
        if (value.Length > MaxPhoneLength
            || !value.All(c => char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '-' or '+')
            || value.LastIndexOf('+') > 0)
        {
            valid = false;
        }
        else if (value.StartsWith('+') || value.StartsWith("00", StringComparison.Ordinal))
        {
            var afterPrefix = value.StartsWith('+') ? digits : digits[2..];
            if (afterPrefix.StartsWith("44", StringComparison.Ordinal))
            {
                // +44 (0)121 ...: the 0 in brackets is often written and never dialled.
                var uk = afterPrefix[2..];
                uk = uk.StartsWith('0') ? uk[1..] : uk;
                valid = uk.Length is 9 or 10;
            }
            else
            {
                valid = afterPrefix.Length is >= 8 and <= 15;
            }
        }
        else
        {
            valid = digits.StartsWith('0') && digits.Length is 10 or 11;
        }

        if (!valid)
        {
            errors.Add("phone", "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192");
            return null;
        }

        return value;
    }

    private static ContactPreference? Preference(string? text, string? email, string? phone, FieldErrors errors)
    {
        var value = Clean(text);
        if (value is null || !Enum.TryParse<ContactPreference>(value, ignoreCase: true, out var preference)
            || !Enum.IsDefined(preference) || int.TryParse(value, CultureInfo.InvariantCulture, out _))
        {
            errors.Add("preferredContact", value is null
                ? "Select how you would like an advisor to contact you"
                : $"Select how you would like an advisor to contact you. Allowed values: {string.Join(", ", PreferenceCodes)}");
            return null;
        }

        // Only complain about the missing detail when the detail itself had no problem of its own.
        if (preference == ContactPreference.Email && email is null && !errors.Has("email"))
        {
            errors.Add("email", "Enter your email address, as you would like an advisor to contact you by email");
        }
        else if (preference != ContactPreference.Email && phone is null && !errors.Has("phone") && !errors.Has("email"))
        {
            errors.Add("phone", preference == ContactPreference.TextMessage
                ? "Enter your mobile phone number, as you would like an advisor to send you a text message"
                : "Enter your telephone number, as you would like an advisor to phone you");
        }

        return preference;
    }

    private static string NewReference() => "HR-" + new string(RandomNumberGenerator.GetItems<char>(ReferenceAlphabet, ReferenceLength));

    /// <summary>Trimmed, with runs of spaces made one; null when nothing was typed.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return string.Join(' ', text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
