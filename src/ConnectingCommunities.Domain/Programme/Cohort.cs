namespace ConnectingCommunities.Domain.Programme;

/// <summary>
/// Payment group by time out of work at registration. The cohort at registration is the one
/// that pays for the participant's whole journey.
/// </summary>
public enum Cohort
{
    /// <summary>Out of work for two years or more.</summary>
    HardestToHelp = 1,

    /// <summary>Out of work for one to two years (the documents also say "Harder to Help").</summary>
    HarderToReach = 2,

    /// <summary>Out of work for less than a year.</summary>
    RapidProgression = 3,

    /// <summary>In work and seeking to progress.</summary>
    Employed = 4,
}

public static class CohortNames
{
    public static string DisplayName(this Cohort cohort) => cohort switch
    {
        Cohort.HardestToHelp => "Hardest to Help",
        Cohort.HarderToReach => "Harder to Reach",
        Cohort.RapidProgression => "Rapid Progression",
        Cohort.Employed => "Employed",
        _ => throw new ArgumentOutOfRangeException(nameof(cohort), cohort, "Unknown cohort."),
    };

    public static string Description(this Cohort cohort) => cohort switch
    {
        Cohort.HardestToHelp => "Out of work for 2 years or more",
        Cohort.HarderToReach => "Out of work for 1 to 2 years",
        Cohort.RapidProgression => "Out of work for less than 1 year",
        Cohort.Employed => "In work and seeking progression",
        _ => throw new ArgumentOutOfRangeException(nameof(cohort), cohort, "Unknown cohort."),
    };
}
