using System.Globalization;

namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>Reads what people type into form fields, saying exactly what is wrong when it cannot.</summary>
public static class FormParsing
{
    public static decimal? Money(string? text, string field, string label, FieldErrors errors, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var cleaned = text?.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(cleaned))
        {
            if (required)
            {
                errors.Add(field, $"Enter the {label.ToLowerInvariant()}");
            }

            return null;
        }

        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(field, $"The {label.ToLowerInvariant()} must be an amount in pounds, like 1053000 or 889.50");
            return null;
        }

        return amount;
    }

    public static int? WholeNumber(string? text, string field, string label, FieldErrors errors, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var cleaned = text?.Trim().Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(cleaned))
        {
            if (required)
            {
                errors.Add(field, $"Enter the {label.ToLowerInvariant()}");
            }

            return null;
        }

        if (!int.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(field, $"The {label.ToLowerInvariant()} must be a whole number, like 120");
            return null;
        }

        return value;
    }

    public static bool? YesNo(string? text, string field, string question, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        switch (text?.Trim().ToLowerInvariant())
        {
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                errors.Add(field, $"Select yes if {question}");
                return null;
        }
    }

    /// <summary>Amounts in pounds and pence: no more than two decimal places.</summary>
    public static bool HasAtMostPence(decimal amount) => decimal.Round(amount, 2) == amount;
}
