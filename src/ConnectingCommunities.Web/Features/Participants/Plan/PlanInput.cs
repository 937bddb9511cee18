using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>
/// Whether a handler saves or only checks. Pages check when they could not read a typed date, so
/// that a date left unread is never taken as "today" and saved.
/// </summary>
public enum SaveMode
{
    Save,
    CheckOnly,
}

/// <summary>The participant a barrier or plan page is about: enough to say whose record it is.</summary>
public sealed record PlanParticipant(
    Guid Id, string Reference, string Name, DateOnly RegisteredOn, ParticipantStatus Status, DateOnly? LeftOn)
{
    public bool HasLeft => Status == ParticipantStatus.Left;

    public static PlanParticipant From(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return new(participant.Id, participant.Reference, $"{participant.FirstName} {participant.LastName}", participant.RegisteredOn,
            participant.Status, participant.LeftOn);
    }
}

/// <summary>
/// The checks barrier and plan handlers share: codes answered with the allowed values, dates
/// checked against the participant's registration and today, and the left-the-programme rule.
/// </summary>
public static class PlanChecks
{
    public const int MaxNotesLength = 2000;
    public const int MaxReasonLength = 500;

    /// <summary>A code from a catalogue, in its stored spelling; an unknown one lists every code allowed.</summary>
    public static T? Catalogue<T>(string? text, IReadOnlyList<T> items, string field, string label, FieldErrors errors)
        where T : class, IReferenceItem
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"Select the {label}. Allowed values: {string.Join(", ", items.Select(i => i.Code))}");
            return null;
        }

        var found = items.FirstOrDefault(i => string.Equals(i.Code, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            errors.Add(field, $"'{Shorten(text)}' is not {Article(label)} {label} code. Allowed values: {string.Join(", ", items.Select(i => i.Code))}");
        }

        return found;
    }

    /// <summary>An enum written by its name ("High", "NotDone"), any case; numbers are not names.</summary>
    public static TEnum? Enum<TEnum>(string? text, string field, string label, FieldErrors errors, bool required)
        where TEnum : struct, System.Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, $"Select the {label}. Allowed values: {Allowed<TEnum>()}");
            }

            return null;
        }

        if (!int.TryParse(text, out _) && System.Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        errors.Add(field, $"'{Shorten(text)}' is not {Article(label)} {label}. Allowed values: {Allowed<TEnum>()}");
        return null;
    }

    public static string Allowed<TEnum>()
        where TEnum : struct, System.Enum => string.Join(", ", System.Enum.GetNames<TEnum>());

    /// <summary>A date something happened on: not before registration, not after today.</summary>
    public static void HappenedOn(DateOnly date, string field, string label, PlanParticipant participant, DateOnly today, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(errors);
        switch (PlanRules.CheckHappenedOn(date, participant.RegisteredOn, today))
        {
            case HappenedOnCheck.BeforeRegistration:
                errors.Add(field, $"The {label} must be on or after the day they registered, {Formatting.Date(participant.RegisteredOn)}");
                break;
            case HappenedOnCheck.InFuture:
                errors.Add(field, $"The {label} must be today or in the past");
                break;
            default:
                break;
        }
    }

    /// <summary>Someone who has left gets nothing new in their plan until they re-join.</summary>
    public static bool RefuseIfLeft(PlanParticipant participant, string field, string what, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(errors);
        if (!participant.HasLeft)
        {
            return false;
        }

        var on = participant.LeftOn is { } left ? $" on {Formatting.Date(left)}" : "";
        errors.Add(field, $"{participant.Name} left the programme{on}: they must re-join before {what} can be added");
        return true;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
