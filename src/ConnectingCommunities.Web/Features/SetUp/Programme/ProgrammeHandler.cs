using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Performance;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.SetUp.Programme;

public sealed record ProgrammeView(
    Guid Id, string Name, string Commissioner, string Funder, DateOnly StartDate, DateOnly EndDate,
    int EngagementThreshold, ProgressionDefinition ProgressionDefinition, int SustainmentGapDays,
    int LotCount, decimal TotalValue, int Version, int MeaningfulInterventionMinutes, decimal RagGreenFromPercent, decimal RagAmberFromPercent,
    int RetentionYearsAfterEnd);

public sealed record ProgrammeInput
{
    public string? Name { get; init; }
    public string? Commissioner { get; init; }
    public string? Funder { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public int? EngagementThreshold { get; init; }

    /// <summary>The shortest contact, in minutes, that counts as a meaningful intervention. Left out: unchanged.</summary>
    public int? MeaningfulInterventionMinutes { get; init; }
    public ProgressionDefinition? ProgressionDefinition { get; init; }
    public int? SustainmentGapDays { get; init; }

    /// <summary>Performance is green from this percentage of the target to date. Left out: unchanged.</summary>
    public decimal? RagGreenFromPercent { get; init; }

    /// <summary>Performance is amber from this percentage of the target to date, red below. Left out: unchanged.</summary>
    public decimal? RagAmberFromPercent { get; init; }

    /// <summary>Personal data is kept until 31 December of the programme's end year plus this many years. Left out: unchanged.</summary>
    public int? RetentionYearsAfterEnd { get; init; }
    public int? Version { get; init; }
    public string? Reason { get; init; }
}

/// <summary>The programme's own rules: dates, what counts as engaged, which progression definition pays.</summary>
public sealed class ProgrammeHandler(CcDbContext db, CurrentUser user)
{
    public const int MaxEngagementThreshold = 20;
    public const int MaxSustainmentGapDays = 90;
    public const int MaxMeaningfulMinutes = 480;

    public async Task<ProgrammeView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return null;
        }

        var lots = await db.Lots.Where(l => l.ProgrammeId == programme.Id).Select(l => l.Value).ToListAsync(cancellationToken);
        return new ProgrammeView(
            programme.Id, programme.Name, programme.Commissioner, programme.Funder, programme.StartDate, programme.EndDate,
            programme.EngagementThreshold, programme.ProgressionDefinition, programme.SustainmentGapDays,
            lots.Count, lots.Sum(), programme.Version, programme.MeaningfulInterventionMinutes,
            programme.RagGreenFromPercent, programme.RagAmberFromPercent, programme.RetentionYearsAfterEnd);
    }

    public async Task<Result<ProgrammeView>> UpdateAsync(ProgrammeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var programme = await db.Programmes.FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return Result<ProgrammeView>.NotFound();
        }

        if (input.Version is { } version && version != programme.Version)
        {
            return Result<ProgrammeView>.Conflict("Someone else changed the programme after you opened it. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        Validation.RequiredText(input.Name, "name", "programme name", 200, errors);
        Validation.OptionalText(input.Commissioner, "commissioner", "commissioner", 200, errors);
        Validation.OptionalText(input.Funder, "funder", "funder", 200, errors);
        if (input.StartDate is null)
        {
            errors.Add("startDate", "Enter the programme start date");
        }

        if (input.EndDate is null)
        {
            errors.Add("endDate", "Enter the programme end date");
        }
        else if (input.StartDate is { } start && input.EndDate < start)
        {
            errors.Add("endDate", "The end date must be after the start date");
        }

        if (input.EngagementThreshold is not (>= 1 and <= MaxEngagementThreshold))
        {
            errors.Add("engagementThreshold", $"The number of meaningful interventions for engagement must be between 1 and {MaxEngagementThreshold}");
        }

        if (input.MeaningfulInterventionMinutes is < 1 or > MaxMeaningfulMinutes)
        {
            errors.Add("meaningfulInterventionMinutes", $"The shortest meaningful contact must be between 1 and {MaxMeaningfulMinutes} minutes");
        }

        if (input.ProgressionDefinition is null || !Enum.IsDefined(input.ProgressionDefinition.Value))
        {
            errors.Add("progressionDefinition", "Select which progression definition pays: strict or wider");
        }

        if (input.SustainmentGapDays is not (>= 0 and <= MaxSustainmentGapDays))
        {
            errors.Add("sustainmentGapDays", $"The gap allowed between jobs must be between 0 and {MaxSustainmentGapDays} days");
        }

        if (input.RetentionYearsAfterEnd is < 0 or > Domain.DataExchange.RetentionRules.MaxYearsAfterEnd)
        {
            errors.Add("retentionYearsAfterEnd", $"The retention period must be between 0 and {Domain.DataExchange.RetentionRules.MaxYearsAfterEnd} years after the programme ends");
        }

        var green = input.RagGreenFromPercent ?? programme.RagGreenFromPercent;
        var amber = input.RagAmberFromPercent ?? programme.RagAmberFromPercent;
        foreach (var (field, message) in RagThresholds.Check(green, amber))
        {
            errors.Add(field, message);
        }

        if (errors.Any)
        {
            return Result<ProgrammeView>.Invalid(errors);
        }

        programme.Name = input.Name!.Trim();
        programme.Commissioner = input.Commissioner?.Trim() ?? "";
        programme.Funder = input.Funder?.Trim() ?? "";
        programme.StartDate = input.StartDate!.Value;
        programme.EndDate = input.EndDate!.Value;
        programme.EngagementThreshold = input.EngagementThreshold!.Value;
        programme.MeaningfulInterventionMinutes = input.MeaningfulInterventionMinutes ?? programme.MeaningfulInterventionMinutes;
        programme.ProgressionDefinition = input.ProgressionDefinition!.Value;
        programme.SustainmentGapDays = input.SustainmentGapDays!.Value;
        programme.RagGreenFromPercent = green;
        programme.RagAmberFromPercent = amber;
        programme.RetentionYearsAfterEnd = input.RetentionYearsAfterEnd ?? programme.RetentionYearsAfterEnd;
        user.Reason = input.Reason;
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<ProgrammeView>.Conflict("Someone else changed the programme at the same time. Reload it and make your change again.");
        }

        return Result<ProgrammeView>.Ok((await GetAsync(cancellationToken))!);
    }
}
