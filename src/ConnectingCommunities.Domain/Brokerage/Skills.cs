namespace ConnectingCommunities.Domain.Brokerage;

/// <summary>
/// A catalogue of common entry-level skills that vacancies ask for and participants offer. Advisors may add
/// skills outside it; skills compare case-insensitively with surrounding spaces ignored.
/// </summary>
public static class Skills
{
    public static IReadOnlyList<string> Catalogue { get; } =
    [
        "Customer service",
        "Cash handling",
        "Food hygiene",
        "Food preparation",
        "Barista",
        "Bar work",
        "Waiting tables",
        "Forklift",
        "Manual handling",
        "Cleaning",
        "Driving",
        "Data entry",
        "Microsoft Office",
        "Email and internet",
        "Telephone skills",
        "Care work",
        "Personal care",
        "First aid",
        "Health and safety",
        "Warehouse picking",
        "Stock control",
        "Packing",
        "Shelf stacking",
        "Security",
        "SIA door supervision",
        "Construction (CSCS card)",
        "Labouring",
        "Painting and decorating",
        "Gardening",
        "Machine operation",
        "Assembly line work",
        "Quality checking",
        "Delivery driving",
        "Reception",
        "Filing and administration",
        "Childcare",
        "Teamwork",
        "Time management",
        "Working with numbers",
        "Spoken English",
        "Written English",
        "Welsh language",
        "Languages other than English",
    ];

    /// <summary>The skill trimmed with runs of spaces collapsed; null for blank text.</summary>
    public static string? Clean(string? skill)
    {
        if (string.IsNullOrWhiteSpace(skill))
        {
            return null;
        }

        return string.Join(' ', skill.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Whether two skills are the same, ignoring case and spaces around and between words.</summary>
    public static bool AreSame(string? a, string? b) =>
        Clean(a) is { } x && Clean(b) is { } y && string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    /// <summary>The catalogue spelling of a skill when it is in the catalogue; otherwise the cleaned text.</summary>
    public static string? Canonical(string? skill) =>
        Clean(skill) is { } clean ? Catalogue.FirstOrDefault(s => AreSame(s, clean)) ?? clean : null;

    /// <summary>Cleaned, catalogue-spelled, with duplicates (by <see cref="AreSame"/>) removed, in the order given.</summary>
    public static List<string> Normalise(IEnumerable<string?>? skills)
    {
        var result = new List<string>();
        foreach (var skill in skills ?? [])
        {
            if (Canonical(skill) is { } canonical && !result.Any(s => AreSame(s, canonical)))
            {
                result.Add(canonical);
            }
        }

        return result;
    }

    /// <summary>The skills of <paramref name="wanted"/> found in <paramref name="held"/>.</summary>
    public static IReadOnlyList<string> Held(IEnumerable<string> wanted, IEnumerable<string> held)
    {
        var heldList = held.ToList();
        return [.. wanted.Where(w => heldList.Any(h => AreSame(w, h)))];
    }
}
