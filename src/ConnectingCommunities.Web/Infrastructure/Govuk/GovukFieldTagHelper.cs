using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ConnectingCommunities.Web.Infrastructure.Govuk;

/// <summary>
/// Shared plumbing for GOV.UK Design System form fields: the form group, label, hint and error
/// message, with the error and the attempted value read from ModelState by the field's name.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The field's name: the form name, the element id and the ModelState key.</summary>
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>Render the label as the page heading (one question per page).</summary>
    public bool LabelIsPageHeading { get; set; }

    protected static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    protected string Id => Name.Replace('.', '-');

    protected string? ErrorMessage =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    /// <summary>What the user typed last time, so a refused form shows their input, not the stored value.</summary>
    protected string? AttemptedValue(string? current) =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : current;

    protected string DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Hint is not null)
            {
                ids.Add(Id + "-hint");
            }

            if (ErrorMessage is not null)
            {
                ids.Add(Id + "-error");
            }

            return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
        }
    }

    protected string LabelHtml(string forId)
    {
        var label = $"<label class=\"govuk-label{(LabelIsPageHeading ? " govuk-label--l" : "")}\" for=\"{forId}\">{Encode(Label)}</label>";
        return LabelIsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string HintAndError()
    {
        var html = new StringBuilder();
        if (Hint is not null)
        {
            html.Append(CultureInvariant($"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>"));
        }

        if (ErrorMessage is { } error)
        {
            html.Append(CultureInvariant($"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(error)}</p>"));
        }

        return html.ToString();
    }

    protected void RenderGroup(TagHelperOutput output, string inner)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", ErrorMessage is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
