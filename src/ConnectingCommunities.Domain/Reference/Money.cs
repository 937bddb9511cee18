using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ConnectingCommunities.Domain.Reference;

/// <summary>
/// Amounts of money in pounds and pence as <see cref="decimal"/>: shown the GOV.UK way
/// ("£1,053,000.00", "£889.00") and read from what people type ("£1,234.50", "1234.5").
/// </summary>
public static partial class Money
{
    /// <summary>The example used in error messages.</summary>
    public const string Example = "£1,234.50";

    // en-GB currency conventions written out rather than read from the machine's culture data,
    // so every server, container (even with invariant globalisation) and test run prints the same.
    private static readonly NumberFormatInfo BritishPounds = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        CurrencySymbol = "£",
        CurrencyDecimalDigits = 2,
        CurrencyDecimalSeparator = ".",
        CurrencyGroupSeparator = ",",
        CurrencyGroupSizes = [3],
        CurrencyPositivePattern = 0,
        CurrencyNegativePattern = 1,
        NegativeSign = "-",
    });

    /// <summary>
    /// "£1,053,000.00", "-£5.00": always with pence, as the programme's tables and claims show them.
    /// Amounts with fractions of a penny are rounded half away from zero.
    /// </summary>
    public static string Format(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("C2", BritishPounds);

    /// <summary>Reads an amount, or throws <see cref="FormatException"/> with the reason.</summary>
    public static decimal Parse(string input, bool allowNegative = false)
    {
        var check = Check(input, allowNegative);
        return check.IsValid ? check.Amount : throw new FormatException(check.Error);
    }

    /// <summary>Reads a non-negative amount typed with or without "£" and thousands commas.</summary>
    public static bool TryParse(string? input, out decimal amount)
    {
        var check = Check(input);
        amount = check.Amount;
        return check.IsValid;
    }

    /// <summary>
    /// Checks typed input and says what is wrong. Accepts "£1,234.50", "1234.5", "£ 12", ".5";
    /// commas must separate thousands; at most 2 decimal places (pence). The amount comes back
    /// with 2 decimal places (1234.5 becomes 1234.50).
    /// </summary>
    /// <param name="input">The text typed or imported.</param>
    /// <param name="allowNegative">Whether a minus sign is accepted, e.g. for adjustments and clawback.</param>
    public static MoneyCheck Check(string? input, bool allowNegative = false)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return MoneyCheck.Invalid("Enter an amount");
        }

        var (negative, number) = SplitSignAndSymbol(input.Trim());
        var match = Amount().Match(number);
        if (!match.Success || (!match.Groups["whole"].Success && !match.Groups["pence"].Success))
        {
            return MoneyCheck.Invalid($"Enter an amount in pounds and pence, like {Example}");
        }

        if (match.Groups["pence"].Value.Length > 2)
        {
            return MoneyCheck.Invalid($"Enter an amount with no more than 2 decimal places, like {Example}");
        }

        var digits = match.Groups["whole"].Value.Replace(",", string.Empty, StringComparison.Ordinal) + "." + match.Groups["pence"].Value;
        if (!decimal.TryParse(digits.TrimEnd('.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return MoneyCheck.Invalid("Enter a smaller amount");
        }

        // Adding 0.00 gives every amount two decimal places, so 1234.5 is stored and shown as 1234.50.
        amount = (negative ? -amount : amount) + 0.00m;
        if (amount < 0 && !allowNegative)
        {
            return MoneyCheck.Invalid("Enter an amount of £0.00 or more");
        }

        return MoneyCheck.Valid(amount);
    }

    /// <summary>Takes off a leading minus sign and pound sign in either order ("-£5", "£-5").</summary>
    private static (bool Negative, string Number) SplitSignAndSymbol(string text)
    {
        var negative = false;
        var pound = false;
        for (var pass = 0; pass < 2; pass++)
        {
            if (!negative && text.Length > 0 && text[0] is '-' or '\u2212')
            {
                negative = true;
                text = text[1..].TrimStart();
            }
            else if (!pound && text.StartsWith('£'))
            {
                pound = true;
                text = text[1..].TrimStart();
            }
        }

        return (negative, text);
    }

    // Whole pounds either plain ("1234") or grouped in thousands ("1,234"), then optional pence.
    [GeneratedRegex(@"^(?<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?<pence>\d+))?$")]
    private static partial Regex Amount();
}

/// <summary>The outcome of checking typed money: the amount, or an error message for the field.</summary>
public sealed record MoneyCheck
{
    private MoneyCheck(decimal amount, string? error)
    {
        Amount = amount;
        Error = error;
    }

    /// <summary>True when the text is an amount; <see cref="Error"/> is then null.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    /// <summary>The amount in pounds with 2 decimal places; 0 when not valid.</summary>
    public decimal Amount { get; }

    /// <summary>What is wrong, e.g. "Enter an amount"; null when valid.</summary>
    public string? Error { get; }

    internal static MoneyCheck Valid(decimal amount) => new(amount, null);

    internal static MoneyCheck Invalid(string error) => new(0m, error);
}
