using System.Runtime.CompilerServices;
using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Evaluation;

/// <summary>
/// One participant as the evaluation sees them: characteristics at registration and outcomes, with no
/// name, NINO, address, postcode, contact details or date of birth. <see cref="ParticipantId"/> is the
/// internal id, there only so an extract can pseudonymise it (keyed hash); never show it.
/// Characteristics the provider did not collect, or the person preferred not to give, are null.
/// </summary>
/// <param name="ParticipantId">Internal id: for pseudonymising only, never shown or exported as it is.</param>
/// <param name="LotCode">The lot, e.g. "WH".</param>
/// <param name="Provider">The provider of the contract supporting the participant now; null when none.</param>
/// <param name="Cohort">The payment cohort fixed at registration.</param>
/// <param name="RegisteredOn">Registration date.</param>
/// <param name="AgeBand">Age band at registration (from the date of birth, which is not given).</param>
/// <param name="Sex">Sex code (<see cref="Sexes"/>): "female", "male", "preferNotToSay"; null when not collected.</param>
/// <param name="EthnicGroup">One of the five ONS groups' codes (<see cref="Ethnicities.Groups"/>); null when not collected or preferred not to say.</param>
/// <param name="HealthCondition">Long-term health condition or disability: true Yes, false No, null not collected or preferred not to say.</param>
/// <param name="QualificationBand">Highest qualification as a band (<see cref="EvaluationDataset.QualificationBands"/>); null when not collected.</param>
/// <param name="ChildcareResponsibility">Childcare responsibilities; null when not collected.</param>
/// <param name="EmploymentStatus">Employment status at registration.</param>
/// <param name="RecruitmentChannel">How they were recruited (<see cref="RecruitmentChannels"/> code); null when not recorded.</param>
/// <param name="AdvisorId">The current advisor (for caseload bands; not a person's name).</param>
/// <param name="JobOutcome">Whether they reached the Job outcome milestone.</param>
/// <param name="JobOutcomeOn">When; null without one.</param>
/// <param name="Sustained13Weeks">Whether they reached the 13-week sustainment milestone.</param>
/// <param name="FollowUp13WeeksElapsed">
/// Whether 13 weeks after the job outcome had passed by the end of follow-up (today, or the programme's
/// end if earlier): only then can sustainment have been observed. False without a job outcome.
/// </param>
/// <param name="InWork">
/// Whether they were in work at some point on the programme: in work at registration (the Employed
/// cohort) or with a job outcome. The population that can progress in work.
/// </param>
/// <param name="Progressed">Whether they reached the in-work Progression milestone.</param>
/// <param name="IdentifyMatchingJobsCompleted">Whether their plan has the action "Identify jobs that match skills" completed.</param>
/// <param name="Erased">Whether their personal data has been erased (only returned when asked for).</param>
public sealed record EvaluationRow(
    Guid ParticipantId,
    string LotCode,
    string? Provider,
    Cohort Cohort,
    DateOnly RegisteredOn,
    AgeBand AgeBand,
    string? Sex,
    string? EthnicGroup,
    bool? HealthCondition,
    string? QualificationBand,
    bool? ChildcareResponsibility,
    EmploymentStatus EmploymentStatus,
    string? RecruitmentChannel,
    Guid? AdvisorId,
    bool JobOutcome,
    DateOnly? JobOutcomeOn,
    bool Sustained13Weeks,
    bool FollowUp13WeeksElapsed,
    bool InWork,
    bool Progressed,
    bool IdentifyMatchingJobsCompleted,
    bool Erased)
{
    /// <summary>Out of work at registration (the three out-of-work cohorts): the job outcome model's population.</summary>
    public bool OutOfWorkAtRegistration => Cohort != Cohort.Employed;
}

/// <summary>
/// The participant-level data every evaluation view (tables, models, extract, report) is built from,
/// streamed row by row from a single projection query: correlated EXISTS / MIN sub-queries over the
/// milestones and plan actions (both indexed by participant), so nothing is tracked or loaded whole and it
/// runs the same on SQLite and PostgreSQL at 100,000+ participants.
/// <para>
/// Erased participants (personal data erased on request or at the end of retention) are left out by
/// default: their characteristics are gone, and the evaluation should not keep analysing a person who
/// asked to be forgotten. <see cref="CountErasedAsync"/> gives how many were left out, so a table or model
/// can say so; pass includeErased to see them (flagged <see cref="EvaluationRow.Erased"/>).
/// </para>
/// The evaluation covers the whole programme (every lot): only evaluators and the commissioner may use it.
/// </summary>
public sealed class EvaluationDataset(CcDbContext db, TimeProvider clock)
{
    /// <summary>The plan action whose completion the documents' models use.</summary>
    public const string IdentifyMatchingJobsAction = "identifyMatchingJobs";

    /// <summary>Highest qualification bands, lowest first (RQF levels grouped as evaluations usually report them).</summary>
    public static IReadOnlyList<string> QualificationBands { get; } = ["NoneOrEntry", "Level1To2", "Level3", "Level4Plus", "OtherOrUnknownLevel"];

    /// <summary>Words for a qualification band.</summary>
    public static string QualificationBandName(string band) => band switch
    {
        "NoneOrEntry" => "No qualifications or entry level",
        "Level1To2" => "Level 1 or 2",
        "Level3" => "Level 3",
        "Level4Plus" => "Level 4 or above",
        "OtherOrUnknownLevel" => "Other or overseas, level unknown",
        _ => band,
    };

    /// <summary>The band of a qualification code; null when not collected or not a known code.</summary>
    public static string? QualificationBandOf(string? code)
    {
        var level = QualificationLevels.Find(code);
        if (level is null)
        {
            return null;
        }

        if (level == QualificationLevels.OtherLevelUnknown)
        {
            return "OtherOrUnknownLevel";
        }

        return level.RqfLevel switch
        {
            null => "NoneOrEntry",
            <= 2 => "Level1To2",
            3 => "Level3",
            _ => "Level4Plus",
        };
    }

    /// <summary>The last day outcomes could be followed up: today, or the programme's end if that is earlier.</summary>
    public async Task<DateOnly> FollowUpEndAsync(CancellationToken cancellationToken = default)
    {
        var today = Formatting.TodayInLondon(clock);
        var ends = await db.Programmes.AsNoTracking().Select(p => p.EndDate).ToListAsync(cancellationToken);
        return ends.Count == 0 ? today : ends.Max() < today ? ends.Max() : today;
    }

    /// <summary>How many participants' personal data has been erased (left out of the rows by default).</summary>
    public Task<int> CountErasedAsync(CancellationToken cancellationToken = default) =>
        db.Participants.AsNoTracking().CountAsync(p => p.ErasedAt != null, cancellationToken);

    /// <summary>Every participant's row, in registration order (then id), streamed.</summary>
    public async IAsyncEnumerable<EvaluationRow> RowsAsync(
        bool includeErased = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var followUpEnd = await FollowUpEndAsync(cancellationToken);
        var participants = db.Participants.AsNoTracking();
        if (!includeErased)
        {
            participants = participants.Where(p => p.ErasedAt == null);
        }

        var query = participants
            .OrderBy(p => p.RegisteredOn).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                LotCode = p.Lot!.Code,
                Provider = p.Contract == null ? null : p.Contract.Provider!.Name,
                p.Cohort,
                p.RegisteredOn,
                p.AgeBand,
                p.Sex,
                p.Ethnicity,
                p.LongTermCondition,
                p.HighestQualification,
                p.HasChildcareResponsibilities,
                p.EmploymentStatus,
                p.RecruitmentChannel,
                p.AdvisorId,
                Erased = p.ErasedAt != null,
                JobOutcomeOn = db.ParticipantMilestones
                    .Where(m => m.ParticipantId == p.Id && m.Milestone == Milestone.JobOutcome)
                    .Select(m => (DateOnly?)m.AchievedOn)
                    .Min(),
                Sustained13Weeks = db.ParticipantMilestones.Any(m => m.ParticipantId == p.Id && m.Milestone == Milestone.Sustained13Weeks),
                Progressed = db.ParticipantMilestones.Any(m => m.ParticipantId == p.Id && m.Milestone == Milestone.Progression),
                IdentifyMatchingJobs = db.PlanActions.Any(a =>
                    a.ParticipantId == p.Id && a.Status == ActionStatus.Completed && a.Action == IdentifyMatchingJobsAction),
            });

        await foreach (var p in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var jobOutcome = p.JobOutcomeOn is not null;
            yield return new EvaluationRow(
                p.Id,
                p.LotCode,
                p.Provider,
                p.Cohort,
                p.RegisteredOn,
                p.AgeBand,
                Sexes.Find(p.Sex)?.Code,
                Ethnicities.Find(p.Ethnicity)?.Group?.Code,
                LongTermConditionAnswers.Find(p.LongTermCondition)?.HasCondition,
                QualificationBandOf(p.HighestQualification),
                p.HasChildcareResponsibilities,
                p.EmploymentStatus,
                p.RecruitmentChannel,
                p.AdvisorId,
                jobOutcome,
                p.JobOutcomeOn,
                p.Sustained13Weeks,
                p.JobOutcomeOn is { } on && SustainmentSchedule.DueOn(on, Milestone.Sustained13Weeks) <= followUpEnd,
                p.Cohort == Cohort.Employed || jobOutcome,
                p.Progressed,
                p.IdentifyMatchingJobs,
                p.Erased);
        }
    }
}
