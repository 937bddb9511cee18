namespace ConnectingCommunities.Domain.Reference;

/// <summary>One of the five high-level ethnic groups of the ONS 2021 Census in England.</summary>
public sealed record EthnicGroup(string Code, string DisplayName) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>
/// An ethnic group category of the ONS 2021 Census question for England (19 categories in 5
/// groups), plus "Prefer not to say", which has no group.
/// </summary>
public sealed record Ethnicity(string Code, string DisplayName, EthnicGroup? Group) : IReferenceItem
{
    /// <summary>
    /// Minority ethnic as the programme reports it: every category except "English, Welsh,
    /// Scottish, Northern Irish or British" (so White Irish, Gypsy or Irish Traveller, Roma and
    /// other White backgrounds count). Null when the person preferred not to say: unknown is
    /// neither minority nor majority.
    /// </summary>
    public bool? IsMinorityEthnic => Group is null ? null : Code != Ethnicities.WhiteBritishCode;

    public override string ToString() => DisplayName;
}

/// <summary>The ONS 2021 Census ethnic group categories for England, in the census order.</summary>
public static class Ethnicities
{
    internal const string WhiteBritishCode = "whiteBritish";

    public static EthnicGroup WhiteGroup { get; } = new("white", "White");

    public static EthnicGroup MixedGroup { get; } = new("mixed", "Mixed or Multiple ethnic groups");

    public static EthnicGroup AsianGroup { get; } = new("asian", "Asian or Asian British");

    public static EthnicGroup BlackGroup { get; } = new("black", "Black, Black British, Caribbean or African");

    public static EthnicGroup OtherGroup { get; } = new("other", "Other ethnic group");

    /// <summary>The five groups reports use, in census order.</summary>
    public static IReadOnlyList<EthnicGroup> Groups { get; } = [WhiteGroup, MixedGroup, AsianGroup, BlackGroup, OtherGroup];

    public static Ethnicity WhiteBritish { get; } = new(WhiteBritishCode, "English, Welsh, Scottish, Northern Irish or British", WhiteGroup);

    public static Ethnicity WhiteIrish { get; } = new("whiteIrish", "Irish", WhiteGroup);

    public static Ethnicity GypsyOrIrishTraveller { get; } = new("gypsyOrIrishTraveller", "Gypsy or Irish Traveller", WhiteGroup);

    public static Ethnicity Roma { get; } = new("roma", "Roma", WhiteGroup);

    public static Ethnicity OtherWhite { get; } = new("otherWhite", "Any other White background", WhiteGroup);

    public static Ethnicity WhiteAndBlackCaribbean { get; } = new("whiteAndBlackCaribbean", "White and Black Caribbean", MixedGroup);

    public static Ethnicity WhiteAndBlackAfrican { get; } = new("whiteAndBlackAfrican", "White and Black African", MixedGroup);

    public static Ethnicity WhiteAndAsian { get; } = new("whiteAndAsian", "White and Asian", MixedGroup);

    public static Ethnicity OtherMixed { get; } = new("otherMixed", "Any other Mixed or Multiple ethnic background", MixedGroup);

    public static Ethnicity Indian { get; } = new("indian", "Indian", AsianGroup);

    public static Ethnicity Pakistani { get; } = new("pakistani", "Pakistani", AsianGroup);

    public static Ethnicity Bangladeshi { get; } = new("bangladeshi", "Bangladeshi", AsianGroup);

    public static Ethnicity Chinese { get; } = new("chinese", "Chinese", AsianGroup);

    public static Ethnicity OtherAsian { get; } = new("otherAsian", "Any other Asian background", AsianGroup);

    public static Ethnicity Caribbean { get; } = new("caribbean", "Caribbean", BlackGroup);

    public static Ethnicity African { get; } = new("african", "African", BlackGroup);

    public static Ethnicity OtherBlack { get; } = new("otherBlack", "Any other Black, Black British or Caribbean background", BlackGroup);

    public static Ethnicity Arab { get; } = new("arab", "Arab", OtherGroup);

    public static Ethnicity AnyOtherEthnicGroup { get; } = new("anyOtherEthnicGroup", "Any other ethnic group", OtherGroup);

    public static Ethnicity PreferNotToSay { get; } = new("preferNotToSay", "Prefer not to say", null);

    /// <summary>All 19 census categories in census order, then "Prefer not to say".</summary>
    public static IReadOnlyList<Ethnicity> All { get; } =
    [
        WhiteBritish, WhiteIrish, GypsyOrIrishTraveller, Roma, OtherWhite,
        WhiteAndBlackCaribbean, WhiteAndBlackAfrican, WhiteAndAsian, OtherMixed,
        Indian, Pakistani, Bangladeshi, Chinese, OtherAsian,
        Caribbean, African, OtherBlack,
        Arab, AnyOtherEthnicGroup,
        PreferNotToSay,
    ];

    public static Ethnicity? Find(string? code) => Catalogue.Find(All, code);

    public static EthnicGroup? FindGroup(string? code) => Catalogue.Find(Groups, code);

    /// <summary>The categories of a group, in census order.</summary>
    public static IReadOnlyList<Ethnicity> InGroup(EthnicGroup group) => All.Where(e => e.Group == group).ToList();
}
