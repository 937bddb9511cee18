using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Performance;

/// <summary>One stored target row: the count for a quarter, in force for quarters starting on or after <paramref name="EffectiveFrom"/>.</summary>
public sealed record TargetVersion(Quarter Quarter, int Count, DateOnly EffectiveFrom, string? Reason = null);

/// <summary>A quarter's target as in force, with the original count when a variation replaced it.</summary>
/// <param name="Count">The count in force: the version with the latest EffectiveFrom on or before the quarter's start.</param>
/// <param name="Original">The count of the earliest version, kept as history.</param>
/// <param name="Cumulative">The running sum of the counts in force up to and including this quarter.</param>
public sealed record ProfileQuarter(Quarter Quarter, int Count, int Original, int Cumulative, DateOnly EffectiveFrom, string? Reason)
{
    public bool IsVaried => Count != Original;
}

/// <summary>
/// A lot's (or several lots') target profile for one milestone. Each quarter's count is the target
/// for that quarter; a contract variation adds rows with a later EffectiveFrom and changes the
/// quarters starting on or after it, while earlier quarters keep their original count.
/// The target to date at a day is the whole quarters ended on or before it plus the current quarter
/// pro rata by the days elapsed (the day itself included), rounded to the nearest whole number.
/// </summary>
public sealed class TargetProfile
{
    private readonly List<ProfileQuarter> quarters;

    public TargetProfile(IEnumerable<TargetVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var cumulative = 0;
        quarters = [.. versions
            .GroupBy(v => v.Quarter)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var inForce = InForce(g.Key, g);
                var original = g.OrderBy(v => v.EffectiveFrom).First();
                cumulative += inForce?.Count ?? 0;
                return new ProfileQuarter(
                    g.Key, inForce?.Count ?? 0, original.Count, cumulative,
                    inForce?.EffectiveFrom ?? original.EffectiveFrom, inForce?.Reason);
            })];
    }

    public IReadOnlyList<ProfileQuarter> Quarters => quarters;

    /// <summary>The whole profile: the sum of every quarter's count in force.</summary>
    public int Total => quarters.Count == 0 ? 0 : quarters[^1].Cumulative;

    /// <summary>The version in force for a quarter: the one with the latest EffectiveFrom on or before the quarter's start; null when none has begun.</summary>
    public static TargetVersion? InForce(Quarter quarter, IEnumerable<TargetVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions
            .Where(v => v.Quarter == quarter && v.EffectiveFrom <= quarter.Start)
            .OrderByDescending(v => v.EffectiveFrom)
            .FirstOrDefault()
            // A first version dated after its quarter began (the contract started mid-quarter) still applies to it.
            ?? versions.Where(v => v.Quarter == quarter).OrderBy(v => v.EffectiveFrom).FirstOrDefault();
    }

    /// <summary>The target to date at <paramref name="day"/>, unrounded.</summary>
    public decimal ExactToDate(DateOnly day)
    {
        var total = 0m;
        foreach (var q in quarters)
        {
            if (q.Quarter.End <= day)
            {
                total += q.Count;
            }
            else if (q.Quarter.Start <= day)
            {
                var elapsed = day.DayNumber - q.Quarter.Start.DayNumber + 1;
                var length = q.Quarter.End.DayNumber - q.Quarter.Start.DayNumber + 1;
                total += (decimal)q.Count * elapsed / length;
            }
        }

        return total;
    }

    /// <summary>The target to date at <paramref name="day"/>, to the nearest whole number (halves up).</summary>
    public int ToDate(DateOnly day) => (int)Math.Round(ExactToDate(day), MidpointRounding.AwayFromZero);

    /// <summary>The target for a period: the target to date at its end less the target to date the day before it starts.</summary>
    public int ForPeriod(DateOnly from, DateOnly to) => (int)Math.Round(ExactToDate(to) - ExactToDate(from.AddDays(-1)), MidpointRounding.AwayFromZero);
}
