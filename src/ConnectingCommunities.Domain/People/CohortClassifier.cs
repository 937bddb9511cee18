using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.People;

/// <summary>
/// The programme's payment groups by time out of work at registration (Connecting Communities
/// contract): in work is Employed; out of work under 1 year is Rapid Progression; 1 year to under
/// 2 years is Harder to Reach; 2 years or more is Hardest to Help.
/// </summary>
/// <remarks>
/// A year is reached on its calendar anniversary, so someone out of work since 15 March 2018
/// who registers on 15 March 2019 is in the longer group (Harder to Reach): the contract says
/// "1-2 years" and "2 years or more", and the anniversary is the day a year is complete. A start
/// on 29 February reaches its anniversary on 1 March in other years, as ages do.
/// </remarks>
public static class CohortClassifier
{
    private const int MonthsInYear = 12;

    /// <summary>The cohort for the participant's employment at registration.</summary>
    public static Cohort Classify(EmploymentAtRegistration employment, DateOnly registeredOn)
    {
        ArgumentNullException.ThrowIfNull(employment);

        if (employment.IsInWork)
        {
            return Cohort.Employed;
        }

        if (employment.OutOfWorkSince is { } since)
        {
            return ForOutOfWorkSince(since, registeredOn);
        }

        return ForMonthsOutOfWork(employment.MonthsOutOfWork ?? 0);
    }

    /// <summary>The cohort for someone out of work since <paramref name="outOfWorkSince"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is after registration.</exception>
    public static Cohort ForOutOfWorkSince(DateOnly outOfWorkSince, DateOnly registeredOn)
    {
        if (outOfWorkSince > registeredOn)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outOfWorkSince), outOfWorkSince, "The date out of work is after the registration date.");
        }

        return ForYearsOutOfWork(Age.FullYearsBetween(outOfWorkSince, registeredOn));
    }

    /// <summary>The cohort for someone out of work for a number of whole months (12 is a year).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number of months is negative.</exception>
    public static Cohort ForMonthsOutOfWork(int monthsOutOfWork)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthsOutOfWork);
        return ForYearsOutOfWork(monthsOutOfWork / MonthsInYear);
    }

    private static Cohort ForYearsOutOfWork(int fullYears) => fullYears switch
    {
        0 => Cohort.RapidProgression,
        1 => Cohort.HarderToReach,
        _ => Cohort.HardestToHelp,
    };
}
