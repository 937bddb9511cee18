using System.Globalization;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

public sealed class ReassignForm
{
    public List<string> ParticipantIds { get; set; } = [];

    /// <summary>"selected" (the ticked participants) or "all" (every participant the advisor holds).</summary>
    public string? Scope { get; set; }
    public string? AdvisorId { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// A provider manager moves participants from one advisor (or from nobody) to another advisor of
/// the lot: ticked ones, all of them, or one person reached from their record (?participantId=).
/// </summary>
[Authorize(Policy = Policies.CaseloadManagement)]
public sealed class ReassignModel(ReassignHandler handler) : PageModel
{
    public const string Unassigned = "unassigned";
    public const string All = "all";
    public const int PageSize = 100;

    [BindProperty]
    public ReassignForm Form { get; set; } = new();

    /// <summary>Whose participants are listed: an advisor's id or "unassigned".</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Set when reassigning one participant from their record.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ParticipantId { get; set; }

    public IReadOnlyList<AdvisorCaseload> Caseloads { get; private set; } = [];

    /// <summary>The advisor (or "not assigned") whose participants are listed, when one is chosen.</summary>
    public AdvisorCaseload? Holder { get; private set; }

    public CaseloadRow? OnePerson { get; private set; }

    public PagedList<CaseloadRow> Participants { get; private set; } = new([], 0, 1, PageSize);

    public Pagination? Pagination { get; private set; }

    public IReadOnlyList<Choice> FromChoices { get; private set; } = [];

    public IReadOnlyList<Choice> AdvisorChoices { get; private set; } = [];

    public IReadOnlyList<Choice> ScopeChoices { get; private set; } = [];

    public IReadOnlySet<string> Ticked { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(PageNumber(pageNumber), cancellationToken))
        {
            return NotFound();
        }

        if (OnePerson is not null)
        {
            Ticked = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { OnePerson.Id.ToString() };
        }

        Form.Scope = "selected";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> ids;
        if (Form.Scope == All && ParticipantId is null && TryReadFrom(out var fromAdvisor))
        {
            ids = await handler.ParticipantIdsAsync(fromAdvisor, cancellationToken);
        }
        else
        {
            // A value that is not an id cannot be a participant: it is reported as not found.
            ids = Form.ParticipantIds.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToList();
        }

        var parsing = new FieldErrors();
        Guid? advisorId = Guid.TryParse(Form.AdvisorId, out var chosen) ? chosen : null;
        if (advisorId is null && !string.IsNullOrWhiteSpace(Form.AdvisorId))
        {
            // The handler asks for an advisor when none is sent; a value that is not an id is simply not one of theirs.
            parsing.Add("advisorId", "Select an active advisor of the participants' lot");
        }

        var result = await handler.ReassignAsync(new ReassignInput { ParticipantIds = ids, AdvisorId = advisorId, Reason = Form.Reason }, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(parsing, result);
            if (!await LoadAsync(PageNumber(pageNumber), cancellationToken))
            {
                return NotFound();
            }

            Ticked = Form.ParticipantIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return Page();
        }

        var moved = result.Value!;
        TempData["Success"] = $"{Formatting.Number(moved.Reassigned)} {(moved.Reassigned == 1 ? "participant" : "participants")} reassigned to {moved.AdvisorName}";
        return Redirect(ParticipantId is { } one
            ? $"/participants/{one}"
            : $"/caseload/reassign?from={Uri.EscapeDataString(From ?? Unassigned)}");
    }

    public static string Key(AdvisorCaseload caseload)
    {
        ArgumentNullException.ThrowIfNull(caseload);
        return caseload.AdvisorId?.ToString() ?? Unassigned;
    }

    public static string Plural(int count, string one, string many) =>
        $"{Formatting.Number(count)} {(count == 1 ? one : many)}";

    private async Task<bool> LoadAsync(int page, CancellationToken cancellationToken)
    {
        Caseloads = await handler.CaseloadsAsync(cancellationToken);
        if (ParticipantId is { } participantId)
        {
            OnePerson = await handler.FindAsync(participantId, cancellationToken);
            if (OnePerson is null)
            {
                return false;
            }

            From = OnePerson.AdvisorId?.ToString() ?? Unassigned;
        }

        Holder = Caseloads.FirstOrDefault(c => string.Equals(Key(c), From, StringComparison.OrdinalIgnoreCase));
        if (Holder is not null && OnePerson is null)
        {
            Participants = await handler.ParticipantsAsync(Holder.AdvisorId, page, PageSize, cancellationToken);
            Pagination = new Pagination(Participants.Page, PageSize, Participants.Total, "/caseload/reassign", new Dictionary<string, string?> { ["from"] = Key(Holder) });
            ScopeChoices =
            [
                new("selected", "Only the participants I select below"),
                new(All, $"All {Plural(Holder.Participants, "participant", "participants")} of {HolderName}", "Including any on other pages and those who have left the programme"),
            ];
        }

        FromChoices = Caseloads.Where(c => c.Participants > 0)
            .Select(c => new Choice(Key(c), $"{Describe(c)}: {c.ActiveParticipants} active, {c.LeftParticipants} left"))
            .ToList();
        AdvisorChoices = Caseloads.Where(c => c.CanTakeParticipants && c.AdvisorId is not null && c.AdvisorId != Holder?.AdvisorId)
            .Select(c => new Choice(c.AdvisorId!.Value.ToString(), $"{Describe(c)}: {Plural(c.ActiveParticipants, "active participant", "active participants")}"))
            .ToList();
        return true;
    }

    public string HolderName => Holder is null ? "" : Holder.AdvisorId is null ? "no advisor" : Holder.Name;

    private static string Describe(AdvisorCaseload c)
    {
        if (c.AdvisorId is null)
        {
            return c.Name;
        }

        var lots = c.Lots.Count > 0 ? $" ({string.Join(", ", c.Lots)})" : "";
        return c.Name + lots + (c.IsActive ? "" : " – no longer active");
    }

    private bool TryReadFrom(out Guid? advisorId)
    {
        advisorId = null;
        if (string.Equals(From, Unassigned, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Guid.TryParse(From, out var id))
        {
            advisorId = id;
            return true;
        }

        return false;
    }

    private static int PageNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;
}
