namespace ConnectingCommunities.Domain.Programme;

/// <summary>An inclusive range of calendar days; an open end means "until further notice".</summary>
public readonly record struct DateRange(DateOnly Start, DateOnly? End)
{
    public bool IsValid => End is null || End.Value >= Start;

    public bool Contains(DateOnly day) => day >= Start && (End is null || day <= End.Value);

    public bool Overlaps(DateRange other) =>
        Start <= (other.End ?? DateOnly.MaxValue) && other.Start <= (End ?? DateOnly.MaxValue);
}
