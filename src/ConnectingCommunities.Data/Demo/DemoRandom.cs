namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// A small seeded random number generator (xoshiro256** seeded through SplitMix64) for the demo
/// caseload. Its sequence is fixed by this code, not by the runtime, so the same seed gives the
/// same caseload on every machine and .NET version; each participant gets a stream of their own,
/// so the caseload can be generated in any order or in parallel with the same result.
/// Not for anything secret.
/// </summary>
internal sealed class DemoRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public DemoRandom(ulong seed)
    {
        var x = seed;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>A stream for one item (a lot, a participant) of a run with this seed.</summary>
    public static DemoRandom For(int seed, int stream, int item) =>
        new(Mix(((ulong)(uint)seed << 32) ^ (uint)stream) ^ Mix(((ulong)(uint)item << 1) | 1));

    /// <summary>A well-mixed 64-bit value from any input (the SplitMix64 finaliser).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A whole number of days from an exponential distribution with this mean.</summary>
    public int ExponentialDays(double mean) => (int)(-mean * Math.Log(1.0 - NextDouble()));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

/// <summary>A fixed set of choices with weights, picked in proportion to them.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public Weighted(params (T Item, double Weight)[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        items = choices.Select(c => c.Item).ToArray();
        cumulative = new double[choices.Length];
        var total = 0.0;
        for (var i = 0; i < choices.Length; i++)
        {
            total += choices[i].Weight;
            cumulative[i] = total;
        }

        for (var i = 0; i < cumulative.Length; i++)
        {
            cumulative[i] /= total;
        }
    }

    public IReadOnlyList<T> Items => items;

    public T Pick(DemoRandom random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return items[i];
            }
        }

        return items[^1];
    }
}
