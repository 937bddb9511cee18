using System.Globalization;

namespace ConnectingCommunities.Statistics.Regression;

/// <summary>The order of a categorical covariate's levels.</summary>
public static class FactorLevels
{
    /// <summary>
    /// Orders levels numerically when every level is a number (so "10" comes after "9"),
    /// otherwise by ordinal string comparison, which does not depend on the machine's culture.
    /// </summary>
    /// <param name="levels">The distinct levels.</param>
    /// <returns>The levels in order; the first is the default reference level.</returns>
    public static IReadOnlyList<string> Order(IEnumerable<string> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var distinct = levels.Distinct(StringComparer.Ordinal).ToList();
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var level in distinct)
        {
            if (!double.TryParse(level, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                distinct.Sort(StringComparer.Ordinal);
                return distinct;
            }

            numbers[level] = number;
        }

        return distinct.OrderBy(l => numbers[l]).ThenBy(l => l, StringComparer.Ordinal).ToList();
    }
}
