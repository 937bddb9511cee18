using System.Security.Cryptography;
using System.Text;

namespace ConnectingCommunities.Domain.Evaluation;

/// <summary>
/// Stable pseudonyms for the evaluation's extract: the first 12 characters of the base32 (RFC 4648,
/// upper case, no padding) form of HMAC-SHA256(key, id), where id is the participant's internal id in
/// its 36-character lower-case form as UTF-8. The same key gives the same pseudonym in every download,
/// so an evaluator can join extracts taken on different days; without the key (held by the platform and
/// never shown) the pseudonym cannot be turned back into the participant or recomputed from anything
/// the evaluator holds. 12 base32 characters carry 60 bits: a collision among a million participants
/// has a probability of about 1 in 2.3 million.
/// </summary>
public static class Pseudonyms
{
    /// <summary>Characters in a pseudonym.</summary>
    public const int Length = 12;

    /// <summary>Bytes of key: the HMAC-SHA256 block is 64, its output 32; 32 random bytes give 256 bits.</summary>
    public const int KeyBytes = 32;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The participant's pseudonym under the key.</summary>
    public static string For(ReadOnlySpan<byte> key, Guid participantId)
    {
        if (key.Length < KeyBytes)
        {
            throw new ArgumentException($"The pseudonym key must be at least {KeyBytes} bytes.", nameof(key));
        }

        var message = Encoding.UTF8.GetBytes(participantId.ToString("D"));
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, message, hash);
        return Base32(hash)[..Length];
    }

    /// <summary>A new random key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    /// <summary>RFC 4648 base32, upper case, without padding.</summary>
    public static string Base32(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder((data.Length * 8 + 4) / 5);
        var buffer = 0;
        var bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
