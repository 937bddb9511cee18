using ConnectingCommunities.Domain.DataExchange;

namespace ConnectingCommunities.Domain.Tests.Privacy;

public sealed class RetentionRulesTests
{
    [Theory]
    [InlineData("2021-12-31", 7, "2028-12-31")]
    [InlineData("2021-03-31", 7, "2028-12-31")]
    [InlineData("2021-12-31", 0, "2021-12-31")]
    [InlineData("2024-06-30", 1, "2025-12-31")]
    public void Data_is_kept_until_31_December_of_the_end_year_plus_the_years(string end, int years, string until) =>
        Assert.Equal(DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
            RetentionRules.RetainUntil(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), years));

    [Fact]
    public void Retention_ends_the_day_after_the_last_day()
    {
        var end = new DateOnly(2021, 12, 31);
        Assert.False(RetentionRules.IsPast(end, 7, new DateOnly(2028, 12, 31)));
        Assert.True(RetentionRules.IsPast(end, 7, new DateOnly(2029, 1, 1)));
    }

    [Fact]
    public void Negative_years_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetentionRules.RetainUntil(new DateOnly(2021, 12, 31), -1));

    [Fact]
    public void A_persons_request_within_retention_is_refused_and_says_what_must_be_kept_and_why()
    {
        var decision = ErasureRules.Decide(ErasureGround.PersonRequested, new DateOnly(2028, 12, 31), new DateOnly(2026, 12, 1), hasClaimsOrPayments: true);

        Assert.False(decision.Allowed);
        Assert.Contains("31 December 2028", decision.Refusal, StringComparison.Ordinal);
        Assert.Contains("claims and payments", decision.Refusal, StringComparison.Ordinal);
        Assert.Equal(2, decision.MustKeep.Count);
        Assert.All(decision.MustKeep, k => Assert.False(string.IsNullOrWhiteSpace(k.Why)));
    }

    [Fact]
    public void Without_claims_the_request_is_still_refused_for_the_audit_duty()
    {
        var decision = ErasureRules.Decide(ErasureGround.PersonRequested, new DateOnly(2028, 12, 31), new DateOnly(2026, 12, 1), hasClaimsOrPayments: false);

        Assert.False(decision.Allowed);
        Assert.Single(decision.MustKeep);
        Assert.DoesNotContain("claims and payments", decision.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ErasureGround.PersonRequested)]
    [InlineData(ErasureGround.RetentionExpired)]
    public void After_retention_either_kind_goes_ahead(ErasureGround ground)
    {
        var decision = ErasureRules.Decide(ground, new DateOnly(2028, 12, 31), new DateOnly(2029, 1, 1), hasClaimsOrPayments: true);

        Assert.True(decision.Allowed);
        Assert.Null(decision.Refusal);
        Assert.Contains(decision.MustKeep, k => k.What.StartsWith("Reference", StringComparison.Ordinal));
    }

    [Fact]
    public void Retention_expired_within_retention_is_refused()
    {
        var decision = ErasureRules.Decide(ErasureGround.RetentionExpired, new DateOnly(2028, 12, 31), new DateOnly(2028, 12, 31), hasClaimsOrPayments: false);

        Assert.False(decision.Allowed);
        Assert.Contains("not past retention", decision.Refusal, StringComparison.Ordinal);
    }
}
