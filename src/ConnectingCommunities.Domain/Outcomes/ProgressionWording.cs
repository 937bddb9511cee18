using System.Globalization;
using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Outcomes;

/// <summary>
/// An assessment of a job change in plain English, for the advisor who recorded it and for the
/// API: what changed and whether it meets each definition, e.g. "Weekly earnings up 12.5% (from
/// £200.00 to £225.00): meets the strict definition".
/// </summary>
public static class ProgressionWording
{
    /// <summary>The change in weekly earnings as a percentage, e.g. "12.5%", "10%", "0.3%"; one decimal place, never rounded up to 10%.</summary>
    public static string Percent(decimal fraction)
    {
        // Truncated rather than rounded, so 9.96% never reads as 10% beside "does not meet".
        var percent = decimal.Truncate(Math.Abs(fraction) * 1000m) / 10m;
        return percent.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>What happened to weekly earnings, e.g. "Weekly earnings up 12.5% (from £200.00 to £225.00)".</summary>
    public static string EarningsChange(JobTerms baseline, JobTerms after)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(after);
        var before = baseline.WeeklyEarnings;
        var now = after.WeeklyEarnings;
        var amounts = $"(from {Money.Format(Pence(before))} to {Money.Format(Pence(now))})";
        if (before == 0)
        {
            return now == 0 ? $"Weekly earnings unchanged {amounts}" : $"Weekly earnings up from nothing {amounts}";
        }

        var change = (now - before) / before;
        return change switch
        {
            > 0 => $"Weekly earnings up {Percent(change)} {amounts}",
            < 0 => $"Weekly earnings down {Percent(change)} {amounts}",
            _ => $"Weekly earnings unchanged {amounts}",
        };
    }

    /// <summary>The strict definition's verdict in a sentence.</summary>
    public static string Strict(JobTerms baseline, JobTerms after, ProgressionAssessment strict)
    {
        ArgumentNullException.ThrowIfNull(strict);
        var earnings = EarningsChange(baseline, after);
        return strict.IsMet
            ? $"{earnings}: meets the strict definition"
            : $"{earnings}: does not meet the strict definition, which needs weekly earnings up by 10% or more";
    }

    /// <summary>The wider definition's verdict in a sentence, naming each ground met and why a lateral move did not count.</summary>
    public static string Wider(ProgressionAssessment wider)
    {
        ArgumentNullException.ThrowIfNull(wider);
        var notes = wider.Notes.Count == 0 ? "" : $" ({string.Join("; ", wider.Notes)})";
        return wider.IsMet
            ? $"Meets the wider definition: {string.Join("; ", wider.Grounds.Select(g => g.Describe().ToLowerInvariant()))}{notes}"
            : $"Does not meet the wider definition: no higher earnings, promotion, more hours, more secure contract or lateral move with a reason{notes}";
    }

    private static decimal Pence(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
