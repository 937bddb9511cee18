using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Tests.Reference;

public class EthnicityTests
{
    [Fact]
    public void There_are_19_census_categories_in_5_groups_plus_prefer_not_to_say()
    {
        Assert.Equal(20, Ethnicities.All.Count);
        Assert.Equal(19, Ethnicities.All.Count(e => e.Group is not null));
        Assert.Equal([5, 4, 5, 3, 2], Ethnicities.Groups.Select(g => Ethnicities.InGroup(g).Count));
        Assert.Null(Ethnicities.PreferNotToSay.Group);
        Assert.Same(Ethnicities.PreferNotToSay, Ethnicities.All[^1]);
    }

    [Fact]
    public void Groups_use_census_wording()
    {
        Assert.Equal(
            ["White", "Mixed or Multiple ethnic groups", "Asian or Asian British", "Black, Black British, Caribbean or African", "Other ethnic group"],
            Ethnicities.Groups.Select(g => g.DisplayName));
        Assert.Equal("English, Welsh, Scottish, Northern Irish or British", Ethnicities.WhiteBritish.DisplayName);
        Assert.Same(Ethnicities.BlackGroup, Ethnicities.FindGroup("black"));
    }

    [Fact]
    public void Only_white_british_is_not_minority_ethnic()
    {
        Assert.False(Ethnicities.WhiteBritish.IsMinorityEthnic);
        Assert.True(Ethnicities.WhiteIrish.IsMinorityEthnic);
        Assert.True(Ethnicities.GypsyOrIrishTraveller.IsMinorityEthnic);
        Assert.True(Ethnicities.Roma.IsMinorityEthnic);
        Assert.True(Ethnicities.OtherWhite.IsMinorityEthnic);
        Assert.True(Ethnicities.Pakistani.IsMinorityEthnic);
        Assert.True(Ethnicities.AnyOtherEthnicGroup.IsMinorityEthnic);
        Assert.Equal(18, Ethnicities.All.Count(e => e.IsMinorityEthnic == true));
    }

    [Fact]
    public void Prefer_not_to_say_is_unknown_rather_than_minority_or_not()
    {
        Assert.Null(Ethnicities.PreferNotToSay.IsMinorityEthnic);
    }
}
