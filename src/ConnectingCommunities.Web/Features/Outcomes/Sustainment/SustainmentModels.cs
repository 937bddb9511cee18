using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.Participants;

namespace ConnectingCommunities.Web.Features.Outcomes.Sustainment;

/// <summary>The result of a 13, 26 or 52-week sustainment check.</summary>
public sealed record SustainmentCheckInput
{
    /// <summary>Sustained13Weeks, Sustained26Weeks or Sustained52Weeks.</summary>
    public string? Milestone { get; init; }

    /// <summary>InWork or NotInWork: whether they were in work on the day the check fell due.</summary>
    public string? Result { get; init; }

    /// <summary>The day the advisor checked: on or after the due day, not in the future.</summary>
    public DateOnly? CheckedOn { get; init; }

    /// <summary>Optional notes, up to 2,000 characters.</summary>
    public string? Notes { get; init; }

    /// <summary>Optional: a job of the run of employment being checked, when they have had more than one run.</summary>
    public Guid? JobStartId { get; init; }
}

/// <summary>A sustainment check of a run of employment, recorded or not.</summary>
/// <param name="Id">The recorded check's identifier; null until it is recorded.</param>
/// <param name="Milestone">Sustained13Weeks, Sustained26Weeks or Sustained52Weeks.</param>
/// <param name="RunStart">The first day of the run of continuous employment it counts from.</param>
/// <param name="DueOn">The day it falls due: the run start plus 13, 26 or 52 weeks.</param>
/// <param name="Status">Upcoming, Due (today), Overdue, InWork, NotInWork, EmploymentEnded (the run ended before the due day) or AlreadyAchieved (from an earlier run).</param>
/// <param name="DaysOverdue">Days since the due day while Overdue; 0 otherwise.</param>
/// <param name="Result">InWork or NotInWork once recorded.</param>
/// <param name="CheckedOn">The day it was checked, once recorded.</param>
/// <param name="Notes">The advisor's notes.</param>
/// <param name="JobStartId">The job held on the due day, when in work.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Evidence">Its evidence files, oldest first.</param>
/// <param name="MilestoneRecorded">After recording: the sustainment milestone as it now stands, when achieved.</param>
/// <param name="Message">After recording: what happened, in words, e.g. "Sustained 13 weeks achieved on 13 September 2021".</param>
public sealed record SustainmentCheckView(
    Guid? Id,
    Milestone Milestone,
    DateOnly RunStart,
    DateOnly DueOn,
    SustainmentCheckState Status,
    int DaysOverdue,
    SustainmentCheckResult? Result,
    DateOnly? CheckedOn,
    string? Notes,
    Guid? JobStartId,
    DateTimeOffset? RecordedAt,
    IReadOnlyList<EvidenceView> Evidence,
    MilestoneView? MilestoneRecorded = null,
    string? Message = null);

/// <summary>What the "checks due" worklist is filtered by.</summary>
public sealed record DueChecksFilter
{
    /// <summary>One lot's code, e.g. "WH"; every lot the user can see when empty.</summary>
    public string? LotCode { get; init; }

    /// <summary>One advisor's caseload.</summary>
    public Guid? AdvisorId { get; init; }

    /// <summary>How many days ahead to include, 0 to 366 (28 by default); overdue checks are always included.</summary>
    public int? Within { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

/// <summary>A check on the worklist: due within the window, due today, or overdue, and not yet recorded.</summary>
/// <param name="ParticipantId">The participant, for the link to record it.</param>
/// <param name="ParticipantReference">E.g. "WH-000123".</param>
/// <param name="ParticipantName">First and last name.</param>
/// <param name="LotCode">The participant's lot.</param>
/// <param name="AdvisorName">Their advisor, if assigned.</param>
/// <param name="Milestone">Sustained13Weeks, Sustained26Weeks or Sustained52Weeks.</param>
/// <param name="RunStart">The first day of the run of employment.</param>
/// <param name="DueOn">The due day.</param>
/// <param name="Status">Upcoming, Due or Overdue.</param>
/// <param name="DaysOverdue">Days since the due day; 0 unless overdue.</param>
public sealed record DueCheckView(
    Guid ParticipantId,
    string ParticipantReference,
    string ParticipantName,
    string LotCode,
    string? AdvisorName,
    Milestone Milestone,
    DateOnly RunStart,
    DateOnly DueOn,
    SustainmentCheckState Status,
    int DaysOverdue);

/// <summary>What the participant page's sustainment section shows.</summary>
public sealed record SustainmentSection(Guid ParticipantId, IReadOnlyList<SustainmentCheckView> Checks, bool CanEdit);
