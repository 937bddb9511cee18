using ConnectingCommunities.TestSupport;

namespace ConnectingCommunities.Web.Tests.Infrastructure;

/// <summary>Who should get what, for tests that try every role against an endpoint or page.</summary>
public static class Access
{
    public static TheoryData<string> EveryRole => new(DemoUsers.OnePerRole);

    public static TheoryData<string> EveryoneButCommissioners => new(DemoUsers.NonCommissioners);
}
