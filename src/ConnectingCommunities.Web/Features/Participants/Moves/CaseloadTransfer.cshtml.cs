using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

public sealed class CaseloadTransferForm
{
    public string? FromContractId { get; set; }
    public string? ToContractId { get; set; }
    public DateParts TransferredOn { get; set; } = new();
    public string? Reason { get; set; }
}

/// <summary>A commissioner moves a lot's caseload to the contract of the provider taking over.</summary>
[Authorize(Policy = Policies.SetUp)]
public sealed class CaseloadTransferModel(CaseloadTransferHandler handler) : PageModel
{
    [BindProperty]
    public CaseloadTransferForm Form { get; set; } = new();

    public LotCaseload Caseload { get; private set; } = null!;

    public IReadOnlyList<Choice> FromChoices { get; private set; } = [];

    public IReadOnlyList<Choice> ToChoices { get; private set; } = [];

    public string LotPath => $"/setup/lots/{Caseload.LotCode.ToLowerInvariant()}";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var parsing = new FieldErrors();
        var input = new CaseloadTransferInput
        {
            FromContractId = ReadId(Form.FromContractId, "fromContractId", parsing),
            ToContractId = ReadId(Form.ToContractId, "toContractId", parsing),
            TransferredOn = Form.TransferredOn.Read("transferredOn", "transfer date", parsing),
            Reason = Form.Reason,
        };
        var result = await handler.TransferAsync(code, input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (parsing.Any || !result.Succeeded)
        {
            ModelState.AddResult(parsing, result);
            return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
        }

        var moved = result.Value!;
        TempData["Success"] = $"{ReassignModel.Plural(moved.Transferred, "participant", "participants")} transferred from {moved.FromContract} to {moved.ToContract}";
        return Redirect($"/setup/lots/{code.ToLowerInvariant()}/caseload-transfer");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.CaseloadAsync(code, cancellationToken) is not { } caseload)
        {
            return false;
        }

        Caseload = caseload;
        FromChoices = caseload.Contracts
            .Select(c => new Choice(c.Id.ToString(), $"{c.Reference}: {c.Provider}", $"{CaseloadTransferHandler.Period(c)}. {ReassignModel.Plural(c.ActiveParticipants, "active participant", "active participants")}, {Formatting.Number(c.LeftParticipants)} who left"))
            .ToList();
        ToChoices = caseload.Contracts
            .Select(c => new Choice(c.Id.ToString(), $"{c.Reference}: {c.Provider}", CaseloadTransferHandler.Period(c)))
            .ToList();
        return true;
    }

    /// <summary>Only a tampered form sends something other than an id: it is answered as an unknown contract.</summary>
    private static Guid? ReadId(string? value, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors.Add(field, "Select one of the lot's contracts");
        return Guid.Empty;
    }
}
