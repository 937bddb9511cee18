using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ConnectingCommunities.Domain.Claims;

/// <summary>Why a line was picked for audit.</summary>
public enum AuditSelectionReason
{
    /// <summary>The provider is flagged: all its lines are checked.</summary>
    FlaggedProvider = 1,

    /// <summary>The line's amount is above the set value.</summary>
    AboveValue = 2,

    /// <summary>Picked at random at the set percentage.</summary>
    Random = 3,
}

/// <summary>The commissioner's sampling settings.</summary>
/// <param name="Percentage">The share of lines picked at random, 0 to 100.</param>
/// <param name="AllAbove">Every line above this amount is picked; null for no such rule.</param>
/// <param name="FlaggedProviders">Providers all of whose lines are picked.</param>
public sealed record AuditSamplePolicy(decimal Percentage, decimal? AllAbove, IReadOnlySet<Guid> FlaggedProviders);

/// <summary>A line as sampling sees it.</summary>
public readonly record struct AuditCandidate(Guid LineId, Guid ProviderId, decimal Amount);

/// <summary>
/// Picks claim lines for audit. The random pick is reproducible: each line's chance comes from a
/// hash of the sampling seed and the line's id, so the same seed always gives the same sample
/// (an auditor can re-run it) and a provider cannot predict it without the seed.
/// </summary>
public static class AuditSampling
{
    /// <summary>The lines picked and the strongest reason for each (flagged provider, then value, then random).</summary>
    public static IReadOnlyDictionary<Guid, AuditSelectionReason> Select(IEnumerable<AuditCandidate> lines, AuditSamplePolicy policy, string seed)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentOutOfRangeException.ThrowIfNegative(policy.Percentage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(policy.Percentage, 100m);
        var picked = new Dictionary<Guid, AuditSelectionReason>();
        foreach (var line in lines)
        {
            if (policy.FlaggedProviders.Contains(line.ProviderId))
            {
                picked[line.LineId] = AuditSelectionReason.FlaggedProvider;
            }
            else if (policy.AllAbove is { } limit && line.Amount > limit)
            {
                picked[line.LineId] = AuditSelectionReason.AboveValue;
            }
            else if (Draw(seed, line.LineId) * 100m < policy.Percentage)
            {
                picked[line.LineId] = AuditSelectionReason.Random;
            }
        }

        return picked;
    }

    /// <summary>A number from 0 (inclusive) to 1 (exclusive) fixed by the seed and the line.</summary>
    public static decimal Draw(string seed, Guid lineId)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{lineId:N}"));
        var value = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11; // 53 bits
        return value / (decimal)(1UL << 53);
    }
}
