namespace ConnectingCommunities.Domain.Reference;

/// <summary>One National Living Wage uprating: from <paramref name="EffectiveFrom"/>, workers aged <paramref name="MinimumAge"/> or over are paid at least <paramref name="HourlyRate"/>.</summary>
/// <param name="EffectiveFrom">The first day the rate applies (1 April each year so far).</param>
/// <param name="MinimumAge">The youngest age the National Living Wage applies to from that day.</param>
/// <param name="HourlyRate">Pounds per hour.</param>
public sealed record NationalLivingWageRate(DateOnly EffectiveFrom, int MinimumAge, decimal HourlyRate);

/// <summary>
/// The National Living Wage (the UK statutory minimum for older workers, set by government on
/// the Low Pay Commission's advice, published on GOV.UK "National Minimum Wage and National
/// Living Wage rates"). Rates are effective-dated data, not constants, so a wage is always judged
/// against the rate in force on the day it was paid and a new April rate is one more row.
/// </summary>
/// <remarks>
/// The age threshold has fallen: 25 and over until 31 March 2021, 23 and over from 1 April 2021,
/// 21 and over from 1 April 2024. Younger workers have National Minimum Wage rates, not held here.
/// </remarks>
public sealed class NationalLivingWage
{
    /// <summary>The published rates from the National Living Wage's introduction in April 2016.</summary>
    public static IReadOnlyList<NationalLivingWageRate> PublishedRates { get; } =
    [
        new(new DateOnly(2016, 4, 1), 25, 7.20m),
        new(new DateOnly(2017, 4, 1), 25, 7.50m),
        new(new DateOnly(2018, 4, 1), 25, 7.83m),
        new(new DateOnly(2019, 4, 1), 25, 8.21m),
        new(new DateOnly(2020, 4, 1), 25, 8.72m),
        new(new DateOnly(2021, 4, 1), 23, 8.91m),
        new(new DateOnly(2022, 4, 1), 23, 9.50m),
        new(new DateOnly(2023, 4, 1), 23, 10.42m),
        new(new DateOnly(2024, 4, 1), 21, 11.44m),
        new(new DateOnly(2025, 4, 1), 21, 12.21m),
        new(new DateOnly(2026, 4, 1), 21, 12.71m),
    ];

    /// <summary>The schedule of <see cref="PublishedRates"/>.</summary>
    public static NationalLivingWage Published { get; } = new(PublishedRates);

    private readonly List<NationalLivingWageRate> newestFirst;

    /// <summary>A schedule of rates, e.g. the published ones plus an announced uprating.</summary>
    public NationalLivingWage(IEnumerable<NationalLivingWageRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        newestFirst = [.. rates.OrderByDescending(r => r.EffectiveFrom)];
        Rates = [.. newestFirst.AsEnumerable().Reverse()];
    }

    /// <summary>The rates, oldest first.</summary>
    public IReadOnlyList<NationalLivingWageRate> Rates { get; }

    /// <summary>The uprating in force on <paramref name="day"/>, whatever the worker's age; null before the first.</summary>
    public NationalLivingWageRate? RateInForceOn(DateOnly day) => newestFirst.FirstOrDefault(r => r.EffectiveFrom <= day);

    /// <summary>
    /// The hourly rate in force on <paramref name="day"/> for a worker of <paramref name="age"/>;
    /// null before the first rate or when the worker is below that day's age threshold.
    /// </summary>
    public decimal? RateOn(DateOnly day, int age) =>
        RateInForceOn(day) is { } rate && age >= rate.MinimumAge ? rate.HourlyRate : null;

    /// <summary>
    /// Whether hourly pay meets the National Living Wage on the day; null when the National
    /// Living Wage does not apply (before it began or below its age threshold).
    /// </summary>
    public bool? IsPaidAtLeast(decimal hourlyPay, DateOnly day, int age) => RateOn(day, age) is { } rate ? hourlyPay >= rate : null;
}
