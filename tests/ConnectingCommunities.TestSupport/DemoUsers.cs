namespace ConnectingCommunities.TestSupport;

/// <summary>The demo users the app seeds, by role, for tests that try every role.</summary>
public static class DemoUsers
{
    public const string Commissioner = "commissioner@demo.test";
    public const string Evaluator = "evaluator@demo.test";

    public static readonly IReadOnlyList<string> LotCodes = ["BL", "BB", "CN", "WH", "SE", "CW", "BW", "CH", "GL"];

    public static string Manager(string lot) => $"manager.{lot.ToLowerInvariant()}@demo.test";

    public static string Advisor(string lot) => $"advisor.{lot.ToLowerInvariant()}@demo.test";

    /// <summary>One user of each role: the lot-scoped ones belong to Washwood Heath (WH).</summary>
    public static readonly IReadOnlyList<string> OnePerRole = [Commissioner, Evaluator, Manager("WH"), Advisor("WH")];

    public static readonly IReadOnlyList<string> NonCommissioners = [Evaluator, Manager("WH"), Advisor("WH")];
}
