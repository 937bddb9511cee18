using System.Globalization;
using System.Text.RegularExpressions;

namespace ConnectingCommunities.Domain.Programme;

/// <summary>A calendar quarter, written "2020-Q2" in data and APIs.</summary>
public readonly partial record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public DateOnly Start => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public static Quarter Containing(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    public Quarter Next() => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is null)
        {
            return false;
        }

        var match = QuarterPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        quarter = new Quarter(
            int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public static IEnumerable<Quarter> Between(DateOnly first, DateOnly last)
    {
        for (var q = Containing(first); q.Start <= last; q = q.Next())
        {
            yield return q;
        }
    }

    public int CompareTo(Quarter other) => Start.CompareTo(other.Start);

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    /// <summary>"April to June 2020".</summary>
    public string DisplayName =>
        string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{Start:MMMM} to {End:MMMM} {Year}");

    [GeneratedRegex(@"^(?<year>\d{4})-?Q(?<q>[1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();
}
