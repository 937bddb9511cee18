namespace ConnectingCommunities.Domain.Performance;

/// <summary>Red, amber or green against the target to date; None when there is no target to compare with.</summary>
public enum Rag
{
    None = 0,
    Red = 1,
    Amber = 2,
    Green = 3,
}

/// <summary>
/// The programme's RAG thresholds, in percent of the target to date: green from
/// <paramref name="GreenFromPercent"/> (95 by default), amber from <paramref name="AmberFromPercent"/>
/// (80), red below. A figure exactly on a threshold takes the better colour.
/// </summary>
public sealed record RagThresholds(decimal GreenFromPercent, decimal AmberFromPercent)
{
    public static readonly RagThresholds Default = new(95m, 80m);

    /// <summary>Why the thresholds cannot be used, keyed by field name; empty when they can.</summary>
    public static IReadOnlyDictionary<string, string> Check(decimal greenFromPercent, decimal amberFromPercent)
    {
        var errors = new Dictionary<string, string>();
        if (greenFromPercent is <= 0m or > 1000m)
        {
            errors["ragGreenFromPercent"] = "Green from must be more than 0% and no more than 1,000%";
        }

        if (amberFromPercent is < 0m or > 1000m)
        {
            errors["ragAmberFromPercent"] = "Amber from must be between 0% and 1,000%";
        }
        else if (!errors.ContainsKey("ragGreenFromPercent") && amberFromPercent >= greenFromPercent)
        {
            errors["ragAmberFromPercent"] = "Amber from must be lower than green from";
        }

        return errors;
    }

    /// <summary>The status of <paramref name="percentOfTarget"/>, a fraction (0.95 is 95%); None when there is no target.</summary>
    public Rag Of(decimal? percentOfTarget) => percentOfTarget switch
    {
        null => Rag.None,
        { } p when p * 100m >= GreenFromPercent => Rag.Green,
        { } p when p * 100m >= AmberFromPercent => Rag.Amber,
        _ => Rag.Red,
    };
}
