namespace ConnectingCommunities.Data.Demo;

/// <summary>The stages of delivery the documents describe: before Covid-19, the lockdowns, and hybrid delivery after.</summary>
internal enum DeliveryPeriod
{
    BeforeCovid,
    FirstLockdown,
    Easing,
    WinterLockdown,
    Hybrid,
}

/// <summary>Dates that shaped the programme's delivery, and UK clock time for recorded instants.</summary>
internal static class DemoCalendar
{
    /// <summary>Support moved to the telephone and online from March 2020, ahead of the first lockdown of 23 March.</summary>
    public static readonly DateOnly CovidStart = new(2020, 3, 16);

    private static readonly DateOnly FirstLockdownEnd = new(2020, 6, 30);
    private static readonly DateOnly WinterLockdownStart = new(2021, 1, 4);
    private static readonly DateOnly WinterLockdownEnd = new(2021, 4, 11);

    public static DeliveryPeriod PeriodOf(DateOnly day) =>
        day < CovidStart ? DeliveryPeriod.BeforeCovid
        : day <= FirstLockdownEnd ? DeliveryPeriod.FirstLockdown
        : day < WinterLockdownStart ? DeliveryPeriod.Easing
        : day <= WinterLockdownEnd ? DeliveryPeriod.WinterLockdown
        : DeliveryPeriod.Hybrid;

    public static bool IsPandemic(DateOnly day) => PeriodOf(day) is DeliveryPeriod.FirstLockdown or DeliveryPeriod.Easing or DeliveryPeriod.WinterLockdown;

    /// <summary>
    /// The instant of a local time on a day in the UK, in UTC: British Summer Time runs from 01:00 UTC
    /// on the last Sunday of March to 01:00 UTC on the last Sunday of October. Working hours never
    /// fall in the changeover hour, so the day decides the offset.
    /// </summary>
    public static DateTimeOffset UkTimeToUtc(DateOnly day, int minutesAfterMidnight)
    {
        var summer = day >= LastSunday(day.Year, 3) && day < LastSunday(day.Year, 10);
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutesAfterMidnight);
        return new DateTimeOffset(summer ? local.AddHours(-1) : local, TimeSpan.Zero);
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
