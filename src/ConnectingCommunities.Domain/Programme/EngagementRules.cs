namespace ConnectingCommunities.Domain.Programme;

/// <summary>
/// When a contact counts as a meaningful intervention. The programme counted a participant as
/// engaged after three of them; by default a contact of 15 minutes or more counts, and set-up can
/// change the minimum.
/// </summary>
public sealed record MeaningfulInterventionRule(int MinimumMinutes = MeaningfulInterventionRule.DefaultMinimumMinutes)
{
    public const int DefaultMinimumMinutes = 15;

    public bool IsMeaningful(int durationMinutes) => durationMinutes >= MinimumMinutes;
}

/// <summary>A contact as the engagement rule sees it.</summary>
public readonly record struct Contact(DateOnly Date, int DurationMinutes);

public static class EngagementRule
{
    /// <summary>
    /// The day a participant became engaged: the date of their <paramref name="threshold"/>-th
    /// meaningful intervention in date order, or null if they have not had that many yet.
    /// </summary>
    public static DateOnly? EngagedOn(IEnumerable<Contact> contacts, MeaningfulInterventionRule rule, int threshold = 3)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var meaningful = contacts.Where(c => rule.IsMeaningful(c.DurationMinutes)).OrderBy(c => c.Date).ToList();
        return meaningful.Count >= threshold ? meaningful[threshold - 1].Date : null;
    }
}
