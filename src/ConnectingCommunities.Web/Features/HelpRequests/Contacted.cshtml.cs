using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingCommunities.Web.Features.HelpRequests;

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class ContactedModel(HelpRequestHandler handler) : StatusChangeModel(handler)
{
    protected override HelpRequestStatus Target => HelpRequestStatus.Contacted;

    protected override string Done => "marked as contacted";
}
