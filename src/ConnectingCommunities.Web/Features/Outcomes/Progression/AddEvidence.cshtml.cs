using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingCommunities.Web.Features.Outcomes.Progression;

/// <summary>Adds an evidence file to a progression already recorded.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class AddEvidenceModel(ProgressionHandler handler, ParticipantAccess access) : EvidencePageModel<ProgressionView>(access)
{
    protected override Task<ProgressionView?> FindRecordAsync(Guid participantId, Guid recordId, CancellationToken cancellationToken) =>
        handler.FindAsync(participantId, recordId, cancellationToken);

    protected override Task<Result<EvidenceView>> AddEvidenceAsync(Guid participantId, Guid recordId, EvidenceUpload? upload, CancellationToken cancellationToken) =>
        handler.AddEvidenceAsync(participantId, recordId, upload, cancellationToken);

    protected override string ReturnUrl(Guid participantId, Guid recordId) => $"/participants/{participantId}/progressions/{recordId}";
}
