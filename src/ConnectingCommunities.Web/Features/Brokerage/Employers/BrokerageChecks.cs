using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

/// <summary>Field checks shared by the employer and vacancy handlers, worded for people.</summary>
public static class BrokerageChecks
{
    public const int MaxNameLength = 200;
    public const int MaxNotesLength = 4000;
    public const int MaxReasonLength = 500;

    /// <summary>The engagement method as the API writes it: the code with a capital first letter ("ReverseMarketing").</summary>
    public static string ApiCode(string code) => string.IsNullOrEmpty(code) ? code : char.ToUpperInvariant(code[0]) + code[1..];

    /// <summary>The method for PascalCase or camelCase text, any case; a field error listing the allowed values otherwise.</summary>
    public static EmployerEngagementMethod? EngagementMethod(string? text, string field, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var allowed = string.Join(", ", EmployerEngagementMethods.All.Select(m => ApiCode(m.Code)));
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"Select how the relationship began. Allowed values: {allowed}");
            return null;
        }

        var found = EmployerEngagementMethods.Find(text);
        if (found is null)
        {
            errors.Add(field, $"'{Shorten(text)}' is not an engagement method. Allowed values: {allowed}");
        }

        return found;
    }

    /// <summary>A normalised postcode, or null; a field error when the text is not a postcode.</summary>
    public static string? Postcode(string? text, string field, FieldErrors errors, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, "Enter a postcode");
            }

            return null;
        }

        var check = Domain.People.Postcode.Check(text);
        if (!check.IsValid)
        {
            errors.Add(field, check.Error);
            return null;
        }

        return check.Postcode.Value;
    }

    public static string? Sector(string? text, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var section = SicSections.Find(text);
        if (section is null)
        {
            errors.Add("sector", $"'{Shorten(text)}' is not a SIC 2007 section. {SicSections.NotASection}");
        }

        return section?.Letter;
    }

    public static string? CompaniesHouse(string? text, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!CompaniesHouseNumber.TryNormalise(text, out var normalised))
        {
            errors.Add("companiesHouseNumber", CompaniesHouseNumber.Error);
            return null;
        }

        return normalised;
    }

    public static string? SizeBand(string? text, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var band = EmployerSizeBands.Find(text);
        if (band is null)
        {
            errors.Add("sizeBand", $"'{Shorten(text)}' is not a size band. Allowed values: {string.Join(", ", EmployerSizeBands.All.Select(b => b.Code))}");
        }

        return band?.Code;
    }

    /// <summary>A date something happened: not after today.</summary>
    public static void NotInFuture(DateOnly? date, string field, string label, DateOnly today, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (date is { } d && d > today)
        {
            errors.Add(field, $"The {label} must be today or in the past");
        }
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
