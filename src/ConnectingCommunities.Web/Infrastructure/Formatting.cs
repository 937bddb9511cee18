using System.Globalization;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>GOV.UK style: "1 March 2021", "£889.00", whatever the server's culture.</summary>
public static class Formatting
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Date(DateOnly? date, string none = "Not set") => date is { } d ? Date(d) : none;

    public static string DateTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London);
        return local.ToString("d MMMM yyyy 'at' h:mmtt", EnGb).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
    }

    public static string Money(decimal amount) => amount.ToString("C2", EnGb);

    public static string Number(int value) => value.ToString("N0", EnGb);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DateInLondon(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    public static DateOnly TodayInLondon(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);
    }
}
