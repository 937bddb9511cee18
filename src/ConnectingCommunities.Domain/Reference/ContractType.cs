namespace ConnectingCommunities.Domain.Reference;

/// <summary>The kind of job a participant started: recorded with a job outcome and compared at progression.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="DisplayName">Words shown to people.</param>
/// <param name="IsEmployment">False for self-employment, whose evidence is not a payslip or HMRC earnings record.</param>
public sealed record ContractType(string Code, string DisplayName, bool IsEmployment) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>Employment contract types in UK employment practice (GOV.UK "Contract types and employer responsibilities"), plus self-employment.</summary>
public static class ContractTypes
{
    public static ContractType Permanent { get; } = new("permanent", "Permanent", true);

    public static ContractType FixedTerm { get; } = new("fixedTerm", "Fixed-term", true);

    public static ContractType Temporary { get; } = new("temporary", "Temporary or agency", true);

    public static ContractType ZeroHours { get; } = new("zeroHours", "Zero-hours", true);

    public static ContractType Apprenticeship { get; } = new("apprenticeship", "Apprenticeship", true);

    public static ContractType SelfEmployed { get; } = new("selfEmployed", "Self-employed", false);

    public static IReadOnlyList<ContractType> All { get; } = [Permanent, FixedTerm, Temporary, ZeroHours, Apprenticeship, SelfEmployed];

    public static ContractType? Find(string? code) => Catalogue.Find(All, code);
}
