namespace ConnectingCommunities.Domain.People;

/// <summary>
/// Age in whole years, as UK law counts it: a person gains a year on the anniversary of their
/// birth, and someone born on 29 February gains it on 1 March in a year that has no 29 February
/// (the usual reading of the Family Law Reform Act 1969, section 9, in England and Wales).
/// </summary>
public static class Age
{
    /// <summary>The person's age in whole years on <paramref name="day"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The day is before the date of birth.</exception>
    public static int On(DateOnly dateOfBirth, DateOnly day)
    {
        if (day < dateOfBirth)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The day is before the date of birth.");
        }

        return FullYearsBetween(dateOfBirth, day);
    }

    /// <summary>
    /// Whole years from <paramref name="start"/> to <paramref name="end"/>, counting a year only
    /// once its anniversary is reached. Comparing month and day (rather than adding years to the
    /// start, which turns 29 February into 28 February) puts a 29 February anniversary on 1 March.
    /// </summary>
    internal static int FullYearsBetween(DateOnly start, DateOnly end)
    {
        var years = end.Year - start.Year;
        var anniversaryNotYetReached = end.Month < start.Month || (end.Month == start.Month && end.Day < start.Day);
        return anniversaryNotYetReached ? years - 1 : years;
    }
}
