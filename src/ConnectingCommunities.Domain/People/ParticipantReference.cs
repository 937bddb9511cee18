namespace ConnectingCommunities.Domain.People;

/// <summary>The reference people quote for a participant: the lot's code and a number within the lot, e.g. WH-000123.</summary>
public static class ParticipantReference
{
    public const int Digits = 6;

    public static string For(string lotCode, int number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lotCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return $"{lotCode.ToUpperInvariant()}-{number.ToString($"D{Digits}", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
