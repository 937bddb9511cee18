using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>
/// The commissioner's audit sampling settings: the share of lines picked at random, the amount
/// above which every line is picked, and the providers all of whose lines are picked. They apply
/// to claims submitted after the change; each change is audited with its reason.
/// </summary>
public sealed class SamplingHandler(CcDbContext db, CurrentUser user)
{
    public const decimal MaxAllAbove = 1_000_000m;
    public const int MaxReasonLength = 500;

    public async Task<SamplingView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var programme = await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return null;
        }

        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new SamplingProvider(p.Id, p.Name, p.FlaggedForAudit))
            .ToListAsync(cancellationToken);
        return new SamplingView(
            programme.AuditSamplePercentage,
            programme.AuditAllAboveAmount,
            [.. providers.Where(p => p.FlaggedForAudit).Select(p => p.Name)],
            providers,
            programme.Version);
    }

    public async Task<ClaimResult<SamplingView>> UpdateAsync(SamplingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var programme = await db.Programmes.OrderBy(p => p.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return ClaimResult<SamplingView>.NotFound();
        }

        var errors = new FieldErrors();
        if (input.Percentage is not { } percentage)
        {
            errors.Add("percentage", "Enter the percentage of lines to pick at random, from 0 to 100");
        }
        else if (percentage is < 0m or > 100m)
        {
            errors.Add("percentage", "The percentage must be from 0 to 100");
        }
        else if (!FormParsing.HasAtMostPence(percentage))
        {
            errors.Add("percentage", "The percentage can have at most 2 decimal places, like 12.5");
        }

        if (input.AllAboveAmount is { } above)
        {
            if (above is < 0m or > MaxAllAbove)
            {
                errors.Add("allAboveAmount", $"The amount must be from £0 to {Formatting.Money(MaxAllAbove)}, or left out to pick no lines by value");
            }
            else if (!FormParsing.HasAtMostPence(above))
            {
                errors.Add("allAboveAmount", "The amount must be in pounds and pence, like 1000 or 999.99");
            }
        }

        var providers = await db.Providers.ToListAsync(cancellationToken);
        var flagged = new HashSet<Guid>();
        foreach (var given in input.FlaggedProviders ?? [])
        {
            var match = providers.FirstOrDefault(p => Guid.TryParse(given, out var id) ? p.Id == id : string.Equals(p.Name, given?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                errors.Add("flaggedProviders", $"There is no provider called \"{Shorten(given)}\": use a provider's name or id");
            }
            else
            {
                flagged.Add(match.Id);
            }
        }

        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);
        if (errors.Any)
        {
            return ClaimResult<SamplingView>.Invalid(errors);
        }

        if (input.Version is { } version && version != programme.Version)
        {
            return ClaimResult<SamplingView>.Conflict("Someone else changed the sampling settings after you opened them. Reload them and make your change again.");
        }

        programme.AuditSamplePercentage = input.Percentage!.Value;
        programme.AuditAllAboveAmount = input.AllAboveAmount;
        foreach (var provider in providers)
        {
            provider.FlaggedForAudit = flagged.Contains(provider.Id);
        }

        user.Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return ClaimResult<SamplingView>.Conflict("Someone else changed the sampling settings at the same time. Reload them and make your change again.");
        }

        return ClaimResult<SamplingView>.Ok((await GetAsync(cancellationToken))!);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 60 ? text[..60] : text.Trim();
}
