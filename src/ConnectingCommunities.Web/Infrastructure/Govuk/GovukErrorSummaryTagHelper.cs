using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ConnectingCommunities.Web.Infrastructure.Govuk;

/// <summary>
/// The GOV.UK error summary, listing every ModelState error with a link to its field. Errors
/// not tied to a field (key "") are listed without a link.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var errors = ViewContext.ModelState
            .Where(e => e.Value?.Errors.Count > 0 && !e.Key.Contains('.', StringComparison.Ordinal))
            .SelectMany(e => e.Value!.Errors.Take(1).Select(err => (e.Key, err.ErrorMessage)))
            .OrderBy(e => ViewContext.ModelState.ErrorPosition(e.Key))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var list = new StringBuilder();
        foreach (var (key, message) in errors)
        {
            var text = HtmlEncoder.Default.Encode(message);
            list.Append(key.Length == 0
                ? $"<li>{text}</li>"
                : $"<li><a href=\"#{HtmlEncoder.Default.Encode(FieldId(key))}\">{text}</a></li>");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
            + $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{list}</ul></div></div>");
    }

    /// <summary>
    /// ModelState keeps the binder's casing ("Value") while fields are named in camelCase ("value"),
    /// as in the API; the link must match the field's id.
    /// </summary>
    private static string FieldId(string key) => (char.ToLowerInvariant(key[0]) + key[1..]).Replace('.', '-');
}
