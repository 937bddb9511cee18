using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Lots;

public sealed class LotForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? LocalAuthority { get; set; }
    public string? Group { get; set; }
    public string? LeadOrganisationType { get; set; }
    public string? Value { get; set; }
    public string? ConstituentMember { get; set; }
    public string? WorkingAgePopulation { get; set; }
    public int? Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class EditModel(LotHandler handler) : PageModel
{
    [BindProperty]
    public LotForm Form { get; set; } = new();

    public string? Code { get; private set; }

    public bool IsNew => Code is null;

    public IReadOnlyList<Choice> Groups { get; private set; } = [];

    public IReadOnlyList<Choice> YesNo { get; } = [new("true", "Yes"), new("false", "No")];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        await LoadGroupsAsync(cancellationToken);
        if (IsNewRoute(code))
        {
            return Page();
        }

        if (await handler.FindAsync(code!, cancellationToken) is not { } lot)
        {
            return NotFound();
        }

        Code = lot.Code;
        Form = new LotForm
        {
            Code = lot.Code,
            Name = lot.Name,
            LocalAuthority = lot.LocalAuthority,
            Group = lot.Group,
            LeadOrganisationType = lot.LeadOrganisationType,
            Value = lot.Value.ToString("0.00", Formatting.EnGb),
            ConstituentMember = lot.ConstituentMember ? "true" : "false",
            WorkingAgePopulation = lot.WorkingAgePopulation?.ToString(Formatting.EnGb),
            Version = lot.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var input = new LotInput
        {
            Code = Form.Code,
            Name = Form.Name,
            LocalAuthority = Form.LocalAuthority,
            Group = Form.Group,
            LeadOrganisationType = Form.LeadOrganisationType,
            Value = FormParsing.Money(Form.Value, "value", "lot value", errors),
            ConstituentMember = string.IsNullOrEmpty(Form.ConstituentMember) ? null : Form.ConstituentMember == "true",
            WorkingAgePopulation = FormParsing.WholeNumber(Form.WorkingAgePopulation, "workingAgePopulation", "working-age population", errors, required: false),
            Version = Form.Version,
            Reason = Form.Reason,
        };

        var result = IsNewRoute(code)
            ? await handler.CreateAsync(input, cancellationToken)
            : await handler.UpdateAsync(code!, input, cancellationToken);
        Code = IsNewRoute(code) ? null : code;
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            await LoadGroupsAsync(cancellationToken);
            return Page();
        }

        TempData["Success"] = $"{result.Value!.Name} saved";
        return Redirect($"/setup/lots/{result.Value.Code.ToLowerInvariant()}");
    }

    /// <summary>"/setup/lots/new" reaches this page without a code.</summary>
    private static bool IsNewRoute(string? code) => string.IsNullOrEmpty(code);

    private async Task LoadGroupsAsync(CancellationToken cancellationToken) =>
        Groups = (await handler.GroupNamesAsync(cancellationToken)).Select(g => new Choice(g, g)).ToList();
}
