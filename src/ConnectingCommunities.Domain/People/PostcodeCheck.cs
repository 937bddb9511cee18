using System.Diagnostics.CodeAnalysis;

namespace ConnectingCommunities.Domain.People;

/// <summary>
/// The outcome of checking typed postcode text: either the normalised <see cref="Postcode"/> or
/// an error message ready to show next to the field (GOV.UK Design System wording).
/// </summary>
public sealed record PostcodeCheck
{
    private PostcodeCheck(Postcode postcode, string? error)
    {
        Postcode = postcode;
        Error = error;
    }

    /// <summary>True when the text is a postcode; <see cref="Error"/> is then null.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    /// <summary>The normalised postcode; the default (empty) postcode when the text was not valid.</summary>
    public Postcode Postcode { get; }

    /// <summary>What is wrong, e.g. "Enter a postcode"; null when valid.</summary>
    public string? Error { get; }

    internal static PostcodeCheck Valid(Postcode postcode) => new(postcode, null);

    internal static PostcodeCheck Invalid(string error) => new(default, error);
}
