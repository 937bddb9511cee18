namespace ConnectingCommunities.Domain.People;

/// <summary>
/// Why a participant's National Insurance number is not recorded. Having no number is no bar to
/// joining a voluntary programme, but claims and job-outcome checks against HMRC earnings data
/// need one, so the reason tells a claims checker whether to expect it later.
/// </summary>
public enum NinoMissingReason
{
    /// <summary>The person has a number but does not know it and has nothing that shows it.</summary>
    NotKnown = 1,

    /// <summary>The person knows or can find the number and will provide it later.</summary>
    NotYetProvided = 2,

    /// <summary>The person has applied to DWP for a number and is waiting for it.</summary>
    Applied = 3,

    /// <summary>The person has never been issued a number.</summary>
    NotIssued = 4,

    /// <summary>The person chose not to give it.</summary>
    Declined = 5,
}

/// <summary>Words for <see cref="NinoMissingReason"/> on pages and in exports.</summary>
public static class NinoMissingReasonNames
{
    public static string DisplayName(this NinoMissingReason reason) => reason switch
    {
        NinoMissingReason.NotKnown => "They have one but do not know it",
        NinoMissingReason.NotYetProvided => "They will provide it later",
        NinoMissingReason.Applied => "They have applied for one",
        NinoMissingReason.NotIssued => "They have never had one",
        NinoMissingReason.Declined => "They prefer not to say",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason."),
    };
}
