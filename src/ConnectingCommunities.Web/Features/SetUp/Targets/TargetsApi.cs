using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.SetUp.Tariffs;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConnectingCommunities.Web.Features.SetUp.Targets;

public static class TargetsApi
{
    public static void MapTargetsApi(this RouteGroupBuilder api)
    {
        var targets = api.MapGroup("/targets").WithTags("Targets").RequireAuthorization(Policies.SetUp);

        targets.MapGet("/", ListAsync)
            .WithSummary("Targets by lot, milestone and quarter: ?lot=WH for one lot, ?milestone=JobOutcome for one milestone, "
                + "?version=current (the default: the profile in force today, with cumulative totals) or ?version=all (every version)");

        targets.MapGet("/{id:guid}", async (Guid id, TargetHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } target ? Results.Ok(target) : ApiResults.NotFound())
            .WithSummary("One target");

        targets.MapPost("/", async (TargetInput input, TargetHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToApi(t => TypedResults.Created($"/api/v1/targets/{t.Id}", t)))
            .WithSummary("Add a target for a lot, milestone and quarter, agreed from a date; a later date supersedes the earlier version");

        targets.MapPut("/{id:guid}", async (Guid id, TargetInput input, TargetHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Change a target's count, effective date or reason; send the version you read to detect conflicting edits");
    }

    private static async Task<Results<Ok<PagedList<TargetView>>, ValidationProblem>> ListAsync(
        string? lot, string? milestone, string? version, int? page, int? pageSize, TargetHandler handler, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var milestoneFilter = ProgrammeChoices.ReadFilter<Milestone>(milestone, "milestone", errors);
        var allVersions = ReadAllVersions(version, errors);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors);
        }

        var result = await handler.ListAsync(new TargetQuery(lot, milestoneFilter, allVersions), ct);
        if (!result.Succeeded)
        {
            return ApiResults.Invalid(result.Errors!);
        }

        return TypedResults.Ok(result.Value!.ToPage(page, pageSize));
    }

    /// <summary>?version=current (or none) lists the current profile; ?version=all lists every version.</summary>
    private static bool ReadAllVersions(string? version, FieldErrors errors)
    {
        var text = version?.Trim() ?? "";
        if (text.Length == 0 || text.Equals("current", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        errors.Add("version", "Must be current or all.");
        return false;
    }
}
