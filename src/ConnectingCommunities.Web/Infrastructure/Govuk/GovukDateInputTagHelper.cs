using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ConnectingCommunities.Web.Infrastructure.Govuk;

/// <summary>A day, month and year typed into three fields, bound to <see cref="DateParts"/>.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(Formatting.EnGb), Month = d.Month.ToString(Formatting.EnGb), Year = d.Year.ToString(Formatting.EnGb) }
        : new DateParts();

    /// <summary>Reads the date, or says what is wrong in the GOV.UK pattern's words.</summary>
    public DateOnly? Read(string field, string label, FieldErrors errors, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (IsEmpty)
        {
            if (required)
            {
                errors.Add(field, $"Enter the {label.ToLowerInvariant()}");
            }

            return null;
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day))
        {
            missing.Add("day");
        }

        if (string.IsNullOrWhiteSpace(Month))
        {
            missing.Add("month");
        }

        if (string.IsNullOrWhiteSpace(Year))
        {
            missing.Add("year");
        }

        if (missing.Count > 0)
        {
            errors.Add(field, $"The {label.ToLowerInvariant()} must include a {string.Join(" and ", missing)}");
            return null;
        }

        if (!int.TryParse(Day, out var day) || !int.TryParse(Month, out var month) || !int.TryParse(Year, out var year)
            || year < 1900 || year > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            errors.Add(field, $"The {label.ToLowerInvariant()} must be a real date, for example 1 4 2020");
            return null;
        }

        return new DateOnly(year, month, day);
    }
}

/// <summary>&lt;govuk-date-input name="startDate" label="Start date" value="@Model.Form.StartDate" /&gt;</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukFieldTagHelper
{
    public DateParts? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var legend = LabelIsPageHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{Encode(Label)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Label)}</legend>";
        var error = ErrorMessage is null ? "" : " govuk-input--error";
        string Part(string part, string text, int width, string? current, bool first)
        {
            var key = $"{Name}.{part}";
            var attempted = ViewContext.ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : current;
            // The day field takes the date's own id, so the error summary's link focuses it.
            var id = first ? Id : $"{Id}-{part.ToLowerInvariant()}";
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
                + $"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{text}</label>"
                + $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{error}\" id=\"{id}\" name=\"{Encode(key)}\" type=\"text\" inputmode=\"numeric\" value=\"{Encode(attempted)}\"></div></div>";
        }

        var html = $"<fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy}>{legend}{HintAndError()}"
            + $"<div class=\"govuk-date-input\" id=\"{Id}-parts\">"
            + Part("Day", "Day", 2, Value?.Day, true)
            + Part("Month", "Month", 2, Value?.Month, false)
            + Part("Year", "Year", 4, Value?.Year, false)
            + "</div></fieldset>";
        RenderGroup(output, html);
    }
}
