using System.Globalization;

namespace ConnectingCommunities.Domain.Claims;

/// <summary>
/// A claim or payment period: one calendar month, written "2021-04" in the API. Providers claim
/// monthly for milestones achieved up to the end of the period.
/// </summary>
public readonly record struct ClaimPeriod
{
    public ClaimPeriod(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Start => new(Year, Month, 1);

    /// <summary>The last day of the month: milestones up to and including it are claimed.</summary>
    public DateOnly End => Start.AddMonths(1).AddDays(-1);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The period a day falls in.</summary>
    public static ClaimPeriod Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Reads "yyyy-MM" (e.g. "2021-04"); false for anything else.</summary>
    public static bool TryParse(string? text, out ClaimPeriod period)
    {
        period = default;
        if (text is null || !DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        period = Of(day);
        return true;
    }

    /// <summary>Reads "yyyy-MM", or throws <see cref="FormatException"/>.</summary>
    public static ClaimPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException("Enter a period as a year and month, like 2021-04");

    /// <summary>"2021-04", the form the API and exports use.</summary>
    public override string ToString() => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
