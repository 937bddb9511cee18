using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Participants;

/// <summary>
/// Reads the codes people and systems send (enum names and catalogue codes), saying which values
/// are allowed when one is not, so an API client can fix the request from the error alone.
/// </summary>
public static class Codes
{
    public static TEnum? Enum<TEnum>(string? text, string field, string label, FieldErrors errors, bool required = false)
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

        // Names only: "1" is not a code.
        if (!int.TryParse(text, out _) && System.Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value)
            && System.Enum.IsDefined(value))
        {
            return value;
        }

        errors.Add(field, $"'{Shorten(text)}' is not a {label} code. Allowed values: {Allowed<TEnum>()}");
        return null;
    }

    public static string Allowed<TEnum>()
        where TEnum : struct, System.Enum => string.Join(", ", System.Enum.GetNames<TEnum>());

    /// <summary>A catalogue code, stored as its canonical spelling; null when not given.</summary>
    public static string? Catalogue<T>(string? text, IReadOnlyList<T> items, string field, string label, FieldErrors errors, bool required = false)
        where T : class, IReferenceItem
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, $"Select the {label}. Allowed values: {string.Join(", ", items.Select(i => i.Code))}");
            }

            return null;
        }

        var found = items.FirstOrDefault(i => string.Equals(i.Code, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            errors.Add(field, $"'{Shorten(text)}' is not a {label} code. Allowed values: {string.Join(", ", items.Select(i => i.Code))}");
        }

        return found?.Code;
    }

    public static string DisplayName<T>(IReadOnlyList<T> items, string? code, string notCollected = "Not collected")
        where T : class, IReferenceItem
    {
        if (code is null)
        {
            return notCollected;
        }

        return items.FirstOrDefault(i => i.Code == code)?.DisplayName ?? code;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
