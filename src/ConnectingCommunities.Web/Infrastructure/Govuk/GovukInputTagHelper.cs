using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ConnectingCommunities.Web.Infrastructure.Govuk;

/// <summary>&lt;govuk-input name="value" label="Lot value" prefix="£" width="10" /&gt;</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    public string? Value { get; set; }

    public string Type { get; set; } = "text";

    /// <summary>GOV.UK fixed widths: 2, 3, 4, 5, 10, 20, 30; none means full width.</summary>
    public int? Width { get; set; }

    public string? Prefix { get; set; }

    public string? Suffix { get; set; }

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = "govuk-input"
            + (Width is { } w ? $" govuk-input--width-{w}" : "")
            + (ErrorMessage is null ? "" : " govuk-input--error");
        var attributes = (Autocomplete is null ? "" : $" autocomplete=\"{Encode(Autocomplete)}\"")
            + (Inputmode is null ? "" : $" inputmode=\"{Encode(Inputmode)}\"")
            + (Spellcheck ? "" : " spellcheck=\"false\"");
        var input = $"<input class=\"{classes}\" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"{Encode(Type)}\" value=\"{Encode(AttemptedValue(Value))}\"{attributes}{DescribedBy}>";
        if (Prefix is not null || Suffix is not null)
        {
            input = "<div class=\"govuk-input__wrapper\">"
                + (Prefix is null ? "" : $"<div class=\"govuk-input__prefix\" aria-hidden=\"true\">{Encode(Prefix)}</div>")
                + input
                + (Suffix is null ? "" : $"<div class=\"govuk-input__suffix\" aria-hidden=\"true\">{Encode(Suffix)}</div>")
                + "</div>";
        }

        RenderGroup(output, LabelHtml(Id) + HintAndError() + input);
    }
}

/// <summary>&lt;govuk-textarea name="notes" label="Notes" /&gt;</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public string? Value { get; set; }

    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = "govuk-textarea" + (ErrorMessage is null ? "" : " govuk-textarea--error");
        var textarea = $"<textarea class=\"{classes}\" id=\"{Id}\" name=\"{Encode(Name)}\" rows=\"{Rows}\"{DescribedBy}>{Encode(AttemptedValue(Value))}</textarea>";
        RenderGroup(output, LabelHtml(Id) + HintAndError() + textarea);
    }
}
