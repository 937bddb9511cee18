using ConnectingCommunities.Web.Features.SetUp.Lots;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Contracts;

public sealed class ContractForm
{
    public string? Lot { get; set; }
    public string? ProviderId { get; set; }
    public string? Reference { get; set; }
    public DateParts StartDate { get; set; } = new();
    public DateParts EndDate { get; set; } = new();
    public string? Notes { get; set; }
    public int? Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class VariationForm
{
    public DateParts EffectiveFrom { get; set; } = new();
    public string? Title { get; set; }
    public string? Description { get; set; }
}

public sealed class EditModel(ContractHandler contracts, LotHandler lots, Providers.ProviderHandler providers) : PageModel
{
    [BindProperty]
    public ContractForm Form { get; set; } = new();

    [BindProperty]
    public VariationForm Variation { get; set; } = new();

    public Guid? Id { get; private set; }

    public bool IsNew => Id is null;

    public string? LotCode { get; private set; }

    public IReadOnlyList<Choice> Lots { get; private set; } = [];

    public IReadOnlyList<Choice> Providers { get; private set; } = [];

    public IReadOnlyList<VariationView> Variations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, string? lot, CancellationToken cancellationToken)
    {
        if (id is { } contractId)
        {
            if (await contracts.FindAsync(contractId, cancellationToken) is not { } contract)
            {
                return NotFound();
            }

            Show(contract);
        }
        else
        {
            Form.Lot = lot?.ToUpperInvariant();
            LotCode = Form.Lot;
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var input = new ContractInput
        {
            Lot = Form.Lot,
            ProviderId = Guid.TryParse(Form.ProviderId, out var providerId) ? providerId : null,
            Reference = Form.Reference,
            StartDate = Form.StartDate.Read("startDate", "start date", errors),
            EndDate = Form.EndDate.Read("endDate", "end date", errors, required: false),
            Notes = Form.Notes,
            Version = Form.Version,
            Reason = Form.Reason,
        };
        var result = id is { } contractId
            ? await contracts.UpdateAsync(contractId, input, cancellationToken)
            : await contracts.CreateAsync(input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            Id = id;
            LotCode = Form.Lot;
            ModelState.AddResult(errors, result);
            await LoadChoicesAsync(cancellationToken);
            if (id is { } existing && await contracts.FindAsync(existing, cancellationToken) is { } current)
            {
                Variations = current.Variations;
            }

            return Page();
        }

        TempData["Success"] = $"Contract {result.Value!.Reference} saved";
        return Redirect($"/setup/lots/{result.Value.Lot.ToLowerInvariant()}");
    }

    public async Task<IActionResult> OnPostVariationAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var input = new VariationInput
        {
            EffectiveFrom = Variation.EffectiveFrom.Read("effectiveFrom", "date the variation takes effect", errors),
            Title = Variation.Title,
            Description = Variation.Description,
        };
        var result = await contracts.AddVariationAsync(id, input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            Show((await contracts.FindAsync(id, cancellationToken))!);
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        TempData["Success"] = $"Variation added to contract {result.Value!.Reference}";
        return Redirect($"/setup/contracts/{id}");
    }

    private void Show(ContractView contract)
    {
        Id = contract.Id;
        LotCode = contract.Lot;
        Variations = contract.Variations;
        Form = new ContractForm
        {
            Lot = contract.Lot,
            ProviderId = contract.ProviderId.ToString(),
            Reference = contract.Reference,
            StartDate = DateParts.From(contract.StartDate),
            EndDate = DateParts.From(contract.EndDate),
            Notes = contract.Notes,
            Version = contract.Version,
        };
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Lots = (await lots.ListAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})")).ToList();
        Providers = (await providers.ListAsync(cancellationToken)).Select(p => new Choice(p.Id.ToString(), p.Name)).ToList();
    }
}
