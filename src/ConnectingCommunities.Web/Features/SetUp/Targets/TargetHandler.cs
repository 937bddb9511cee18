using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.SetUp.Targets;

/// <summary>
/// One target: how many of a milestone a lot should achieve in a quarter, as agreed from a date.
/// <see cref="Cumulative"/> is the running total of the current profile to this quarter, and is
/// given only for targets in the current profile.
/// </summary>
public sealed record TargetView(
    Guid Id,
    string Lot,
    Milestone Milestone,
    string Quarter,
    DateOnly QuarterStart,
    int Count,
    int? Cumulative,
    DateOnly EffectiveFrom,
    string? Reason,
    bool IsDemo,
    int Version);

/// <summary>Which targets to list: for one lot or all, one milestone or all, the current profile or every version.</summary>
public sealed record TargetQuery(string? Lot = null, Milestone? Milestone = null, bool AllVersions = false);

/// <summary>A target of the current profile and the earlier version it replaced, if any (a contract variation).</summary>
public sealed record ProfileEntry(TargetView Target, TargetView? Superseded);

/// <summary>A lot's targets: the current profile, and every other version (superseded, or agreed for a later date).</summary>
public sealed record TargetProfile(string Lot, string LotName, IReadOnlyList<ProfileEntry> Current, IReadOnlyList<TargetView> OtherVersions);

/// <summary>One target with its place in the lot's profile, for the change page.</summary>
public sealed record TargetDetails(TargetView Target, string LotName, bool IsCurrent, TargetView? Superseded, TargetView? SupersededBy);

public sealed record LotChoice(string Code, string Name);

/// <summary>
/// A target as a commissioner sets it. Lot, milestone and quarter name the target when it is added;
/// on a change they may be left out, and if sent must be the target's own.
/// </summary>
public sealed record TargetInput
{
    /// <summary>The lot's code, for example WH.</summary>
    public string? Lot { get; init; }
    public Milestone? Milestone { get; init; }

    /// <summary>A calendar quarter written like 2020-Q2 (April to June 2020).</summary>
    public string? Quarter { get; init; }
    public int? Count { get; init; }
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>Why the target was set or changed: shown with it and kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The version read before editing; a stale version is refused as a conflict.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Targets ("profiles"): per lot, milestone and quarter, in versions by the date they were agreed.
/// The current target for a quarter is the version with the latest effective date on or before today;
/// the versions it superseded stay as history.
/// </summary>
public sealed class TargetHandler(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxCount = 100_000;
    public const int MaxReasonLength = 500;

    public async Task<Result<IReadOnlyList<TargetView>>> ListAsync(TargetQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lots = await user.VisibleLotsAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Lot))
        {
            var code = LotCode.Normalise(query.Lot);
            lots = lots.Where(l => l.Code == code);
            if (!await lots.AnyAsync(cancellationToken))
            {
                return Result<IReadOnlyList<TargetView>>.Invalid("lot", UnknownLot(query.Lot));
            }
        }

        var lotIds = lots.Select(l => l.Id);
        var rows = db.Targets.Include(t => t.Lot).Where(t => lotIds.Contains(t.LotId));
        if (query.Milestone is { } milestone)
        {
            rows = rows.Where(t => t.Milestone == milestone);
        }

        var targets = await rows.AsNoTracking().ToListAsync(cancellationToken);
        var profile = Profile.Of(targets, Formatting.TodayInLondon(clock));
        IReadOnlyList<TargetView> views = targets
            .Where(t => query.AllVersions || profile.IsCurrent(t))
            .OrderBy(t => t.Lot!.Code).ThenBy(t => t.Milestone).ThenBy(t => t.QuarterStart).ThenBy(t => t.EffectiveFrom)
            .Select(profile.ToView)
            .ToList();
        return Result<IReadOnlyList<TargetView>>.Ok(views);
    }

    /// <summary>The lot's current profile and its other versions; null when there is no such lot.</summary>
    public async Task<TargetProfile?> ProfileAsync(string lotCode, CancellationToken cancellationToken = default)
    {
        var lot = await FindLotAsync(lotCode, cancellationToken);
        if (lot is null)
        {
            return null;
        }

        var targets = await db.Targets.Include(t => t.Lot).Where(t => t.LotId == lot.Id).AsNoTracking().ToListAsync(cancellationToken);
        var profile = Profile.Of(targets, Formatting.TodayInLondon(clock));
        var ordered = targets.OrderBy(t => t.Milestone).ThenBy(t => t.QuarterStart).ThenBy(t => t.EffectiveFrom).ToList();
        var current = ordered
            .Where(profile.IsCurrent)
            .Select(t => new ProfileEntry(profile.ToView(t), profile.SupersededVersion(t) is { } old ? profile.ToView(old) : null))
            .ToList();
        var others = ordered.Where(t => !profile.IsCurrent(t)).Select(profile.ToView).ToList();
        return new TargetProfile(lot.Code, lot.Name, current, others);
    }

    public async Task<TargetDetails?> DetailsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var lots = (await user.VisibleLotsAsync(cancellationToken)).Select(l => l.Id);
        var target = await db.Targets.Include(t => t.Lot).AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == id && lots.Contains(t.LotId), cancellationToken);
        if (target is null)
        {
            return null;
        }

        var sameKey = await db.Targets.Include(t => t.Lot).AsNoTracking()
            .Where(t => t.LotId == target.LotId && t.Milestone == target.Milestone)
            .ToListAsync(cancellationToken);
        var profile = Profile.Of(sameKey, Formatting.TodayInLondon(clock));
        var row = sameKey.Single(t => t.Id == id);
        return new TargetDetails(
            profile.ToView(row),
            row.Lot!.Name,
            profile.IsCurrent(row),
            profile.SupersededVersion(row) is { } old ? profile.ToView(old) : null,
            profile.ReplacedBy(row) is { } replacement ? profile.ToView(replacement) : null);
    }

    public async Task<TargetView?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await DetailsAsync(id, cancellationToken))?.Target;

    public async Task<IReadOnlyList<LotChoice>> LotChoicesAsync(CancellationToken cancellationToken = default) =>
        await (await user.VisibleLotsAsync(cancellationToken))
            .OrderBy(l => l.Name)
            .Select(l => new LotChoice(l.Code, l.Name))
            .ToListAsync(cancellationToken);

    /// <summary>Every quarter the programme runs in, first to last.</summary>
    public async Task<IReadOnlyList<Quarter>> ProgrammeQuartersAsync(CancellationToken cancellationToken = default) =>
        await ProgrammeAsync(cancellationToken) is { } programme
            ? Quarter.Between(programme.StartDate, programme.EndDate).ToList()
            : [];

    public async Task<Result<TargetView>> CreateAsync(TargetInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var programme = await ProgrammeAsync(cancellationToken);
        if (programme is null)
        {
            return Result<TargetView>.Invalid("lot", "Set up the programme before adding targets");
        }

        var errors = new FieldErrors();
        Lot? lot = null;
        if (string.IsNullOrWhiteSpace(input.Lot))
        {
            errors.Add("lot", "Select the lot");
        }
        else
        {
            lot = await FindLotAsync(input.Lot, cancellationToken);
            if (lot is null)
            {
                errors.Add("lot", UnknownLot(input.Lot));
            }
        }

        if (input.Milestone is not { } milestone)
        {
            errors.Add("milestone", "Select the milestone");
        }
        else if (!Enum.IsDefined(milestone))
        {
            errors.Add("milestone", "Select a milestone from the list");
        }

        var quarter = ReadQuarter(input.Quarter, programme, errors);
        ValidateTarget(input, programme, errors);
        if (!errors.Any)
        {
            await CheckNotDuplicateAsync(lot!.Id, input.Milestone!.Value, quarter!.Value, input.EffectiveFrom!.Value, null, errors, cancellationToken);
        }

        if (errors.Any)
        {
            return Result<TargetView>.Invalid(errors);
        }

        var target = new Target
        {
            LotId = lot!.Id,
            Milestone = input.Milestone!.Value,
            QuarterStart = quarter!.Value.Start,
            Count = input.Count!.Value,
            EffectiveFrom = input.EffectiveFrom!.Value,
            Reason = CleanReason(input.Reason),
        };
        db.Targets.Add(target);
        user.Reason = input.Reason;
        await db.SaveChangesAsync(cancellationToken);
        return Result<TargetView>.Ok((await FindAsync(target.Id, cancellationToken))!);
    }

    /// <summary>Changes a target's count, date or reason in place (audited). Changing the count makes it a real figure, no longer a demo value.</summary>
    public async Task<Result<TargetView>> UpdateAsync(Guid id, TargetInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lots = (await user.VisibleLotsAsync(cancellationToken)).Select(l => l.Id);
        var target = await db.Targets.Include(t => t.Lot).FirstOrDefaultAsync(t => t.Id == id && lots.Contains(t.LotId), cancellationToken);
        var programme = await ProgrammeAsync(cancellationToken);
        if (target is null || programme is null)
        {
            return Result<TargetView>.NotFound();
        }

        if (input.Version is { } version && version != target.Version)
        {
            return Result<TargetView>.Conflict("Someone else changed this target after you opened it. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(input.Lot) && LotCode.Normalise(input.Lot) != target.Lot!.Code)
        {
            errors.Add("lot", $"This is a target for {target.Lot!.Name} ({target.Lot.Code}) and its lot cannot change: add a target for the other lot");
        }

        if (input.Milestone is { } milestone && milestone != target.Milestone)
        {
            errors.Add("milestone", $"This is the target for {target.Milestone.DisplayName()} and its milestone cannot change: add a target for the other milestone");
        }

        if (!string.IsNullOrWhiteSpace(input.Quarter)
            && (!Quarter.TryParse(input.Quarter, out var quarter) || quarter.Start != target.QuarterStart))
        {
            errors.Add("quarter", $"This is the target for {target.Quarter.DisplayName} ({target.Quarter}) and its quarter cannot change: add a target for the other quarter");
        }

        ValidateTarget(input, programme, errors);
        if (!errors.Any)
        {
            await CheckNotDuplicateAsync(target.LotId, target.Milestone, target.Quarter, input.EffectiveFrom!.Value, target.Id, errors, cancellationToken);
        }

        if (errors.Any)
        {
            return Result<TargetView>.Invalid(errors);
        }

        if (target.Count != input.Count!.Value)
        {
            target.Count = input.Count.Value;
            target.IsDemo = false;
        }

        target.EffectiveFrom = input.EffectiveFrom!.Value;
        target.Reason = CleanReason(input.Reason);
        user.Reason = input.Reason;
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<TargetView>.Conflict("Someone else changed this target at the same time. Reload it and make your change again.");
        }

        return Result<TargetView>.Ok((await FindAsync(target.Id, cancellationToken))!);
    }

    private static string UnknownLot(string code) => $"There is no lot with code '{code.Trim()}'";

    private static string? CleanReason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private static Quarter? ReadQuarter(string? text, ProgrammeRecord programme, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("quarter", "Enter the quarter, for example 2020-Q2");
            return null;
        }

        if (!Quarter.TryParse(text, out var quarter))
        {
            errors.Add("quarter", "The quarter must be a year and a quarter from Q1 to Q4, for example 2020-Q2 for April to June 2020");
            return null;
        }

        if (quarter.End < programme.StartDate || quarter.Start > programme.EndDate)
        {
            var first = Quarter.Containing(programme.StartDate);
            var last = Quarter.Containing(programme.EndDate);
            errors.Add("quarter", $"The quarter must be within the programme, from {first} ({first.DisplayName}) to {last} ({last.DisplayName})");
            return null;
        }

        return quarter;
    }

    private static void ValidateTarget(TargetInput input, ProgrammeRecord programme, FieldErrors errors)
    {
        if (input.Count is not { } count)
        {
            errors.Add("count", "Enter the target, a whole number");
        }
        else if (count is < 0 or > MaxCount)
        {
            errors.Add("count", $"The target must be between 0 and {Formatting.Number(MaxCount)}");
        }

        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);
        if (input.EffectiveFrom is not { } from)
        {
            errors.Add("effectiveFrom", "Enter the date the target takes effect");
        }
        else if (from < programme.StartDate)
        {
            errors.Add("effectiveFrom", $"The target must take effect on or after the programme's start, {Formatting.Date(programme.StartDate)}");
        }
    }

    private async Task CheckNotDuplicateAsync(
        Guid lotId, Milestone milestone, Quarter quarter, DateOnly from, Guid? targetId, FieldErrors errors, CancellationToken cancellationToken)
    {
        var start = quarter.Start;
        if (await db.Targets.AnyAsync(
                t => t.LotId == lotId && t.Milestone == milestone && t.QuarterStart == start && t.EffectiveFrom == from && t.Id != targetId,
                cancellationToken))
        {
            errors.Add("effectiveFrom",
                $"There is already a target for {milestone.DisplayName()} in {quarter.DisplayName} from {Formatting.Date(from)}: change that target or choose another date");
        }
    }

    private async Task<Lot?> FindLotAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = LotCode.Normalise(code);
        return await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking().FirstOrDefaultAsync(l => l.Code == normalised, cancellationToken);
    }

    private async Task<ProgrammeRecord?> ProgrammeAsync(CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Which version of each (lot, milestone, quarter) is current on a day, what it replaced, and the
    /// running totals of the current profile.
    /// </summary>
    private sealed class Profile
    {
        private readonly Dictionary<Guid, int> cumulative = [];
        private readonly Dictionary<Guid, Target> superseded = [];
        private readonly Dictionary<Guid, Target> replacedBy = [];

        public static Profile Of(IEnumerable<Target> targets, DateOnly today)
        {
            var profile = new Profile();
            var current = new List<Target>();
            foreach (var versions in targets.GroupBy(t => (t.LotId, t.Milestone, t.QuarterStart)))
            {
                var newestFirst = versions.OrderByDescending(t => t.EffectiveFrom).ToList();
                var inForce = newestFirst.Find(t => t.EffectiveFrom <= today);
                if (inForce is null)
                {
                    continue;
                }

                current.Add(inForce);
                foreach (var older in newestFirst.Where(t => t.EffectiveFrom < inForce.EffectiveFrom))
                {
                    profile.replacedBy[older.Id] = inForce;
                }

                if (newestFirst.Find(t => t.EffectiveFrom < inForce.EffectiveFrom) is { } previous)
                {
                    profile.superseded[inForce.Id] = previous;
                }
            }

            foreach (var series in current.GroupBy(t => (t.LotId, t.Milestone)))
            {
                var total = 0;
                foreach (var target in series.OrderBy(t => t.QuarterStart))
                {
                    total += target.Count;
                    profile.cumulative[target.Id] = total;
                }
            }

            return profile;
        }

        public bool IsCurrent(Target target) => cumulative.ContainsKey(target.Id);

        public Target? SupersededVersion(Target target) => superseded.GetValueOrDefault(target.Id);

        public Target? ReplacedBy(Target target) => replacedBy.GetValueOrDefault(target.Id);

        public TargetView ToView(Target t) => new(
            t.Id, t.Lot?.Code ?? "", t.Milestone, t.Quarter.ToString(), t.QuarterStart, t.Count,
            cumulative.TryGetValue(t.Id, out var total) ? total : null,
            t.EffectiveFrom, t.Reason, t.IsDemo, t.Version);
    }
}
