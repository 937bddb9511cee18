using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Brokerage;

/// <summary>An employer size band by number of employees.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="DisplayName">Words shown to people.</param>
/// <param name="MinEmployees">The fewest employees in the band.</param>
/// <param name="MaxEmployees">The most, or null for no upper limit.</param>
public sealed record EmployerSizeBand(string Code, string DisplayName, int MinEmployees, int? MaxEmployees) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>The size bands the UK government and the ONS use for businesses: micro, small, medium and large.</summary>
public static class EmployerSizeBands
{
    public static EmployerSizeBand Micro { get; } = new("micro", "Micro (0 to 9 employees)", 0, 9);

    public static EmployerSizeBand Small { get; } = new("small", "Small (10 to 49 employees)", 10, 49);

    public static EmployerSizeBand Medium { get; } = new("medium", "Medium (50 to 249 employees)", 50, 249);

    public static EmployerSizeBand Large { get; } = new("large", "Large (250 or more employees)", 250, null);

    public static IReadOnlyList<EmployerSizeBand> All { get; } = [Micro, Small, Medium, Large];

    public static EmployerSizeBand? Find(string? code) => Catalogue.Find(All, code);

    /// <summary>The band for a head count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public static EmployerSizeBand ForEmployees(int employees)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(employees);
        return All.First(b => employees >= b.MinEmployees && (b.MaxEmployees is null || employees <= b.MaxEmployees));
    }
}
