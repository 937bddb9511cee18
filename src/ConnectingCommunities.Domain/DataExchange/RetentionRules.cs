namespace ConnectingCommunities.Domain.DataExchange;

/// <summary>
/// How long participants' personal data is kept: until 31 December of the year that is the set number
/// of years after the programme's end (the funders' audit duty; the demo keeps 7 years). After that day
/// the records are listed for a commissioner to confirm their erasure.
/// </summary>
public static class RetentionRules
{
    public const int DefaultYearsAfterEnd = 7;
    public const int MaxYearsAfterEnd = 50;

    /// <summary>The last day personal data must be kept.</summary>
    public static DateOnly RetainUntil(DateOnly programmeEnd, int yearsAfterEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yearsAfterEnd);
        return new DateOnly(Math.Min(programmeEnd.Year + yearsAfterEnd, 9999), 12, 31);
    }

    /// <summary>Whether the retention period has ended by <paramref name="today"/>: the day after <see cref="RetainUntil"/> or later.</summary>
    public static bool IsPast(DateOnly programmeEnd, int yearsAfterEnd, DateOnly today) => today > RetainUntil(programmeEnd, yearsAfterEnd);
}
