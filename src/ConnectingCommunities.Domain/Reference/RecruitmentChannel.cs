namespace ConnectingCommunities.Domain.Reference;

/// <summary>A kind of recruitment channel, for reports that compare publicity, referral and outreach.</summary>
public sealed record RecruitmentChannelGroup(string Code, string DisplayName) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>How a participant heard about or came to the programme.</summary>
public sealed record RecruitmentChannel(string Code, string DisplayName, RecruitmentChannelGroup Group) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>
/// The recruitment channels the Connecting Communities evaluation found providers using:
/// publicity, referrals from Jobcentre Plus and other organisations, word of mouth, and outreach
/// where people already are (food banks, job clubs, community events).
/// </summary>
public static class RecruitmentChannels
{
    public static RecruitmentChannelGroup PublicityGroup { get; } = new("publicity", "Publicity");

    public static RecruitmentChannelGroup ReferralGroup { get; } = new("referral", "Referral");

    public static RecruitmentChannelGroup OutreachGroup { get; } = new("outreach", "Outreach");

    public static RecruitmentChannelGroup SelfGroup { get; } = new("self", "Word of mouth or self-referral");

    public static RecruitmentChannelGroup OtherGroup { get; } = new("other", "Other");

    public static IReadOnlyList<RecruitmentChannelGroup> Groups { get; } =
        [PublicityGroup, ReferralGroup, OutreachGroup, SelfGroup, OtherGroup];

    public static RecruitmentChannel Leaflet { get; } = new("leaflet", "Leaflet or poster", PublicityGroup);

    public static RecruitmentChannel Event { get; } = new("event", "Programme event", PublicityGroup);

    public static RecruitmentChannel SocialMedia { get; } = new("socialMedia", "Social media", PublicityGroup);

    public static RecruitmentChannel JobcentrePlus { get; } = new("jobcentrePlus", "Jobcentre Plus referral", ReferralGroup);

    public static RecruitmentChannel OtherOrganisationReferral { get; } = new(
        "otherOrganisationReferral", "Referral from another organisation", ReferralGroup);

    public static RecruitmentChannel OutreachFoodBank { get; } = new("outreachFoodBank", "Outreach at a food bank", OutreachGroup);

    public static RecruitmentChannel OutreachJobClub { get; } = new("outreachJobClub", "Outreach at a job club", OutreachGroup);

    public static RecruitmentChannel OutreachCommunityEvent { get; } = new(
        "outreachCommunityEvent", "Outreach at a community event", OutreachGroup);

    public static RecruitmentChannel WordOfMouth { get; } = new("wordOfMouth", "Word of mouth", SelfGroup);

    public static RecruitmentChannel SelfReferralOnline { get; } = new("selfReferralOnline", "Self-referral online", SelfGroup);

    public static RecruitmentChannel Other { get; } = new("other", "Other", OtherGroup);

    public static IReadOnlyList<RecruitmentChannel> All { get; } =
    [
        Leaflet, Event, SocialMedia, JobcentrePlus, OtherOrganisationReferral,
        OutreachFoodBank, OutreachJobClub, OutreachCommunityEvent, WordOfMouth, SelfReferralOnline, Other,
    ];

    public static RecruitmentChannel? Find(string? code) => Catalogue.Find(All, code);

    public static RecruitmentChannelGroup? FindGroup(string? code) => Catalogue.Find(Groups, code);
}
