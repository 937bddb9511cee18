using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Brokerage;

/// <summary>When a job's hours fall.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="DisplayName">Words shown to people.</param>
/// <param name="IncludesNights">Whether the worker must work nights.</param>
/// <param name="IncludesWeekends">Whether the worker must work weekends.</param>
public sealed record ShiftPattern(string Code, string DisplayName, bool IncludesNights, bool IncludesWeekends) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>The shift patterns a vacancy states; matching excludes nights and weekends for people who cannot work them.</summary>
public static class ShiftPatterns
{
    public static ShiftPattern Daytime { get; } = new("daytime", "Daytime", false, false);

    public static ShiftPattern Evenings { get; } = new("evenings", "Evenings", false, false);

    public static ShiftPattern Nights { get; } = new("nights", "Nights", true, false);

    public static ShiftPattern Weekends { get; } = new("weekends", "Weekends", false, true);

    /// <summary>Rotating shifts cover days, nights and weekends in turn.</summary>
    public static ShiftPattern Rotating { get; } = new("rotating", "Rotating shifts (including nights and weekends)", true, true);

    public static ShiftPattern Flexible { get; } = new("flexible", "Flexible (hours agreed with the worker)", false, false);

    public static IReadOnlyList<ShiftPattern> All { get; } = [Daytime, Evenings, Nights, Weekends, Rotating, Flexible];

    public static ShiftPattern? Find(string? code) => Catalogue.Find(All, code);
}
