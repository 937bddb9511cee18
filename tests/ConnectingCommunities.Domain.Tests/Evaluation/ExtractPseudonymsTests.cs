using System.Security.Cryptography;
using System.Text;
using ConnectingCommunities.Domain.Evaluation;

namespace ConnectingCommunities.Domain.Tests.Evaluation;

public class ExtractPseudonymsTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_follows_the_rfc_4648_test_vectors_without_padding(string input, string expected) =>
        Assert.Equal(expected, Pseudonyms.Base32(Encoding.ASCII.GetBytes(input)));

    [Fact]
    public void A_pseudonym_is_the_first_12_base32_characters_of_the_hmac_of_the_id()
    {
        var id = Guid.Parse("0190d7a2-5c3e-7b4a-9f10-2b3c4d5e6f70");
        var expected = Pseudonyms.Base32(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("0190d7a2-5c3e-7b4a-9f10-2b3c4d5e6f70")))[..12];

        var pseudonym = Pseudonyms.For(Key, id);

        Assert.Equal(expected, pseudonym);
        Assert.Equal(Pseudonyms.Length, pseudonym.Length);
        Assert.Matches("^[A-Z2-7]{12}$", pseudonym);
    }

    [Fact]
    public void The_same_key_and_id_give_the_same_pseudonym_and_others_differ()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => Guid.CreateVersion7()).ToList();
        var first = ids.Select(id => Pseudonyms.For(Key, id)).ToList();

        Assert.Equal(first, ids.Select(id => Pseudonyms.For(Key, id)));
        Assert.Equal(ids.Count, first.Distinct().Count());

        var otherKey = Pseudonyms.NewKey();
        Assert.Equal(Pseudonyms.KeyBytes, otherKey.Length);
        Assert.NotEqual(first[0], Pseudonyms.For(otherKey, ids[0]));
    }

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => Pseudonyms.For(new byte[16], Guid.NewGuid()));
}
