namespace ConnectingCommunities.Domain.People;

/// <summary>
/// What a participant said about work when they registered: in work, out of work since a date,
/// or out of work for a number of months when they cannot remember the date. The cohort, and so
/// the payment group, follows from it (see <see cref="CohortClassifier"/>).
/// </summary>
public sealed record EmploymentAtRegistration
{
    private EmploymentAtRegistration(bool isInWork, DateOnly? outOfWorkSince, int? monthsOutOfWork)
    {
        IsInWork = isInWork;
        OutOfWorkSince = outOfWorkSince;
        MonthsOutOfWork = monthsOutOfWork;
    }

    /// <summary>In paid work (employed or self-employed) and seeking to progress.</summary>
    public bool IsInWork { get; }

    /// <summary>The first day out of work, when known.</summary>
    public DateOnly? OutOfWorkSince { get; }

    /// <summary>Whole months out of work, when only that is known.</summary>
    public int? MonthsOutOfWork { get; }

    public static EmploymentAtRegistration InWork() => new(true, null, null);

    public static EmploymentAtRegistration OutOfWorkFrom(DateOnly since) => new(false, since, null);

    /// <exception cref="ArgumentOutOfRangeException">The number of months is negative.</exception>
    public static EmploymentAtRegistration OutOfWorkForMonths(int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return new(false, null, months);
    }
}
