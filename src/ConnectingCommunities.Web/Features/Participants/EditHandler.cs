using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants;

public sealed record EditInput : ParticipantDetailsInput
{
    /// <summary>Why the record is being changed: kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The version read; a different current version means someone else changed the record (409).</summary>
    public int? Version { get; init; }

    /// <summary>A provider manager's reason for keeping someone whose new postcode is outside the lot's area.</summary>
    public string? EligibilityOverrideReason { get; init; }
}

/// <summary>Corrections to who a participant is. Moves between lots, advisors and statuses have their own pages.</summary>
public sealed class EditHandler(CcDbContext db, CurrentUser user, ParticipantAccess access, ParticipantQueries queries)
{
    public const int MaxReasonLength = 1000;

    /// <summary>The record as an edit form starts from it.</summary>
    public static EditInput InputFrom(ParticipantView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new EditInput
        {
            FirstName = view.FirstName,
            LastName = view.LastName,
            DateOfBirth = view.DateOfBirth,
            Nino = view.Nino,
            NinoMissingReason = view.NinoMissingReason?.ToString(),
            Email = view.Email,
            Phone = view.Phone,
            AddressLine1 = view.AddressLine1,
            AddressLine2 = view.AddressLine2,
            Town = view.Town,
            Postcode = view.Postcode,
            Sex = view.Sex,
            GenderIdentity = view.GenderIdentity,
            Ethnicity = view.Ethnicity,
            LongTermCondition = view.LongTermCondition,
            ActivityLimitation = view.ActivityLimitation,
            HighestQualification = view.HighestQualification,
            HasChildcareResponsibilities = view.HasChildcareResponsibilities,
            HasCaringResponsibilities = view.HasCaringResponsibilities,
            HasInternetAccess = view.HasInternetAccess,
            EmploymentStatus = view.EmploymentStatus.ToString(),
            LastInWorkOn = view.LastInWorkOn,
            WeeklyHours = view.WeeklyHours,
            HourlyWage = view.HourlyWage,
            ContractType = view.ContractType,
            RecruitmentChannel = view.RecruitmentChannel,
            Referrer = view.Referrer,
            EvaluationContactConsent = view.EvaluationContactConsent,
            Version = view.Version,
        };
    }

    /// <summary>
    /// Applies a JSON Merge Patch (RFC 7396): fields sent replace the current ones, null clears
    /// one, fields left out stay as they are.
    /// </summary>
    public async Task<Result<ParticipantView>> PatchAsync(Guid id, JsonObject patch, JsonSerializerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var current = await queries.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return Result<ParticipantView>.NotFound();
        }

        var merged = JsonSerializer.SerializeToNode(InputFrom(current) with { Version = null }, options)!.AsObject();
        foreach (var (name, value) in patch)
        {
            var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            merged[key] = value?.DeepClone();
        }

        EditInput? input;
        try
        {
            input = merged.Deserialize<EditInput>(options);
        }
        catch (JsonException ex)
        {
            var field = ex.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            return Result<ParticipantView>.Invalid(field, $"The value of {field} is not valid: check its type and format (dates as yyyy-mm-dd)");
        }

        return await UpdateAsync(id, input!, cancellationToken);
    }

    /// <summary>Saves the corrections.</summary>
    public Task<Result<ParticipantView>> UpdateAsync(Guid id, EditInput input, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, input, checkOnly: false, cancellationToken);

    /// <summary>Saves the corrections. With <paramref name="checkOnly"/>, only says what is wrong and saves nothing.</summary>
    public async Task<Result<ParticipantView>> UpdateAsync(Guid id, EditInput input, bool checkOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(id, cancellationToken);
        if (participant is null)
        {
            return Result<ParticipantView>.NotFound();
        }

        if (!checkOnly && input.Version is { } version && version != participant.Version)
        {
            return Result<ParticipantView>.Conflict("Someone else changed this participant's record after you opened it. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        ParticipantDetails.CheckPerson(input, errors, out var nino, out var ninoMissing, out var postcode);
        var work = ParticipantDetails.CheckWork(input, participant.RegisteredOn, access.Today, errors);
        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);
        Validation.OptionalText(input.EligibilityOverrideReason, "eligibilityOverrideReason", "reason for the eligibility override", MaxReasonLength, errors);
        if (postcode is not null && postcode != participant.Postcode
            && !await db.LotPostcodes.AnyAsync(p => p.LotId == participant.LotId && p.Postcode == postcode, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(input.EligibilityOverrideReason))
            {
                errors.Add("postcode", $"{postcode} is outside the lot's area. If they have moved away, record that they left the programme; "
                    + "if they still live in the area, a provider manager can keep them with a reason (eligibility override).");
            }
            else if (!user.IsInRole(Roles.ProviderManager))
            {
                errors.Add("eligibilityOverrideReason", "Only a provider manager can keep someone whose postcode is outside the lot's area");
            }
        }

        if (nino is not null && nino != participant.Nino
            && await db.Participants.AnyAsync(p => p.Nino == nino && p.Id != participant.Id, cancellationToken))
        {
            return Result<ParticipantView>.Conflict(
                "That National Insurance number is already on another participant's record. Check the number; if it is the same person, contact your provider manager.");
        }

        if (checkOnly || errors.Any || work is null || postcode is null)
        {
            return Result<ParticipantView>.Invalid(errors);
        }

        ParticipantDetails.Apply(participant, input, nino, ninoMissing, postcode, work.Value);
        if (!string.IsNullOrWhiteSpace(input.EligibilityOverrideReason))
        {
            participant.EligibilityOverrideReason = input.EligibilityOverrideReason.Trim();
        }

        user.Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<ParticipantView>.Conflict("Someone else changed this participant's record at the same moment. Reload it and make your change again.");
        }

        return Result<ParticipantView>.Ok((await queries.FindAsync(id, cancellationToken))!);
    }
}
