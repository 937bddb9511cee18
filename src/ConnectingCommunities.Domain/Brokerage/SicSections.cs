namespace ConnectingCommunities.Domain.Brokerage;

/// <summary>A section of the UK Standard Industrial Classification 2007: the broad sector an employer works in.</summary>
/// <param name="Letter">A to U.</param>
/// <param name="Title">The ONS title in sentence case.</param>
public sealed record SicSection(string Letter, string Title)
{
    public override string ToString() => $"{Letter}: {Title}";
}

/// <summary>
/// The 21 sections of UK SIC 2007 (ONS, "UK Standard Industrial Classification of Economic Activities 2007").
/// Employers record the section letter: the insight groups starts and referrals by it.
/// </summary>
public static class SicSections
{
    public static IReadOnlyList<SicSection> All { get; } =
    [
        new("A", "Agriculture, forestry and fishing"),
        new("B", "Mining and quarrying"),
        new("C", "Manufacturing"),
        new("D", "Electricity, gas, steam and air conditioning supply"),
        new("E", "Water supply; sewerage, waste management and remediation activities"),
        new("F", "Construction"),
        new("G", "Wholesale and retail trade; repair of motor vehicles and motorcycles"),
        new("H", "Transportation and storage"),
        new("I", "Accommodation and food service activities"),
        new("J", "Information and communication"),
        new("K", "Financial and insurance activities"),
        new("L", "Real estate activities"),
        new("M", "Professional, scientific and technical activities"),
        new("N", "Administrative and support service activities"),
        new("O", "Public administration and defence; compulsory social security"),
        new("P", "Education"),
        new("Q", "Human health and social work activities"),
        new("R", "Arts, entertainment and recreation"),
        new("S", "Other service activities"),
        new("T", "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use"),
        new("U", "Activities of extraterritorial organisations and bodies"),
    ];

    /// <summary>
    /// The section for a letter (any case, surrounding spaces ignored) or for its exact title (any case);
    /// null otherwise, including for letters after U.
    /// </summary>
    public static SicSection? Find(string? letterOrTitle)
    {
        if (string.IsNullOrWhiteSpace(letterOrTitle))
        {
            return null;
        }

        var trimmed = letterOrTitle.Trim();
        return All.FirstOrDefault(s => string.Equals(s.Letter, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? All.FirstOrDefault(s => string.Equals(s.Title, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The error for a sector that is not a section.</summary>
    public const string NotASection = "Enter the SIC 2007 section as a letter from A to U";
}
