using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>A request to make a lot's claim for a month.</summary>
public sealed record ClaimInput
{
    /// <summary>The lot's code, e.g. "WH".</summary>
    public string? LotCode { get; init; }

    /// <summary>The month claimed, written yyyy-MM, e.g. "2021-04": milestones up to its last day are claimed.</summary>
    public string? Period { get; init; }
}

/// <summary>The commissioner's decision on one submitted line.</summary>
public sealed record DecisionInput
{
    /// <summary>Approve, Reject or Return (send back to the provider for correction).</summary>
    public string? Decision { get; init; }

    /// <summary>Why: required to reject or return a line, optional to approve one. Kept in the audit trail.</summary>
    public string? Reason { get; init; }
}

/// <summary>An optional reason for approving every line not picked for audit.</summary>
public sealed record ApproveUnsampledInput
{
    public string? Reason { get; init; }
}

/// <summary>How many lines of a claim are in a status, and what they are worth.</summary>
public sealed record ClaimTotal(ClaimLineStatus Status, int Count, decimal Amount);

/// <summary>Who decided a line, when and why.</summary>
public sealed record ClaimDecisionView(string By, DateTimeOffset At, string? Reason);

/// <summary>One claim line as the API and pages show it.</summary>
public sealed record ClaimLineView(
    Guid Id,
    Guid ParticipantId,
    string ParticipantReference,
    Milestone Milestone,
    DateOnly MilestoneDate,
    Cohort Cohort,
    decimal Amount,
    ClaimLineStatus Status,
    IReadOnlyList<string> ReasonCodes,
    IReadOnlyList<string> Reasons,
    AuditSelectionReason? AuditSelection,
    int EvidenceCount,
    ClaimDecisionView? Decision,
    int Version);

/// <summary>A claim with its totals and lines.</summary>
public sealed record ClaimView(
    Guid Id,
    string Reference,
    string LotCode,
    string LotName,
    Guid ProviderId,
    string Provider,
    string Period,
    DateOnly PeriodEnd,
    ClaimStatus Status,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? SubmittedAt,
    string? SubmittedBy,
    string? AuditSeed,
    int LineCount,
    decimal Amount,
    IReadOnlyList<ClaimTotal> Totals,
    IReadOnlyList<ClaimLineView> Lines,
    int Version);

/// <summary>A claim in a list: no lines, but their counts.</summary>
public sealed record ClaimSummary(
    Guid Id,
    string Reference,
    string LotCode,
    string LotName,
    string Provider,
    string Period,
    ClaimStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    int LineCount,
    decimal Amount,
    int Awaiting,
    int AwaitingSampled);

/// <summary>Which claims to list.</summary>
public sealed record ClaimQuery(string? LotCode = null, string? Period = null, ClaimStatus? Status = null);

/// <summary>An evidence file behind a claim line, with where to download it when the service has a page for that.</summary>
public sealed record ClaimEvidenceView(Guid Id, EvidenceKind Kind, string FileName, long Size, DateTimeOffset UploadedAt, string? DownloadUrl);

/// <summary>One line with the facts it was validated on and its evidence, for the decision page.</summary>
public sealed record ClaimLineDetail(
    ClaimView Claim,
    ClaimLineView Line,
    string ParticipantName,
    DateOnly RegisteredOn,
    string EvidenceSource,
    IReadOnlyList<ClaimEvidenceView> Evidence);

/// <summary>The commissioner's audit sampling settings.</summary>
public sealed record SamplingView(
    decimal Percentage,
    decimal? AllAboveAmount,
    IReadOnlyList<string> FlaggedProviders,
    IReadOnlyList<SamplingProvider> Providers,
    int Version);

/// <summary>A provider and whether every line it claims is picked for audit.</summary>
public sealed record SamplingProvider(Guid Id, string Name, bool FlaggedForAudit);

/// <summary>New sampling settings: the whole set (providers left out are no longer flagged).</summary>
public sealed record SamplingInput
{
    /// <summary>The share of lines picked at random, 0 to 100.</summary>
    public decimal? Percentage { get; init; }

    /// <summary>Every line above this amount (pounds) is picked; null for no such rule.</summary>
    public decimal? AllAboveAmount { get; init; }

    /// <summary>Providers, by name or id, all of whose lines are picked.</summary>
    public IReadOnlyList<string>? FlaggedProviders { get; init; }

    /// <summary>Why the settings changed; kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The version read; a stale one is refused as a conflict.</summary>
    public int? Version { get; init; }
}
