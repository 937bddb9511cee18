using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Data.Seed;

/// <summary>Creates the programme of the source documents on an empty database, in one transaction.</summary>
public static class ProgrammeSeeder
{
    public static async Task<bool> SeedIfEmptyAsync(CcDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Programmes.AnyAsync(cancellationToken))
        {
            return false;
        }

        var seed = ProgrammeSeed.Load();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var programme = new ProgrammeRecord
        {
            Name = seed.Programme.Name,
            Commissioner = seed.Programme.Commissioner,
            Funder = seed.Programme.Funder,
            StartDate = seed.Programme.Start,
            EndDate = seed.Programme.End,
            EngagementThreshold = seed.Programme.EngagementThreshold,
            ProgressionDefinition = Enum.Parse<ProgressionDefinition>(seed.Programme.ProgressionDefinition, ignoreCase: true),
            SustainmentGapDays = seed.Programme.SustainmentGapDays,
        };
        db.Programmes.Add(programme);

        var groups = seed.Groups.ToDictionary(
            g => g.Key,
            g => new LotGroup { ProgrammeId = programme.Id, Name = g.Name, Description = g.Description });
        db.LotGroups.AddRange(groups.Values);

        var lots = new Dictionary<string, Lot>();
        foreach (var data in seed.Lots)
        {
            var lot = new Lot
            {
                ProgrammeId = programme.Id,
                Code = data.Code,
                Name = data.Name,
                LocalAuthority = data.LocalAuthority,
                GroupId = groups[data.Group].Id,
                LeadOrganisationType = data.LeadOrganisationType,
                Value = data.Value,
                ConstituentMember = data.ConstituentMember,
                WorkingAgePopulation = data.WorkingAgePopulation,
                WorkingAgePopulationIsDemo = data.WorkingAgePopulationDemo,
            };
            lots[data.Code] = lot;
            db.Lots.Add(lot);
            db.LotPostcodes.AddRange(data.Postcodes.Select(p => new LotPostcode
            {
                LotId = lot.Id,
                Postcode = p,
                District = p.Split(' ')[0],
            }));
        }

        var providers = seed.Providers.ToDictionary(
            p => p.Key,
            p => new Provider { Name = p.Name, OrganisationType = p.OrganisationType, IsDemo = p.Demo });
        db.Providers.AddRange(providers.Values);

        foreach (var data in seed.Contracts)
        {
            var contract = new Contract
            {
                Reference = data.Reference,
                LotId = lots[data.Lot].Id,
                ProviderId = providers[data.Provider].Id,
                StartDate = data.Start,
                EndDate = data.End,
                Notes = data.Notes,
            };
            contract.Variations.AddRange(data.Variations.Select(v => new ContractVariation
            {
                ContractId = contract.Id,
                EffectiveFrom = v.EffectiveFrom,
                Title = v.Title,
                Description = v.Description,
                IsDemo = v.Demo,
            }));
            db.Contracts.Add(contract);
        }

        db.Tariffs.AddRange(seed.Tariffs.Select(t => new Tariff
        {
            ProgrammeId = programme.Id,
            Milestone = t.Milestone,
            Cohort = t.Cohort,
            EffectiveFrom = t.EffectiveFrom,
            Amount = t.Amount,
            Reason = t.Reason,
            IsDemo = t.Demo,
        }));

        foreach (var data in seed.Targets)
        {
            foreach (var (quarterText, count) in data.Quarters)
            {
                if (!Quarter.TryParse(quarterText, out var quarter))
                {
                    throw new InvalidOperationException($"The programme seed has a target for an unreadable quarter '{quarterText}'.");
                }

                db.Targets.Add(new Target
                {
                    LotId = lots[data.Lot].Id,
                    Milestone = data.Milestone,
                    QuarterStart = quarter.Start,
                    Count = count,
                    EffectiveFrom = data.EffectiveFrom,
                    Reason = data.Reason,
                    IsDemo = data.Demo,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
