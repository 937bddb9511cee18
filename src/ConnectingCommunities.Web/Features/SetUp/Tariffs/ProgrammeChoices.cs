using System.Globalization;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;

namespace ConnectingCommunities.Web.Features.SetUp.Tariffs;

/// <summary>
/// Milestones and cohorts written as the API writes them ("JobOutcome", "HardestToHelp"), so that a
/// form's options, a query string and a JSON body all use the same words.
/// </summary>
public static class ProgrammeChoices
{
    public static IReadOnlyList<Choice> Milestones { get; } =
        Enum.GetValues<Milestone>().Select(m => new Choice(ApiName(m), m.DisplayName())).ToList();

    public static IReadOnlyList<Choice> Cohorts { get; } =
        Enum.GetValues<Cohort>().Select(c => new Choice(ApiName(c), c.DisplayName(), c.Description())).ToList();

    public static string ApiName<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    /// <summary>Reads a name such as "JobOutcome" (any case); numbers are refused, as they are in JSON.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>An optional filter from a query string: null when absent, a field error when not a known name.</summary>
    public static TEnum? ReadFilter<TEnum>(string? text, string field, FieldErrors errors)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        errors.Add(field, $"Must be one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => ApiName(v)))}.");
        return null;
    }

    /// <summary>A date in a query string, written YYYY-MM-DD.</summary>
    public static DateOnly? ReadIsoDate(string? text, string field, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Must be a date in the form YYYY-MM-DD, for example 2020-04-01.");
        return null;
    }
}
