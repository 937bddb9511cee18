using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>Reading the period a payment run pays up to: a month of the programme that has started.</summary>
public static class PaymentPeriods
{
    public const string Field = "period";

    /// <summary>"April 2021".</summary>
    public static string MonthName(ClaimPeriod period) => period.Start.ToString("MMMM yyyy", Formatting.EnGb);

    /// <summary>"April 2021" from "2021-04"; the text itself when it is not a period.</summary>
    public static string MonthName(string period) => ClaimPeriod.TryParse(period, out var p) ? MonthName(p) : period;

    /// <summary>
    /// The period, or a field error: missing, not "yyyy-MM", outside the programme's months (closed),
    /// or a month that has not started yet.
    /// </summary>
    public static ClaimPeriod? Read(string? text, ProgrammeRecord? programme, DateOnly today, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Field, "Enter the period to pay up to, as a year and month in the form yyyy-MM, like 2021-04");
            return null;
        }

        if (!ClaimPeriod.TryParse(text, out var period) || text.Trim().Length != 7)
        {
            errors.Add(Field, "Enter the period as a year and month in the form yyyy-MM, like 2021-04");
            return null;
        }

        if (programme is null)
        {
            errors.Add(Field, "Set up the programme before making payment runs");
            return null;
        }

        var first = ClaimPeriod.Of(programme.StartDate);
        var last = ClaimPeriod.Of(programme.EndDate);
        if (period.Start < first.Start || period.Start > last.Start)
        {
            errors.Add(Field,
                $"Payment runs for {period} are closed: the programme ran from {MonthName(first)} to {MonthName(last)}");
            return null;
        }

        if (period.Start > today)
        {
            errors.Add(Field, $"{MonthName(period)} has not started yet: enter this month or an earlier one");
            return null;
        }

        return period;
    }

    /// <summary>A period typed as a list filter: null when empty, an error when not "yyyy-MM".</summary>
    public static string? ReadFilter(string? text, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!ClaimPeriod.TryParse(text, out var period) || text.Trim().Length != 7)
        {
            errors.Add(Field, "Enter the period as a year and month in the form yyyy-MM, like 2021-04");
            return null;
        }

        return period.ToString();
    }
}
