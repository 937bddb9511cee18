using ConnectingCommunities.Data.Entities;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// A batch of generated records, in the order they are loaded (parents before children, so
/// foreign keys hold at every step): employers, their relationships, vacancies and postcode coordinates
/// with the first batch, then participants and their records (job goals, referrals, match reviews and
/// indicator assessments after the records they point at), and claims with their payment runs in the last batch.
/// </summary>
public sealed class DemoCaseload
{
    public List<Employer> Employers { get; } = [];
    public List<Participant> Participants { get; } = [];
    public List<ParticipantTransfer> Transfers { get; } = [];
    public List<ParticipantBarrier> Barriers { get; } = [];
    public List<BarrierReview> BarrierReviews { get; } = [];
    public List<Goal> Goals { get; } = [];
    public List<PlanAction> Actions { get; } = [];
    public List<Intervention> Interventions { get; } = [];
    public List<ParticipantMilestone> Milestones { get; } = [];
    public List<JobStart> JobStarts { get; } = [];
    public List<SustainmentCheck> SustainmentChecks { get; } = [];
    public List<ProgressionRecord> ProgressionRecords { get; } = [];
    public List<EvidenceFile> EvidenceFiles { get; } = [];
    public List<OutcomeClaim> Claims { get; } = [];
    public List<ClaimLine> ClaimLines { get; } = [];
    public List<PaymentRun> PaymentRuns { get; } = [];
    public List<PaymentRunLine> PaymentRunLines { get; } = [];

    // Job brokerage (DemoBrokerage): programme-wide records with the first batch, then each batch's participants' own.
    public List<PostcodeLocation> PostcodeLocations { get; } = [];
    public List<EmployerRelationship> EmployerRelationships { get; } = [];
    public List<EmployerContact> EmployerContacts { get; } = [];
    public List<EmployerActivity> EmployerActivities { get; } = [];
    public List<Vacancy> Vacancies { get; } = [];
    public List<JobGoals> JobGoals { get; } = [];
    public List<Referral> Referrals { get; } = [];
    public List<ReferralEvent> ReferralEvents { get; } = [];
    public List<MatchReview> MatchReviews { get; } = [];

    /// <summary>Theory of Change indicators at baseline and follow-up (DemoIndicators).</summary>
    public List<IndicatorAssessment> IndicatorAssessments { get; } = [];

    /// <summary>The bytes of each evidence file of the batch, by stored file name, for the evidence folder.</summary>
    public List<(string StoredFileName, byte[] Content)> EvidenceContent { get; } = [];

    /// <summary>Every record in the batch, participants included.</summary>
    public long RowCount =>
        (long)Employers.Count + Participants.Count + Transfers.Count + Barriers.Count + BarrierReviews.Count + Goals.Count + Actions.Count
        + Interventions.Count + Milestones.Count + JobStarts.Count + SustainmentChecks.Count + ProgressionRecords.Count + EvidenceFiles.Count
        + Claims.Count + ClaimLines.Count + PaymentRuns.Count + PaymentRunLines.Count
        + PostcodeLocations.Count + EmployerRelationships.Count + EmployerContacts.Count + EmployerActivities.Count + Vacancies.Count
        + JobGoals.Count + Referrals.Count + ReferralEvents.Count + MatchReviews.Count + IndicatorAssessments.Count;

    /// <summary>Adds another batch's records to this one.</summary>
    public void Add(DemoCaseload other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Employers.AddRange(other.Employers);
        Participants.AddRange(other.Participants);
        Transfers.AddRange(other.Transfers);
        Barriers.AddRange(other.Barriers);
        BarrierReviews.AddRange(other.BarrierReviews);
        Goals.AddRange(other.Goals);
        Actions.AddRange(other.Actions);
        Interventions.AddRange(other.Interventions);
        Milestones.AddRange(other.Milestones);
        JobStarts.AddRange(other.JobStarts);
        SustainmentChecks.AddRange(other.SustainmentChecks);
        ProgressionRecords.AddRange(other.ProgressionRecords);
        EvidenceFiles.AddRange(other.EvidenceFiles);
        Claims.AddRange(other.Claims);
        ClaimLines.AddRange(other.ClaimLines);
        PaymentRuns.AddRange(other.PaymentRuns);
        PaymentRunLines.AddRange(other.PaymentRunLines);
        PostcodeLocations.AddRange(other.PostcodeLocations);
        EmployerRelationships.AddRange(other.EmployerRelationships);
        EmployerContacts.AddRange(other.EmployerContacts);
        EmployerActivities.AddRange(other.EmployerActivities);
        Vacancies.AddRange(other.Vacancies);
        JobGoals.AddRange(other.JobGoals);
        Referrals.AddRange(other.Referrals);
        ReferralEvents.AddRange(other.ReferralEvents);
        MatchReviews.AddRange(other.MatchReviews);
        IndicatorAssessments.AddRange(other.IndicatorAssessments);
        EvidenceContent.AddRange(other.EvidenceContent);
    }
}
