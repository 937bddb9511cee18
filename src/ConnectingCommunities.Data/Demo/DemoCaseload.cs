using ConnectingCommunities.Data.Entities;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// A batch of generated participants with all their records, in the order they are loaded
/// (parents before children, so foreign keys hold at every step).
/// </summary>
public sealed class DemoCaseload
{
    public List<Participant> Participants { get; } = [];
    public List<ParticipantTransfer> Transfers { get; } = [];
    public List<ParticipantBarrier> Barriers { get; } = [];
    public List<BarrierReview> BarrierReviews { get; } = [];
    public List<Goal> Goals { get; } = [];
    public List<PlanAction> Actions { get; } = [];
    public List<Intervention> Interventions { get; } = [];
    public List<ParticipantMilestone> Milestones { get; } = [];

    /// <summary>Every record in the batch, participants included.</summary>
    public long RowCount =>
        (long)Participants.Count + Transfers.Count + Barriers.Count + BarrierReviews.Count + Goals.Count + Actions.Count
        + Interventions.Count + Milestones.Count;

    /// <summary>Adds another batch's records to this one.</summary>
    public void Add(DemoCaseload other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Participants.AddRange(other.Participants);
        Transfers.AddRange(other.Transfers);
        Barriers.AddRange(other.Barriers);
        BarrierReviews.AddRange(other.BarrierReviews);
        Goals.AddRange(other.Goals);
        Actions.AddRange(other.Actions);
        Interventions.AddRange(other.Interventions);
        Milestones.AddRange(other.Milestones);
    }
}
