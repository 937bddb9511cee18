namespace ConnectingCommunities.Domain.Reference;

/// <summary>
/// An option in a reference catalogue. <see cref="Code"/> is stored in the database, sent in the
/// API and written to exports, so it never changes once published (camelCase, English);
/// <see cref="DisplayName"/> is what people read and may be reworded.
/// </summary>
public interface IReferenceItem
{
    /// <summary>Stable camelCase identifier, e.g. "whiteBritish".</summary>
    string Code { get; }

    /// <summary>Words shown to people, in GOV.UK sentence case.</summary>
    string DisplayName { get; }
}

/// <summary>Lookups shared by the catalogues.</summary>
internal static class Catalogue
{
    /// <summary>
    /// The item with the code, ignoring case and surrounding spaces so imported spreadsheets
    /// match; null when no item has it.
    /// </summary>
    public static T? Find<T>(IEnumerable<T> items, string? code)
        where T : class, IReferenceItem
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        return items.FirstOrDefault(item => string.Equals(item.Code, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
