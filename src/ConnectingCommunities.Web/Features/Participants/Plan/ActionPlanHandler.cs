using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>A goal of the participant's action plan, in their words.</summary>
public sealed record GoalView(
    Guid Id, string Description, DateOnly AgreedOn, DateOnly? TargetDate, DateOnly? AchievedOn, bool IsAchieved, int Version);

/// <summary>An action of the plan, with whether it is overdue today and whether it counts as identified but not implemented.</summary>
public sealed record ActionView(
    Guid Id,
    string Action,
    string DisplayName,
    ActivityType ActivityType,
    string? Details,
    ActionStatus Status,
    DateOnly IdentifiedOn,
    DateOnly? AgreedOn,
    DateOnly? DueOn,
    DateOnly? CompletedOn,
    string? NotDoneReason,
    bool IsOverdue,
    bool IsNotImplemented,
    Guid? GoalId,
    int Version);

/// <summary>A participant's whole plan on a day, with its actions counted.</summary>
public sealed record ActionPlanView(
    PlanParticipant Participant, DateOnly Today, IReadOnlyList<GoalView> Goals, IReadOnlyList<ActionView> Actions, ActionCounts Counts);

/// <summary>Actions counted across the plans of one lot.</summary>
public sealed record LotActionSummary(
    string LotCode, int Identified, int Agreed, int Completed, int NotDone, int Total, int NotImplemented, int Overdue);

/// <summary>Actions counted across the plans of the lots asked for: no personal data.</summary>
public sealed record ActionPlanSummary(
    string? LotCode,
    DateOnly AsOf,
    int Identified,
    int Agreed,
    int Completed,
    int NotDone,
    int Total,
    int NotImplemented,
    int Overdue,
    IReadOnlyList<LotActionSummary> Lots);

/// <summary>A goal as agreed, or a change to one (fields left out stay as they are).</summary>
public sealed record GoalInput
{
    /// <summary>The goal in the participant's words, for example "Find a part-time job in retail".</summary>
    public string? Description { get; init; }

    /// <summary>The day it was agreed; today when left out. Not before registration, not in the future.</summary>
    public DateOnly? AgreedOn { get; init; }

    /// <summary>When they hope to reach it; may be in the future, not before it was agreed.</summary>
    public DateOnly? TargetDate { get; init; }

    /// <summary>The day it was reached. Not in the future, not before it was agreed.</summary>
    public DateOnly? AchievedOn { get; init; }

    /// <summary>Why a goal was changed: kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The goal's version as read; a stale one is refused as a conflict.</summary>
    public int? Version { get; init; }
}

/// <summary>An action added to a participant's plan.</summary>
public sealed record ActionInput
{
    /// <summary>Action code from the catalogue, e.g. identifyMatchingJobs, cv, workExperience, referralHousing; "other..." codes need details.</summary>
    public string? Action { get; init; }

    /// <summary>What exactly is to be done; required for "other..." actions.</summary>
    public string? Details { get; init; }

    /// <summary>Identified (the default), Agreed, Completed or NotDone.</summary>
    public string? Status { get; init; }

    /// <summary>The day the action was identified; today when left out. Not before registration, not in the future.</summary>
    public DateOnly? IdentifiedOn { get; init; }

    /// <summary>For an action agreed (or since completed): the day it was agreed; the day identified when left out.</summary>
    public DateOnly? AgreedOn { get; init; }

    /// <summary>When it should be done by; may be in the future.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>For a completed action: the day it was done; the day identified when left out.</summary>
    public DateOnly? CompletedOn { get; init; }

    /// <summary>For an action not done: why not.</summary>
    public string? NotDoneReason { get; init; }

    /// <summary>The participant's goal this action works towards, if any.</summary>
    public Guid? GoalId { get; init; }
}

/// <summary>A change to an action: its status (moving forward only), dates or details.</summary>
public sealed record ActionChangeInput
{
    /// <summary>Agreed, Completed or NotDone; an identified action may move to any of them, an agreed one to Completed or NotDone.</summary>
    public string? Status { get; init; }

    /// <summary>The day it was agreed; today when the action moves to Agreed and this is left out.</summary>
    public DateOnly? AgreedOn { get; init; }

    /// <summary>A new due date; may be in the future.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>The day it was done; today when the action moves to Completed and this is left out.</summary>
    public DateOnly? CompletedOn { get; init; }

    /// <summary>Why it was not done: required when the status is NotDone.</summary>
    public string? NotDoneReason { get; init; }

    /// <summary>New details of what is to be done.</summary>
    public string? Details { get; init; }

    /// <summary>Why it changed: kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The action's version as read; a stale one is refused as a conflict.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Goals and actions of participants' action plans. Actions are never deleted: one that was never
/// done stays identified or is closed as not done with a reason, so "identified but not
/// implemented" can be counted, per plan and across lots.
/// </summary>
public sealed class ActionPlanHandler(CcDbContext db, ParticipantAccess access, CurrentUser user)
{
    public const int MaxDescriptionLength = 1000;
    public const int MaxNotDoneReasonLength = 1000;

    /// <summary>The participant's plan, or null when the participant does not exist for this user.</summary>
    public async Task<ActionPlanView?> PlanAsync(Guid participantId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "action plan", cancellationToken);
        }

        var today = access.Today;
        var goals = await db.Goals.AsNoTracking().Where(g => g.ParticipantId == participantId).ToListAsync(cancellationToken);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.ParticipantId == participantId).ToListAsync(cancellationToken);
        var actionViews = actions
            .Select(a => ToView(a, today))
            .OrderBy(a => a.ActivityType)
            .ThenBy(a => a.Status.IsOpen() ? 0 : 1)
            .ThenBy(a => a.DueOn ?? DateOnly.MaxValue)
            .ThenBy(a => a.IdentifiedOn)
            .ThenBy(a => a.Id)
            .ToList();
        return new ActionPlanView(
            PlanParticipant.From(participant),
            today,
            goals.OrderBy(g => g.AgreedOn).ThenBy(g => g.Id).Select(ToView).ToList(),
            actionViews,
            ActionCounts.Count(actions.Select(a => (a.Status, a.DueOn)), today));
    }

    public async Task<(PlanParticipant Participant, GoalView Goal)?> FindGoalAsync(
        Guid participantId, Guid goalId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        var goal = participant is null
            ? null
            : await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == goalId && g.ParticipantId == participantId, cancellationToken);
        if (participant is null || goal is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "action plan", cancellationToken);
        }

        return (PlanParticipant.From(participant), ToView(goal));
    }

    public async Task<(PlanParticipant Participant, ActionView Action)?> FindActionAsync(
        Guid participantId, Guid actionId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        var action = participant is null
            ? null
            : await db.PlanActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId && a.ParticipantId == participantId, cancellationToken);
        if (participant is null || action is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "action plan", cancellationToken);
        }

        return (PlanParticipant.From(participant), ToView(action, access.Today));
    }

    /// <summary>Today in the programme's time zone: what overdue is judged against.</summary>
    public DateOnly Today => access.Today;

    public async Task<Result<GoalView>> AddGoalAsync(Guid participantId, GoalInput input, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<GoalView>.NotFound();
        }

        var who = PlanParticipant.From(participant);
        var errors = new FieldErrors();
        if (PlanChecks.RefuseIfLeft(who, "description", "goals", errors))
        {
            return Result<GoalView>.Invalid(errors);
        }

        var goal = new Goal { ParticipantId = participantId, Description = input.Description?.Trim() ?? "", AgreedOn = input.AgreedOn ?? access.Today };
        Validation.RequiredText(input.Description, "description", "goal", MaxDescriptionLength, errors);
        CheckGoalDates(goal, input, who, errors);
        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            return Result<GoalView>.Invalid(errors);
        }

        db.Goals.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return Result<GoalView>.Ok(ToView(goal));
    }

    public async Task<Result<GoalView>> UpdateGoalAsync(
        Guid participantId, Guid goalId, GoalInput input, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        var goal = participant is null
            ? null
            : await db.Goals.FirstOrDefaultAsync(g => g.Id == goalId && g.ParticipantId == participantId, cancellationToken);
        if (participant is null || goal is null)
        {
            return Result<GoalView>.NotFound();
        }

        if (input.Version is { } version && version != goal.Version)
        {
            return Result<GoalView>.Conflict("Someone else changed this goal after you opened it. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        if (input.Description is not null)
        {
            Validation.RequiredText(input.Description, "description", "goal", MaxDescriptionLength, errors);
            goal.Description = input.Description.Trim();
        }

        goal.AgreedOn = input.AgreedOn ?? goal.AgreedOn;
        CheckGoalDates(goal, input, PlanParticipant.From(participant), errors);
        Validation.OptionalText(input.Reason, "reason", "reason", PlanChecks.MaxReasonLength, errors);
        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            // Nothing of a refused change may be saved with a later request's changes.
            db.Entry(goal).State = EntityState.Detached;
            return Result<GoalView>.Invalid(errors);
        }

        user.Reason = PlanChecks.Clean(input.Reason);
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<GoalView>.Conflict("Someone else changed this goal at the same time. Reload it and make your change again.");
        }

        return Result<GoalView>.Ok(ToView(goal));
    }

    public async Task<Result<ActionView>> AddActionAsync(Guid participantId, ActionInput input, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<ActionView>.NotFound();
        }

        var who = PlanParticipant.From(participant);
        var errors = new FieldErrors();
        if (PlanChecks.RefuseIfLeft(who, "action", "actions", errors))
        {
            return Result<ActionView>.Invalid(errors);
        }

        var today = access.Today;
        var template = PlanChecks.Catalogue(input.Action, ActionCatalogue.All, "action", "action", errors);
        CheckDetails(template, input.Details, errors);
        var status = PlanChecks.Enum<ActionStatus>(input.Status, "status", "status", errors, required: false) ?? ActionStatus.Identified;
        var identifiedOn = input.IdentifiedOn ?? today;
        PlanChecks.HappenedOn(identifiedOn, "identifiedOn", "date identified", who, today, errors);
        if (input.GoalId is { } goalId && !await db.Goals.AnyAsync(g => g.Id == goalId && g.ParticipantId == participantId, cancellationToken))
        {
            errors.Add("goalId", "The goal must be one of this participant's goals: leave it out or choose one from their plan");
        }

        var action = new PlanAction
        {
            ParticipantId = participantId,
            GoalId = input.GoalId,
            Action = template?.Code ?? "",
            ActivityType = template?.ActivityType ?? ActivityType.InformationAdviceGuidance,
            Details = PlanChecks.Clean(input.Details),
            IdentifiedOn = identifiedOn,
        };
        CheckDueOn(action, input.DueOn, errors);
        // A new action starts identified and moves at once to the status sent, by the same rule as any change;
        // dates left out default to the day it was identified.
        ApplyStatus(action, status, input.AgreedOn, input.CompletedOn, input.NotDoneReason, identifiedOn, who, today, errors);
        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            return Result<ActionView>.Invalid(errors);
        }

        db.PlanActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ActionView>.Ok(ToView(action, today));
    }

    public async Task<Result<ActionView>> UpdateActionAsync(
        Guid participantId, Guid actionId, ActionChangeInput input, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        var action = participant is null
            ? null
            : await db.PlanActions.FirstOrDefaultAsync(a => a.Id == actionId && a.ParticipantId == participantId, cancellationToken);
        if (participant is null || action is null)
        {
            return Result<ActionView>.NotFound();
        }

        if (input.Version is { } version && version != action.Version)
        {
            return Result<ActionView>.Conflict("Someone else changed this action after you opened it. Reload it and make your change again.");
        }

        var who = PlanParticipant.From(participant);
        var today = access.Today;
        var errors = new FieldErrors();
        var status = PlanChecks.Enum<ActionStatus>(input.Status, "status", "status", errors, required: false);
        if (input.Details is not null)
        {
            CheckDetails(ActionCatalogue.Find(action.Action), input.Details, errors);
            action.Details = PlanChecks.Clean(input.Details);
        }

        if (input.DueOn is not null)
        {
            CheckDueOn(action, input.DueOn, errors);
        }

        if (!errors.Has("status"))
        {
            ApplyStatus(action, status, input.AgreedOn, input.CompletedOn, input.NotDoneReason, today, who, today, errors);
        }

        Validation.OptionalText(input.Reason, "reason", "reason", PlanChecks.MaxReasonLength, errors);
        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            db.Entry(action).State = EntityState.Detached;
            return Result<ActionView>.Invalid(errors);
        }

        user.Reason = PlanChecks.Clean(input.Reason);
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<ActionView>.Conflict("Someone else changed this action at the same time. Reload it and make your change again.");
        }

        return Result<ActionView>.Ok(ToView(action, today));
    }

    /// <summary>
    /// Actions counted by status across the plans of the lots the user may see, or of one of them.
    /// Counts only, so evaluators may see them too.
    /// </summary>
    public async Task<Result<ActionPlanSummary>> SummaryAsync(string? lotCode, CancellationToken cancellationToken = default)
    {
        var lots = await (await user.VisibleLotsAsync(cancellationToken))
            .OrderBy(l => l.Code)
            .Select(l => new { l.Id, l.Code })
            .ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(lotCode))
        {
            var chosen = lots.FirstOrDefault(l => string.Equals(l.Code, lotCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                // Another lot is answered exactly like one that does not exist.
                return Result<ActionPlanSummary>.Invalid("lotCode",
                    $"'{lotCode.Trim()}' is not a lot you can see. Allowed values: {string.Join(", ", lots.Select(l => l.Code))}");
            }

            lots = [chosen];
        }

        var today = access.Today;
        var lotIds = lots.Select(l => l.Id).ToList();
        var open = ActionStatuses.All.Where(s => s.IsOpen()).ToList();
        var actions = db.PlanActions.AsNoTracking()
            .Join(db.Participants, a => a.ParticipantId, p => p.Id, (a, p) => new { p.LotId, a.Status, a.DueOn })
            .Where(x => lotIds.Contains(x.LotId));
        var byStatus = await actions
            .GroupBy(x => new { x.LotId, x.Status })
            .Select(g => new { g.Key.LotId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var overdue = await actions
            .Where(x => open.Contains(x.Status) && x.DueOn < today)
            .GroupBy(x => x.LotId)
            .Select(g => new { LotId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.LotId, x => x.Count, cancellationToken);

        var perLot = lots.Select(lot => (lot.Code, Counts: ActionCounts.From(
                byStatus.Where(s => s.LotId == lot.Id).ToDictionary(s => s.Status, s => s.Count),
                overdue.GetValueOrDefault(lot.Id))))
            .ToList();
        var all = perLot.Aggregate(ActionCounts.Empty, (sum, lot) => sum + lot.Counts);
        return Result<ActionPlanSummary>.Ok(new ActionPlanSummary(
            string.IsNullOrWhiteSpace(lotCode) ? null : lots[0].Code,
            today,
            all.Identified, all.Agreed, all.Completed, all.NotDone, all.Total, all.NotImplemented, all.Overdue,
            perLot.Select(l => new LotActionSummary(
                l.Code, l.Counts.Identified, l.Counts.Agreed, l.Counts.Completed, l.Counts.NotDone, l.Counts.Total,
                l.Counts.NotImplemented, l.Counts.Overdue)).ToList()));
    }

    private void CheckGoalDates(Goal goal, GoalInput input, PlanParticipant who, FieldErrors errors)
    {
        var today = access.Today;
        PlanChecks.HappenedOn(goal.AgreedOn, "agreedOn", "date agreed", who, today, errors);
        if (input.TargetDate is { } target)
        {
            if (target < goal.AgreedOn)
            {
                errors.Add("targetDate", $"The target date must be on or after the day the goal was agreed, {Formatting.Date(goal.AgreedOn)}");
            }

            goal.TargetDate = target;
        }

        if (input.AchievedOn is { } achieved)
        {
            PlanChecks.HappenedOn(achieved, "achievedOn", "date achieved", who, today, errors);
            if (achieved < goal.AgreedOn)
            {
                errors.Add("achievedOn", $"The date achieved must be on or after the day the goal was agreed, {Formatting.Date(goal.AgreedOn)}");
            }

            goal.AchievedOn = achieved;
        }

        // A changed agreement date must still come before dates kept from earlier.
        if (input.TargetDate is null && goal.TargetDate is { } kept && kept < goal.AgreedOn)
        {
            errors.Add("agreedOn", $"The date agreed must be on or before the goal's target date, {Formatting.Date(kept)}");
        }

        if (input.AchievedOn is null && goal.AchievedOn is { } keptAchieved && keptAchieved < goal.AgreedOn)
        {
            errors.Add("agreedOn", $"The date agreed must be on or before the day the goal was achieved, {Formatting.Date(keptAchieved)}");
        }
    }

    private static void CheckDetails(ActionTemplate? template, string? details, FieldErrors errors)
    {
        if (template is not null && PlanRules.NeedsDetails(template) && string.IsNullOrWhiteSpace(details))
        {
            errors.Add("details", $"Describe the action: \"{template.DisplayName}\" needs details of what is to be done");
        }

        Validation.OptionalText(details, "details", "details", PlanChecks.MaxNotesLength, errors);
    }

    private static void CheckDueOn(PlanAction action, DateOnly? dueOn, FieldErrors errors)
    {
        if (dueOn is not { } due)
        {
            return;
        }

        if (due < action.IdentifiedOn)
        {
            errors.Add("dueOn", $"The due date must be on or after the day the action was identified, {Formatting.Date(action.IdentifiedOn)}");
        }

        action.DueOn = due;
    }

    /// <summary>
    /// Moves the action to <paramref name="requested"/> (or keeps its status) by the plan's rule, with
    /// the dates and reason that status needs; <paramref name="defaultDay"/> stands in for a date left out.
    /// </summary>
    private static void ApplyStatus(
        PlanAction action, ActionStatus? requested, DateOnly? agreedOn, DateOnly? completedOn, string? notDoneReason,
        DateOnly defaultDay, PlanParticipant who, DateOnly today, FieldErrors errors)
    {
        var from = action.Status;
        var to = requested ?? from;
        if (!ActionStatuses.CanMove(from, to))
        {
            var allowed = PlanRules.NextStatuses(from);
            errors.Add("status", $"An action that is {from.DisplayName().ToLowerInvariant()} cannot be moved to {to}. Allowed values: {string.Join(", ", allowed)}");
            return;
        }

        var agreed = action.AgreedOn;
        if (agreedOn is { } a)
        {
            if (to == ActionStatus.Identified)
            {
                errors.Add("agreedOn", "Only an agreed action has a date agreed: set the status to Agreed, or leave the date out");
            }
            else
            {
                PlanChecks.HappenedOn(a, "agreedOn", "date agreed", who, today, errors);
                NotBeforeIdentified(action, a, "agreedOn", "date agreed", errors);
                agreed = a;
            }
        }
        else if (to == ActionStatus.Agreed && from == ActionStatus.Identified)
        {
            agreed = defaultDay;
        }

        DateOnly? completed = null;
        if (completedOn is not null && to != ActionStatus.Completed)
        {
            errors.Add("completedOn", "Only a completed action has a date completed: set the status to Completed, or leave the date out");
        }
        else if (to == ActionStatus.Completed)
        {
            completed = completedOn ?? action.CompletedOn ?? defaultDay;
            if (completedOn is { } c)
            {
                PlanChecks.HappenedOn(c, "completedOn", "date completed", who, today, errors);
                NotBeforeIdentified(action, c, "completedOn", "date completed", errors);
            }

            if (agreed is { } agreedDay && completed < agreedDay && !errors.Has("completedOn"))
            {
                errors.Add("completedOn", $"The date completed must be on or after the day the action was agreed, {Formatting.Date(agreedDay)}");
            }
        }

        string? reason = null;
        var givenReason = PlanChecks.Clean(notDoneReason);
        if (givenReason is not null && to != ActionStatus.NotDone)
        {
            errors.Add("notDoneReason", "Only an action not done has a reason it was not done: set the status to NotDone, or leave the reason out");
        }
        else if (to == ActionStatus.NotDone)
        {
            reason = givenReason ?? action.NotDoneReason;
            if (reason is null)
            {
                errors.Add("notDoneReason", "Enter why the action was not done");
            }

            Validation.OptionalText(reason, "notDoneReason", "reason it was not done", MaxNotDoneReasonLength, errors);
        }

        action.Status = to;
        action.AgreedOn = agreed;
        action.CompletedOn = completed;
        action.NotDoneReason = reason;
    }

    private static void NotBeforeIdentified(PlanAction action, DateOnly date, string field, string label, FieldErrors errors)
    {
        if (date < action.IdentifiedOn && !errors.Has(field))
        {
            errors.Add(field, $"The {label} must be on or after the day the action was identified, {Formatting.Date(action.IdentifiedOn)}");
        }
    }

    private static GoalView ToView(Goal goal) =>
        new(goal.Id, goal.Description, goal.AgreedOn, goal.TargetDate, goal.AchievedOn, goal.AchievedOn is not null, goal.Version);

    private static ActionView ToView(PlanAction action, DateOnly today) => new(
        action.Id,
        action.Action,
        ActionCatalogue.Find(action.Action)?.DisplayName ?? action.Action,
        action.ActivityType,
        action.Details,
        action.Status,
        action.IdentifiedOn,
        action.AgreedOn,
        action.DueOn,
        action.CompletedOn,
        action.NotDoneReason,
        ActionStatuses.IsOverdue(action.Status, action.DueOn, today),
        action.Status.IsNotImplemented(),
        action.GoalId,
        action.Version);
}
