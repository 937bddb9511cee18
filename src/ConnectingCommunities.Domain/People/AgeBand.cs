namespace ConnectingCommunities.Domain.People;

/// <summary>
/// The age bands the programme's evaluation reports use (age at registration); 25 to 34 is the
/// reference group in its regressions. The programme serves people of working age from 16, so
/// there is no band below 16.
/// </summary>
public enum AgeBand
{
    /// <summary>16 to 24.</summary>
    Age16To24 = 1,

    /// <summary>25 to 34: the reference group.</summary>
    Age25To34 = 2,

    /// <summary>35 to 54.</summary>
    Age35To54 = 3,

    /// <summary>55 and over.</summary>
    Age55AndOver = 4,
}

/// <summary>Classifies ages into <see cref="AgeBand"/>s and names the bands.</summary>
public static class AgeBands
{
    /// <summary>The youngest age the programme serves.</summary>
    public const int MinimumAge = 16;

    /// <summary>The evaluation's reference band for odds ratios.</summary>
    public const AgeBand Reference = AgeBand.Age25To34;

    /// <summary>All bands, youngest first.</summary>
    public static IReadOnlyList<AgeBand> All { get; } =
        [AgeBand.Age16To24, AgeBand.Age25To34, AgeBand.Age35To54, AgeBand.Age55AndOver];

    /// <summary>The band for an age in whole years, or null under 16 (not eligible).</summary>
    public static AgeBand? For(int age) => age switch
    {
        < MinimumAge => null,
        <= 24 => AgeBand.Age16To24,
        <= 34 => AgeBand.Age25To34,
        <= 54 => AgeBand.Age35To54,
        _ => AgeBand.Age55AndOver,
    };

    /// <summary>The band on <paramref name="day"/> (e.g. the registration date), or null under 16.</summary>
    public static AgeBand? On(DateOnly dateOfBirth, DateOnly day) => For(Age.On(dateOfBirth, day));

    /// <summary>Whether someone of this age can join the programme.</summary>
    public static bool IsEligibleAge(int age) => age >= MinimumAge;

    /// <summary>Words for pages, following GOV.UK style ("to" in ranges), e.g. "16 to 24".</summary>
    public static string DisplayName(this AgeBand band) => band switch
    {
        AgeBand.Age16To24 => "16 to 24",
        AgeBand.Age25To34 => "25 to 34",
        AgeBand.Age35To54 => "35 to 54",
        AgeBand.Age55AndOver => "55 and over",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown age band."),
    };

    /// <summary>The short label of tables and charts as the evaluation report writes it, e.g. "16-24".</summary>
    public static string ShortName(this AgeBand band) => band switch
    {
        AgeBand.Age16To24 => "16-24",
        AgeBand.Age25To34 => "25-34",
        AgeBand.Age35To54 => "35-54",
        AgeBand.Age55AndOver => "55+",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown age band."),
    };

    /// <summary>The youngest age in the band.</summary>
    public static int LowestAge(this AgeBand band) => band switch
    {
        AgeBand.Age16To24 => 16,
        AgeBand.Age25To34 => 25,
        AgeBand.Age35To54 => 35,
        AgeBand.Age55AndOver => 55,
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown age band."),
    };

    /// <summary>The oldest age in the band, or null for the open-ended top band.</summary>
    public static int? HighestAge(this AgeBand band) => band switch
    {
        AgeBand.Age16To24 => 24,
        AgeBand.Age25To34 => 34,
        AgeBand.Age35To54 => 54,
        AgeBand.Age55AndOver => null,
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown age band."),
    };
}
