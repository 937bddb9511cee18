namespace ConnectingCommunities.Domain.Reference;

/// <summary>An answer to the GSS harmonised question on long-term health conditions.</summary>
public sealed record LongTermConditionAnswer(string Code, string DisplayName, bool? HasCondition) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>An answer to the GSS harmonised question on how much a condition limits day-to-day activities.</summary>
public sealed record ActivityLimitation(string Code, string DisplayName, bool? IsLimited) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>
/// Answers to the first GSS harmonised disability question (Government Statistical Service,
/// harmonised standard for health and disability).
/// </summary>
public static class LongTermConditionAnswers
{
    public const string Question =
        "Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?";

    public static LongTermConditionAnswer Yes { get; } = new("yes", "Yes", true);

    public static LongTermConditionAnswer No { get; } = new("no", "No", false);

    public static LongTermConditionAnswer PreferNotToSay { get; } = new("preferNotToSay", "Prefer not to say", null);

    public static IReadOnlyList<LongTermConditionAnswer> All { get; } = [Yes, No, PreferNotToSay];

    public static LongTermConditionAnswer? Find(string? code) => Catalogue.Find(All, code);
}

/// <summary>Answers to the second GSS harmonised disability question, asked only after "Yes" to the first.</summary>
public static class ActivityLimitations
{
    public const string Question =
        "Does your condition or illness reduce your ability to carry out day-to-day activities?";

    public static ActivityLimitation YesALot { get; } = new("yesALot", "Yes, a lot", true);

    public static ActivityLimitation YesALittle { get; } = new("yesALittle", "Yes, a little", true);

    public static ActivityLimitation NotAtAll { get; } = new("notAtAll", "Not at all", false);

    public static ActivityLimitation PreferNotToSay { get; } = new("preferNotToSay", "Prefer not to say", null);

    public static IReadOnlyList<ActivityLimitation> All { get; } = [YesALot, YesALittle, NotAtAll, PreferNotToSay];

    public static ActivityLimitation? Find(string? code) => Catalogue.Find(All, code);
}

/// <summary>
/// The GSS harmonised derivation of disability under the Equality Act 2010 definition: a
/// condition lasting or expected to last 12 months or more that reduces day-to-day activities a
/// lot or a little. Health data is special category data under UK GDPR; the platform records
/// why it processes it.
/// </summary>
public static class Disability
{
    /// <summary>
    /// True or false when the answers decide it; null when the person preferred not to say or
    /// the second question is unanswered, because unknown must not be counted as not disabled.
    /// </summary>
    public static bool? IsDisabledUnderEqualityAct(LongTermConditionAnswer condition, ActivityLimitation? limitation)
    {
        ArgumentNullException.ThrowIfNull(condition);

        return condition.HasCondition switch
        {
            false => false,
            null => null,
            true => limitation?.IsLimited,
        };
    }

    /// <summary>The same rule on stored codes; null when a code is unknown or the answer is not known.</summary>
    public static bool? IsDisabledUnderEqualityAct(string? conditionCode, string? limitationCode)
    {
        var condition = LongTermConditionAnswers.Find(conditionCode);
        return condition is null ? null : IsDisabledUnderEqualityAct(condition, ActivityLimitations.Find(limitationCode));
    }
}
