using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectingCommunities.Data.Seed;

/// <summary>The shape of Seed/programme.json, the versioned description of the programme.</summary>
public sealed record ProgrammeSeed(
    int Version,
    ProgrammeSeed.ProgrammeData Programme,
    IReadOnlyList<ProgrammeSeed.GroupData> Groups,
    IReadOnlyList<ProgrammeSeed.LotData> Lots,
    IReadOnlyList<ProgrammeSeed.ProviderData> Providers,
    IReadOnlyList<ProgrammeSeed.ContractData> Contracts,
    IReadOnlyList<ProgrammeSeed.TariffData> Tariffs,
    IReadOnlyList<ProgrammeSeed.TargetData> Targets)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ProgrammeSeed Load()
    {
        using var stream = typeof(ProgrammeSeed).Assembly.GetManifestResourceStream("ConnectingCommunities.Data.Seed.programme.json")
            ?? throw new InvalidOperationException("The programme seed is missing from the Data assembly.");
        return JsonSerializer.Deserialize<ProgrammeSeed>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The programme seed is empty.");
    }

    public sealed record ProgrammeData(
        string Name, string Commissioner, string Funder, DateOnly Start, DateOnly End,
        int EngagementThreshold, string ProgressionDefinition, int SustainmentGapDays);

    public sealed record GroupData(string Key, string Name, string Description);

    public sealed record LotData(
        string Code, string Name, string LocalAuthority, string Group, string LeadOrganisationType,
        decimal Value, bool ConstituentMember, IReadOnlyList<string> PostcodeDistricts,
        int? WorkingAgePopulation, bool WorkingAgePopulationDemo, IReadOnlyList<string> Postcodes);

    public sealed record ProviderData(string Key, string Name, string OrganisationType, bool Demo);

    public sealed record ContractData(
        string Reference, string Lot, string Provider, DateOnly Start, DateOnly? End, string? Notes,
        IReadOnlyList<VariationData> Variations);

    public sealed record VariationData(DateOnly EffectiveFrom, string Title, string Description, bool Demo);

    public sealed record TariffData(
        Domain.Programme.Milestone Milestone, Domain.Programme.Cohort Cohort, DateOnly EffectiveFrom, decimal Amount,
        bool Demo, string? Reason);

    public sealed record TargetData(
        string Lot, Domain.Programme.Milestone Milestone, DateOnly EffectiveFrom, bool Demo, string? Reason,
        IReadOnlyDictionary<string, int> Quarters);
}
