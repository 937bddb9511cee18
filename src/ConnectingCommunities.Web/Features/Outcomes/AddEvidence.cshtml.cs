using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>Adds an evidence file to a job start already recorded.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class AddEvidenceModel(JobStartHandler handler, ParticipantAccess access) : EvidencePageModel<JobStartView>(access)
{
    protected override async Task<JobStartView?> FindRecordAsync(Guid participantId, Guid recordId, CancellationToken cancellationToken) =>
        (await handler.ListAsync(participantId, logView: false, cancellationToken))?.FirstOrDefault(j => j.Id == recordId);

    protected override Task<Result<EvidenceView>> AddEvidenceAsync(Guid participantId, Guid recordId, EvidenceUpload? upload, CancellationToken cancellationToken) =>
        handler.AddEvidenceAsync(participantId, recordId, upload, cancellationToken);

    protected override string ReturnUrl(Guid participantId, Guid recordId) => $"/participants/{participantId}#jobs";
}
