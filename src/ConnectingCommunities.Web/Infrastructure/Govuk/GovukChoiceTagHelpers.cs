using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ConnectingCommunities.Web.Infrastructure.Govuk;

/// <summary>One option of a select, radios or checkboxes.</summary>
public sealed record Choice(string Value, string Text, string? Hint = null);

/// <summary>&lt;govuk-select name="providerId" label="Provider" items="..." value="..." /&gt;</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    public IEnumerable<Choice> Items { get; set; } = [];

    public string? Value { get; set; }

    /// <summary>A first, empty option such as "Choose a provider".</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var selected = AttemptedValue(Value);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<select class=\"govuk-select{(ErrorMessage is null ? "" : " govuk-select--error")}\" id=\"{Id}\" name=\"{Encode(Name)}\"{DescribedBy}>");
        if (Placeholder is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"\">{Encode(Placeholder)}</option>");
        }

        foreach (var item in Items)
        {
            var isSelected = string.Equals(item.Value, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : "";
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{Encode(item.Value)}\"{isSelected}>{Encode(item.Text)}</option>");
        }

        html.Append("</select>");
        RenderGroup(output, LabelHtml(Id) + HintAndError() + html);
    }
}

/// <summary>Radios or checkboxes in a fieldset whose legend is the question.</summary>
public abstract class GovukChoicesTagHelper : GovukFieldTagHelper
{
    public IEnumerable<Choice> Items { get; set; } = [];

    /// <summary>Side-by-side for two short options such as Yes / No.</summary>
    public bool Inline { get; set; }

    protected abstract string Kind { get; }

    protected abstract bool IsChecked(string value);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder();
        var legendClass = LabelIsPageHeading ? "govuk-fieldset__legend govuk-fieldset__legend--l" : "govuk-fieldset__legend govuk-fieldset__legend--s";
        var legend = LabelIsPageHeading
            ? $"<legend class=\"{legendClass}\"><h1 class=\"govuk-fieldset__heading\">{Encode(Label)}</h1></legend>"
            : $"<legend class=\"{legendClass}\">{Encode(Label)}</legend>";
        html.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"govuk-fieldset\"{DescribedBy}>{legend}{HintAndError()}");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-{Kind}{(Inline ? $" govuk-{Kind}--inline" : "")}\" data-module=\"govuk-{Kind}\">");
        var index = 0;
        foreach (var item in Items)
        {
            // The first option carries the field's own id so that the error summary link lands on it.
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var type = Kind == "radios" ? "radio" : "checkbox";
            var hintId = item.Hint is null ? null : id + "-item-hint";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-{Kind}__item\">");
            html.Append(CultureInfo.InvariantCulture, $"<input class=\"govuk-{Kind}__input\" id=\"{id}\" name=\"{Encode(Name)}\" type=\"{type}\" value=\"{Encode(item.Value)}\"{(IsChecked(item.Value) ? " checked" : "")}{(hintId is null ? "" : $" aria-describedby=\"{hintId}\"")}>");
            html.Append(CultureInfo.InvariantCulture, $"<label class=\"govuk-label govuk-{Kind}__label\" for=\"{id}\">{Encode(item.Text)}</label>");
            if (hintId is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<div id=\"{hintId}\" class=\"govuk-hint govuk-{Kind}__hint\">{Encode(item.Hint)}</div>");
            }

            html.Append("</div>");
        }

        html.Append("</div></fieldset>");
        RenderGroup(output, html.ToString());
    }
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukChoicesTagHelper
{
    public string? Value { get; set; }

    protected override string Kind => "radios";

    protected override bool IsChecked(string value) =>
        string.Equals(AttemptedValue(Value), value, StringComparison.OrdinalIgnoreCase);
}

[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukChoicesTagHelper
{
    public IEnumerable<string> Values { get; set; } = [];

    protected override string Kind => "checkboxes";

    protected override bool IsChecked(string value)
    {
        var attempted = ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null
            ? entry.RawValue switch
            {
                string[] many => many,
                string one => [one],
                _ => [],
            }
            : Values;
        return attempted.Contains(value, StringComparer.OrdinalIgnoreCase);
    }
}
