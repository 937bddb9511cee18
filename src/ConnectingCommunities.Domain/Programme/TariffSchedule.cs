namespace ConnectingCommunities.Domain.Programme;

/// <summary>One effective-dated payment rate for a milestone and cohort.</summary>
public sealed record TariffRate(Milestone Milestone, Cohort Cohort, DateOnly EffectiveFrom, decimal Amount);

/// <summary>
/// The payment for a milestone is the rate for the participant's cohort that was in force on
/// the day the milestone was achieved: a contract variation changes rates from a date and never
/// re-prices what was achieved before it.
/// </summary>
public sealed class TariffSchedule(IEnumerable<TariffRate> rates)
{
    private readonly IReadOnlyList<TariffRate> rates = rates.OrderByDescending(r => r.EffectiveFrom).ToList();

    /// <summary>The rate in force on <paramref name="day"/>, or null if the milestone does not pay for that cohort then.</summary>
    public TariffRate? RateOn(Milestone milestone, Cohort cohort, DateOnly day) =>
        rates.FirstOrDefault(r => r.Milestone == milestone && r.Cohort == cohort && r.EffectiveFrom <= day);

    public decimal AmountOn(Milestone milestone, Cohort cohort, DateOnly day) =>
        RateOn(milestone, cohort, day)?.Amount ?? 0m;
}
