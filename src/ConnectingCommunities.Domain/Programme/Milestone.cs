namespace ConnectingCommunities.Domain.Programme;

/// <summary>The results the programme pays for, each at most once per participant.</summary>
public enum Milestone
{
    /// <summary>At least three meaningful interventions.</summary>
    Engaged = 1,
    JobOutcome = 2,
    Sustained13Weeks = 3,
    Sustained26Weeks = 4,
    Sustained52Weeks = 5,
    Progression = 6,
}

public static class MilestoneNames
{
    public static string DisplayName(this Milestone milestone) => milestone switch
    {
        Milestone.Engaged => "Engaged",
        Milestone.JobOutcome => "Job outcome",
        Milestone.Sustained13Weeks => "Sustained 13 weeks",
        Milestone.Sustained26Weeks => "Sustained 26 weeks",
        Milestone.Sustained52Weeks => "Sustained 52 weeks",
        Milestone.Progression => "Progression",
        _ => throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "Unknown milestone."),
    };
}
