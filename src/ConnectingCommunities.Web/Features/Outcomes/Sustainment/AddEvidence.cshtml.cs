using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingCommunities.Web.Features.Outcomes.Sustainment;

/// <summary>Adds an evidence file to a sustainment check already recorded.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class AddEvidenceModel(SustainmentHandler handler, ParticipantAccess access) : EvidencePageModel<SustainmentCheckView>(access)
{
    protected override Task<SustainmentCheckView?> FindRecordAsync(Guid participantId, Guid recordId, CancellationToken cancellationToken) =>
        handler.FindAsync(participantId, recordId, cancellationToken);

    protected override Task<Result<EvidenceView>> AddEvidenceAsync(Guid participantId, Guid recordId, EvidenceUpload? upload, CancellationToken cancellationToken) =>
        handler.AddEvidenceAsync(participantId, recordId, upload, cancellationToken);

    protected override string ReturnUrl(Guid participantId, Guid recordId) => $"/participants/{participantId}#sustainment";
}
