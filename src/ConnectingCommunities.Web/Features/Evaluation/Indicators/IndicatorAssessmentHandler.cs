using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>One scale of an assessment: the answers in item order (empty when not asked) and the total after reverse-scoring.</summary>
public sealed record ScaleAnswersView(IndicatorScale Scale, string Name, IReadOnlyList<int> Answers, int? Total, int MinTotal, int MaxTotal)
{
    public bool Asked => Answers.Count > 0;
}

/// <summary>A participant's baseline or follow-up assessment of the Theory of Change indicators.</summary>
public sealed record IndicatorAssessmentView(
    Guid Id,
    AssessmentPoint Point,
    DateOnly AssessedOn,
    IReadOnlyList<ScaleAnswersView> Scales,
    string? RecordedBy,
    DateTimeOffset RecordedAt,
    int Version)
{
    public ScaleAnswersView For(IndicatorScale scale) => Scales.First(s => s.Scale == scale);
}

/// <summary>A participant's two assessments; either may not have been made yet.</summary>
public sealed record IndicatorAssessmentList(PlanParticipant Participant, IndicatorAssessmentView? Baseline, IndicatorAssessmentView? FollowUp)
{
    public IndicatorAssessmentView? At(AssessmentPoint point) => point == AssessmentPoint.Baseline ? Baseline : FollowUp;
}

/// <summary>An assessment recorded: <see cref="Created"/> is false when it replaced the one already recorded at that point.</summary>
public sealed record IndicatorAssessmentRecorded(IndicatorAssessmentView Assessment, bool Created);

/// <summary>Recording a baseline or follow-up assessment. A scale left out (or an empty list) was not asked.</summary>
public sealed record IndicatorAssessmentInput
{
    /// <summary>Baseline or FollowUp. Recording a point already recorded replaces it (give a reason).</summary>
    public string? Point { get; init; }

    /// <summary>The day the participant answered; not before registration, not in the future; a follow-up after the baseline.</summary>
    public DateOnly? AssessedOn { get; init; }

    /// <summary>Rosenberg Self-Esteem Scale: 10 answers, 0 (strongly disagree) to 3 (strongly agree), in item order.</summary>
    public IReadOnlyList<int>? SelfEsteem { get; init; }

    /// <summary>Pearlin Mastery Scale: 7 answers, 1 (strongly disagree) to 4 (strongly agree), in item order.</summary>
    public IReadOnlyList<int>? LocusOfControl { get; init; }

    /// <summary>The programme's attitude-to-work scale: 5 answers, 1 (strongly disagree) to 5 (strongly agree).</summary>
    public IReadOnlyList<int>? AttitudeToWork { get; init; }

    /// <summary>The programme's labour-market awareness scale: 5 answers, 1 (strongly disagree) to 5 (strongly agree).</summary>
    public IReadOnlyList<int>? LabourMarketAwareness { get; init; }

    /// <summary>Why an assessment already recorded is being changed: kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The version of the assessment being changed, as read; a stale one is refused as a conflict.</summary>
    public int? Version { get; init; }

    public IReadOnlyList<int> AnswersFor(IndicatorScale scale) => (scale switch
    {
        IndicatorScale.SelfEsteem => SelfEsteem,
        IndicatorScale.LocusOfControl => LocusOfControl,
        IndicatorScale.AttitudeToWork => AttitudeToWork,
        IndicatorScale.LabourMarketAwareness => LabourMarketAwareness,
        _ => null,
    }) ?? [];
}

/// <summary>
/// Advisors' baseline and follow-up assessments of the Theory of Change indicators, one of each per participant.
/// Reached only through <see cref="ParticipantAccess"/>: a participant of another lot is not found.
/// </summary>
public sealed class IndicatorAssessmentHandler(CcDbContext db, ParticipantAccess access, CurrentUser user, TimeProvider clock)
{
    /// <summary>The error key when no scale at all was answered.</summary>
    public const string ScalesField = "scales";

    /// <summary>The participant's assessments, or null when the participant does not exist for this user.</summary>
    public async Task<IndicatorAssessmentList?> ListAsync(Guid participantId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "Theory of Change indicators", cancellationToken);
        }

        var assessments = await db.IndicatorAssessments.AsNoTracking()
            .Where(a => a.ParticipantId == participantId)
            .ToListAsync(cancellationToken);
        var recorderIds = assessments.Where(a => a.RecordedById is not null).Select(a => a.RecordedById!.Value).Distinct().ToList();
        var names = recorderIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => recorderIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? "", cancellationToken);
        IndicatorAssessmentView? At(AssessmentPoint point) =>
            assessments.FirstOrDefault(a => a.Point == point) is { } a ? ToView(a, names) : null;
        return new IndicatorAssessmentList(PlanParticipant.From(participant), At(AssessmentPoint.Baseline), At(AssessmentPoint.FollowUp));
    }

    public async Task<Result<IndicatorAssessmentRecorded>> RecordAsync(
        Guid participantId, IndicatorAssessmentInput input, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<IndicatorAssessmentRecorded>.NotFound();
        }

        var who = PlanParticipant.From(participant);
        var errors = new FieldErrors();
        var point = PlanChecks.Enum<AssessmentPoint>(input.Point, "point", "assessment point", errors, required: true);
        if (input.AssessedOn is not { } assessedOn)
        {
            errors.Add("assessedOn", "Enter the date of the assessment");
            assessedOn = default;
        }
        else
        {
            PlanChecks.HappenedOn(assessedOn, "assessedOn", "date of the assessment", who, access.Today, errors);
        }

        var answered = 0;
        foreach (var scale in Scales.All)
        {
            var answers = input.AnswersFor(scale.Scale);
            answered += answers.Count > 0 ? 1 : 0;
            foreach (var error in scale.Validate(answers))
            {
                errors.Add(
                    error.ItemNumber is { } item ? IndicatorScales.ItemField(scale.Scale, item) : IndicatorScales.Field(scale.Scale),
                    error.Message);
            }
        }

        if (answered == 0)
        {
            errors.Add(ScalesField, "Answer at least one of the four scales");
        }

        Validation.OptionalText(input.Reason, "reason", "reason", PlanChecks.MaxReasonLength, errors);

        var assessments = await db.IndicatorAssessments.Where(a => a.ParticipantId == participantId).ToListAsync(cancellationToken);
        var existing = point is null ? null : assessments.FirstOrDefault(a => a.Point == point);
        if (existing is not null && input.Version is { } version && version != existing.Version)
        {
            return Result<IndicatorAssessmentRecorded>.Conflict(
                "Someone else changed this assessment after you opened it. Reload it and record your answers again.");
        }

        if (point is not null && !errors.Has("assessedOn") && input.AssessedOn is not null)
        {
            CheckOrder(point.Value, assessedOn, assessments, errors);
        }

        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            return Result<IndicatorAssessmentRecorded>.Invalid(errors);
        }

        var record = existing ?? new IndicatorAssessment { ParticipantId = participantId, Point = point!.Value };
        record.AssessedOn = assessedOn;
        foreach (var scale in Scales.All)
        {
            IndicatorScales.Set(record, scale.Scale, input.AnswersFor(scale.Scale));
        }

        record.RecordedById = user.UserId;
        record.RecordedAt = clock.GetUtcNow();
        if (existing is null)
        {
            db.IndicatorAssessments.Add(record);
        }
        else
        {
            user.Reason = PlanChecks.Clean(input.Reason);
        }

        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<IndicatorAssessmentRecorded>.Conflict(
                "Someone else recorded this assessment at the same time. Reload the assessments and try again.");
        }

        var saved = await ListAsync(participantId, logView: false, cancellationToken);
        return Result<IndicatorAssessmentRecorded>.Ok(new IndicatorAssessmentRecorded(saved!.At(record.Point)!, existing is null));
    }

    /// <summary>The baseline comes first: a follow-up must be later than the baseline, and a baseline earlier than the follow-up.</summary>
    private static void CheckOrder(AssessmentPoint point, DateOnly assessedOn, List<IndicatorAssessment> assessments, FieldErrors errors)
    {
        if (point == AssessmentPoint.FollowUp
            && assessments.FirstOrDefault(a => a.Point == AssessmentPoint.Baseline) is { } baseline
            && assessedOn <= baseline.AssessedOn)
        {
            errors.Add("assessedOn", $"The baseline was on {Formatting.Date(baseline.AssessedOn)}: the follow-up must be after it");
        }
        else if (point == AssessmentPoint.Baseline
            && assessments.FirstOrDefault(a => a.Point == AssessmentPoint.FollowUp) is { } followUp
            && assessedOn >= followUp.AssessedOn)
        {
            errors.Add("assessedOn", $"The follow-up was on {Formatting.Date(followUp.AssessedOn)}: the baseline must be before it");
        }
    }

    private static IndicatorAssessmentView ToView(IndicatorAssessment assessment, Dictionary<Guid, string> names) => new(
        assessment.Id,
        assessment.Point,
        assessment.AssessedOn,
        [
            .. Scales.All.Select(s => new ScaleAnswersView(
                s.Scale, s.Name, IndicatorScales.Answers(assessment, s.Scale), IndicatorScales.Total(assessment, s.Scale), s.MinTotal, s.MaxTotal)),
        ],
        assessment.RecordedById is { } by ? names.GetValueOrDefault(by) : null,
        assessment.RecordedAt,
        assessment.Version);
}
