namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>Checks shared by every handler, worded the GOV.UK way ("Enter the ...").</summary>
public static class Validation
{
    public static void RequiredText(string? value, string field, string label, int maxLength, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"Enter the {label}");
        }
        else
        {
            OptionalText(value, field, label, maxLength, errors);
        }
    }

    public static void OptionalText(string? value, string field, string label, int maxLength, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors.Add(field, $"The {label} must be {maxLength} characters or fewer");
        }
    }
}
