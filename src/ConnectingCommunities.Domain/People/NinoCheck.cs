using System.Diagnostics.CodeAnalysis;

namespace ConnectingCommunities.Domain.People;

/// <summary>
/// The outcome of checking typed National Insurance number text: either the <see cref="Nino"/>
/// or an error message ready to show next to the field (GOV.UK Design System wording).
/// </summary>
public sealed record NinoCheck
{
    private NinoCheck(Nino nino, string? error)
    {
        Nino = nino;
        Error = error;
    }

    /// <summary>True when the text is a valid number; <see cref="Error"/> is then null.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    /// <summary>The number; the default (empty) number when the text was not valid.</summary>
    public Nino Nino { get; }

    /// <summary>What is wrong, e.g. "Enter a National Insurance number"; null when valid.</summary>
    public string? Error { get; }

    internal static NinoCheck Valid(Nino nino) => new(nino, null);

    internal static NinoCheck Invalid(string error) => new(default, error);
}
