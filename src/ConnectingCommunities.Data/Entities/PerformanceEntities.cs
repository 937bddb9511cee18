using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Entities;

/// <summary>
/// A pre-aggregated count behind the performance views, so that they read thousands of rows
/// rather than millions of participants and milestones. A row with no <see cref="Milestone"/>
/// counts registrations; a milestone row counts milestones achieved in <see cref="AchievedMonth"/>
/// by participants registered in <see cref="RegisteredMonth"/>.
/// Rows are append-only deltas: every change to a participant or milestone adds +1/-1 rows in the
/// same transaction (Performance/PerformanceCountsInterceptor), readers sum them, and a rebuild
/// (nightly, after a bulk load, or `cc performance-counts`) replaces them with one row per key.
/// </summary>
public sealed class PerformanceCount
{
    public long Id { get; set; }
    public Guid LotId { get; set; }

    /// <summary>The provider of the participant's contract; null while they have none.</summary>
    public Guid? ProviderId { get; set; }

    public Cohort Cohort { get; set; }

    /// <summary>Null for a registration count.</summary>
    public Milestone? Milestone { get; set; }

    /// <summary>The first day of the month the participants registered in.</summary>
    public DateOnly RegisteredMonth { get; set; }

    /// <summary>The first day of the month the milestone was achieved in; null for a registration count.</summary>
    public DateOnly? AchievedMonth { get; set; }

    public int Count { get; set; }
}
