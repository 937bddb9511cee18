using System.Buffers.Binary;
using System.Globalization;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// Adds job brokerage and the Theory of Change indicators to the generated demo caseload, batch by batch:
/// with the first batch, the programme-wide records (a few hundred employers, each lot's relationships, contacts
/// and activity history with them, vacancies over the programme's years and a set open now, and coordinates for
/// every synthetic postcode); with each batch of participants, their job goals, referrals (a share of their job
/// starts came through one, others were unsuccessful or withdrawn), match reviews for every completed "identify
/// jobs that match skills" action, and baseline and follow-up indicator assessments.
/// </summary>
/// <remarks>
/// Deterministic: the same programme, seed and day give the same records, ids included. The caseload is
/// streamed: per batch, only that batch's participants are read, so memory stays bounded however many there are.
/// </remarks>
public sealed class DemoBrokerage
{
    private const int EmployerStream = 101;
    private const int VacancyStream = 102;
    private const int ParticipantStream = 103;
    private const int OpenVacancyStream = 104;

    /// <summary>Invented employers added to those the job starts already name, so the programme has a few hundred.</summary>
    public const int LocalEmployersPerLot = 28;

    /// <summary>Open vacancies per lot on the day the demo is made.</summary>
    public const int OpenVacanciesPerLot = 60;

    /// <summary>The share of job starts that came through a referral to a vacancy.</summary>
    public const double ReferredJobStartShare = 0.4;

    /// <summary>1 January 2019 in Unix milliseconds: demo brokerage ids, apart from the caseload's (from 2018) and the service's.</summary>
    private const long IdOrigin = 1_546_300_800_000;

    private readonly DemoProgramme programme;
    private readonly int seed;
    private readonly DateOnly today;
    private readonly DateOnly deliveryEnd;
    private readonly IReadOnlySet<string> locatedAlready;
    private readonly IReadOnlySet<(Guid EmployerId, Guid LotId)> relationshipsAlready;
    private readonly Dictionary<Guid, DemoLot> lotsById;
    private long nextId;

    // Programme-wide, made on the first batch and read by every later one.
    private readonly Dictionary<Guid, (string? Postcode, JobSector Sector)> employerInfo = [];
    private readonly Dictionary<Guid, List<Vacancy>> historicByLot = [];

    /// <param name="programme">The programme as set up (see <see cref="DemoProgramme.LoadAsync"/>).</param>
    /// <param name="seed">The caseload's seed.</param>
    /// <param name="today">The day the demo is made: open vacancies close after it.</param>
    /// <param name="locatedAlready">Postcodes that already have coordinates, left as they are.</param>
    /// <param name="relationshipsAlready">Employer and lot pairs that already work together, left as they are.</param>
    public DemoBrokerage(
        DemoProgramme programme,
        int seed,
        DateOnly today,
        IReadOnlySet<string>? locatedAlready = null,
        IReadOnlySet<(Guid EmployerId, Guid LotId)>? relationshipsAlready = null)
    {
        ArgumentNullException.ThrowIfNull(programme);
        this.programme = programme;
        this.seed = seed;
        this.today = today;
        deliveryEnd = today < programme.End ? today : programme.End;
        this.locatedAlready = locatedAlready ?? new HashSet<string>(StringComparer.Ordinal);
        this.relationshipsAlready = relationshipsAlready ?? new HashSet<(Guid, Guid)>();
        lotsById = programme.Lots.ToDictionary(l => l.Id);
    }

    /// <summary>The generator's whole caseload with brokerage and indicators added, in one batch (for tests).</summary>
    public static DemoCaseload GenerateAll(DemoCaseloadGenerator generator, DemoProgramme programme, int seed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var all = new DemoCaseload();
        foreach (var batch in new DemoBrokerage(programme, seed, today).Extend(generator.Generate()))
        {
            all.Add(batch);
        }

        return all;
    }

    /// <summary>The batches with brokerage and indicator records added to each, the programme-wide ones to the first.</summary>
    public IEnumerable<DemoCaseload> Extend(IEnumerable<DemoCaseload> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        nextId = 0;
        employerInfo.Clear();
        historicByLot.Clear();
        var first = true;
        foreach (var batch in batches)
        {
            if (first)
            {
                AddProgrammeRecords(batch);
                first = false;
            }

            AddParticipantRecords(batch);
            DemoIndicators.Add(batch, seed, deliveryEnd, NextId);
            yield return batch;
        }
    }

    /// <summary>
    /// A deterministic UUIDv7 from a running counter: batches are extended in order, so the same caseload gets the
    /// same ids; the timestamp starts at <see cref="IdOrigin"/>, where neither the caseload's ids nor the service's fall.
    /// </summary>
    private Guid NextId()
    {
        var n = nextId++;
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)(IdOrigin + (n >> 12)) << 16);
        bytes[6] = (byte)(0x70 | (int)((n >> 8) & 0x0F));
        bytes[7] = (byte)(n & 0xFF);
        var random = DemoRandom.Mix(((ulong)(uint)seed << 32) ^ (ulong)n ^ 0xB20CE5A6EUL);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (random & 0x3FFF_FFFF_FFFF_FFFFUL) | 0x8000_0000_0000_0000UL);
        return new Guid(bytes, bigEndian: true);
    }

    private static DateTimeOffset At(DateOnly day, int minutes = 10 * 60) => DemoCalendar.UkTimeToUtc(day, minutes);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Between(DateOnly from, DateOnly to, DemoRandom random) =>
        to <= from ? from : from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>The hourly wage of a job starting on a day: the National Living Wage then, plus the job's premium and a little more.</summary>
    private static decimal WageFor(DemoJob job, DateOnly startsOn, DemoRandom random)
    {
        var living = NationalLivingWage.Published.RateInForceOn(startsOn)?.HourlyRate ?? NationalLivingWage.PublishedRates[0].HourlyRate;
        return decimal.Round(living + job.Premium + (random.Next(40) * 0.05m), 2);
    }

    // ----- Programme-wide records -----

    private void AddProgrammeRecords(DemoCaseload batch)
    {
        var random = DemoRandom.For(seed, EmployerStream, 0);
        AddLocations(batch);
        var employers = EnrichJobStartEmployers(batch);
        employers.AddRange(InventEmployers(batch, random));
        foreach (var (employer, sector, lotCode) in employers)
        {
            employerInfo[employer] = (employerInfo.GetValueOrDefault(employer).Postcode, sector);
            foreach (var lot in LotsWorkingWith(lotCode, random))
            {
                if (relationshipsAlready.Contains((employer, lot.Id)))
                {
                    continue;
                }

                var began = AddRelationship(batch, employer, lot, random);
                AddContacts(batch, employer, lot, began, random);
                AddActivities(batch, employer, lot, began, random);
                AddHistoricVacancies(batch, employer, sector, lot, began, random);
            }
        }

        AddOpenVacancies(batch, employers);
    }

    /// <summary>Coordinates for every postcode of every lot's area: participants, employers and vacancies all use these.</summary>
    private void AddLocations(DemoCaseload batch)
    {
        foreach (var lot in programme.Lots)
        {
            var (lat, lon) = DemoBrokerageCatalogue.LotCentres.GetValueOrDefault(lot.Code, DemoBrokerageCatalogue.DefaultCentre);
            foreach (var postcode in lot.Postcodes.Distinct(StringComparer.Ordinal))
            {
                if (locatedAlready.Contains(postcode) || batch.PostcodeLocations.Any(l => l.Postcode == postcode))
                {
                    continue;
                }

                // A point within the lot's radius, fixed by the postcode itself (uniform over the disc).
                var hash = DemoRandom.Mix(StableHash(postcode) ^ (ulong)(uint)seed);
                var random = new DemoRandom(hash);
                var distance = DemoBrokerageCatalogue.LotRadiusMiles * Math.Sqrt(random.NextDouble());
                var bearing = 2 * Math.PI * random.NextDouble();
                var location = new PostcodeLocation
                {
                    Postcode = postcode,
                    Latitude = Math.Round(lat + (distance * Math.Cos(bearing) / 69.0), 6),
                    Longitude = Math.Round(lon + (distance * Math.Sin(bearing) / (69.0 * Math.Cos(lat * Math.PI / 180))), 6),
                    IsDemo = true,
                };
                batch.PostcodeLocations.Add(location);
            }
        }
    }

    private static ulong StableHash(string text)
    {
        var h = 1469598103934665603UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    /// <summary>
    /// The employers the job starts name (made by the caseload generator, in the first batch, or already in the
    /// database): the same records, given the sector, size and address the generator leaves out.
    /// </summary>
    private List<(Guid Id, JobSector Sector, string? LotCode)> EnrichJobStartEmployers(DemoCaseload batch)
    {
        var byName = batch.Employers.ToDictionary(e => e.NormalisedName, StringComparer.Ordinal);
        var list = new List<(Guid, JobSector, string?)>();
        for (var e = 0; e < DemoJobs.Employers.Length; e++)
        {
            var demo = DemoJobs.Employers[e];
            var normalised = demo.Name.ToLowerInvariant();
            var lot = demo.LotCode is null ? null : programme.Lots.FirstOrDefault(l => l.Code == demo.LotCode);
            if (byName.TryGetValue(normalised, out var employer))
            {
                employer.SicSection ??= demo.Name.EndsWith(" Council", StringComparison.Ordinal) ? "O" : DemoBrokerageCatalogue.SicSectionOf(demo.Sector);
                employer.SizeBand ??= demo.LotCode is null || demo.Name.EndsWith(" Council", StringComparison.Ordinal)
                    ? EmployerSizeBands.Large.Code
                    : EmployerSizeBands.Medium.Code;
                employer.Town ??= lot?.LocalAuthority;
                employerInfo[employer.Id] = (employer.Postcode, demo.Sector);
                list.Add((employer.Id, demo.Sector, demo.LotCode));
            }
            else if (programme.ExistingEmployers.TryGetValue(normalised, out var id))
            {
                employerInfo[id] = (null, demo.Sector);
                list.Add((id, demo.Sector, demo.LotCode));
            }
        }

        return list;
    }

    /// <summary>Local employers with invented names ("Leamore Fabrications Ltd"), each local to one lot.</summary>
    private List<(Guid Id, JobSector Sector, string? LotCode)> InventEmployers(DemoCaseload batch, DemoRandom random)
    {
        var taken = new HashSet<string>(programme.ExistingEmployers.Keys, StringComparer.Ordinal);
        taken.UnionWith(batch.Employers.Select(e => e.NormalisedName));
        var list = new List<(Guid, JobSector, string?)>();
        foreach (var lot in programme.Lots.OrderBy(l => l.Code, StringComparer.Ordinal))
        {
            if (lot.Postcodes.Count == 0)
            {
                continue;
            }

            var places = DemoBrokerageCatalogue.Places.GetValueOrDefault(lot.Code) ?? [lot.Name];
            for (var k = 0; k < LocalEmployersPerLot; k++)
            {
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    var sector = DemoJobs.Sectors.Pick(random);
                    var kind = random.Pick(DemoBrokerageCatalogue.Businesses[sector]);
                    var suffix = sector == JobSector.PublicSector || random.Chance(0.08) ? "" : random.Chance(0.1) ? " CIC" : " Ltd";
                    var name = $"{random.Pick(places)} {kind}{suffix}";
                    var normalised = name.ToLowerInvariant();
                    var existing = programme.ExistingEmployers.TryGetValue(normalised, out var id);
                    if (!taken.Add(normalised) && !existing)
                    {
                        continue;
                    }

                    if (!existing)
                    {
                        var employer = DemoEntities.New<Employer>();
                        employer.Id = NextId();
                        employer.Name = name;
                        employer.NormalisedName = normalised;
                        employer.Postcode = random.Pick(lot.Postcodes);
                        employer.SicSection = DemoBrokerageCatalogue.SicSectionOf(sector);
                        employer.SizeBand = random.Pick(LocalSizes).Code;
                        employer.CompaniesHouseNumber = suffix.Length > 0 && random.Chance(0.8)
                            ? "0" + random.Between(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture)
                            : null;
                        employer.AddressLine1 = $"{random.Between(1, 240).ToString(CultureInfo.InvariantCulture)} {random.Pick(DemoNames.Streets)}";
                        employer.Town = lot.LocalAuthority;
                        employer.AddedByLotId = lot.Id;
                        employer.AddedById = lot.Advisor?.Id;
                        employer.CreatedAt = At(programme.Start);
                        batch.Employers.Add(employer);
                        id = employer.Id;
                        employerInfo[id] = (employer.Postcode, sector);
                    }

                    list.Add((id, sector, lot.Code));
                    break;
                }
            }
        }

        return list;
    }

    /// <summary>A local employer works with its own lot (now and then a neighbour too); a national one with three to seven lots.</summary>
    private List<DemoLot> LotsWorkingWith(string? lotCode, DemoRandom random)
    {
        var lots = programme.Lots.Where(l => l.Postcodes.Count > 0).OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        if (lots.Count == 0)
        {
            return [];
        }

        var own = lotCode is null ? null : lots.FirstOrDefault(l => l.Code == lotCode);
        var chosen = new List<DemoLot>();
        if (own is not null)
        {
            chosen.Add(own);
            if (random.Chance(0.12))
            {
                var other = random.Pick(lots);
                if (other != own)
                {
                    chosen.Add(other);
                }
            }

            return chosen;
        }

        var count = Math.Min(lots.Count, random.Between(3, 7));
        foreach (var lot in lots.OrderBy(_ => random.NextDouble()).Take(count).OrderBy(l => l.Code, StringComparer.Ordinal))
        {
            chosen.Add(lot);
        }

        return chosen;
    }

    private DateOnly AddRelationship(DemoCaseload batch, Guid employer, DemoLot lot, DemoRandom random)
    {
        var method = DemoBrokerageCatalogue.Methods.Pick(random);
        var latest = Later(programme.Start, deliveryEnd.AddDays(-120));
        var began = method == EmployerEngagementMethods.ExistingLinks
            ? programme.Start.AddDays(-random.Between(60, 1500))
            : Between(programme.Start, Earlier(latest, programme.Start.AddDays(900)), random);
        var relationship = DemoEntities.New<EmployerRelationship>();
        relationship.Id = NextId();
        relationship.EmployerId = employer;
        relationship.LotId = lot.Id;
        relationship.EngagementMethod = method.Code;
        relationship.BeganOn = began;
        relationship.Notes = DemoBrokerageCatalogue.MethodNote(method.Code);
        relationship.CreatedById = lot.Advisor?.Id;
        relationship.CreatedAt = At(Later(began, programme.Start));
        batch.EmployerRelationships.Add(relationship);
        return began;
    }

    private void AddContacts(DemoCaseload batch, Guid employer, DemoLot lot, DateOnly began, DemoRandom random)
    {
        var count = random.Between(1, 3);
        for (var c = 0; c < count; c++)
        {
            var first = random.Pick(DemoBrokerageCatalogue.ContactFirstNames);
            var last = random.Pick(DemoBrokerageCatalogue.ContactLastNames);
            var contact = DemoEntities.New<EmployerContact>();
            contact.Id = NextId();
            contact.EmployerId = employer;
            contact.LotId = lot.Id;
            contact.Name = $"{first} {last}";
            contact.JobTitle = random.Pick(DemoBrokerageCatalogue.ContactJobTitles);
            // The reserved example.org domain and Ofcom's numbers for drama: nobody real.
            contact.Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{random.Between(1, 99).ToString(CultureInfo.InvariantCulture)}@example.org";
            contact.Phone = "0121 496 0" + random.Between(0, 999).ToString("D3", CultureInfo.InvariantCulture);
            contact.CreatedAt = At(Later(began, programme.Start));
            batch.EmployerContacts.Add(contact);
        }
    }

    private void AddActivities(DemoCaseload batch, Guid employer, DemoLot lot, DateOnly began, DemoRandom random)
    {
        var from = Later(began, programme.Start);
        if (from > deliveryEnd)
        {
            return;
        }

        var count = random.Between(2, 10);
        for (var a = 0; a < count; a++)
        {
            var day = Between(from, deliveryEnd, random);
            var pandemic = DemoCalendar.IsPandemic(day);
            var kind = DemoBrokerageCatalogue.Activities.Pick(random);
            if (pandemic && kind == EmployerActivityKinds.JobFair)
            {
                // No job fairs in the lockdowns: a call instead.
                kind = EmployerActivityKinds.Contact;
            }

            var activity = DemoEntities.New<EmployerActivity>();
            activity.Id = NextId();
            activity.EmployerId = employer;
            activity.LotId = lot.Id;
            activity.OccurredOn = day;
            activity.Kind = kind.Code;
            activity.ParticipantsInvolved = kind.InvolvesParticipants ? random.Between(1, 12) : null;
            activity.Notes = DemoBrokerageCatalogue.ActivityNote(kind.Code, pandemic);
            activity.RecordedById = lot.Advisor?.Id;
            activity.RecordedAt = At(day, 16 * 60);
            batch.EmployerActivities.Add(activity);
        }
    }

    /// <summary>Vacancies the lot found with the employer over the programme's years, since closed or filled.</summary>
    private void AddHistoricVacancies(DemoCaseload batch, Guid employer, JobSector sector, DemoLot lot, DateOnly began, DemoRandom random)
    {
        var from = Later(began, programme.Start);
        var to = deliveryEnd.AddDays(-60);
        if (to < from)
        {
            return;
        }

        var count = random.Between(3, 9);
        for (var v = 0; v < count; v++)
        {
            var job = DemoJobs.JobIn(sector, random);
            var posted = Between(from, to, random);
            var vacancy = NewVacancy(employer, lot, job, posted, posted.AddDays(random.Between(14, 42)), random);
            vacancy.Status = random.Chance(0.55) ? VacancyStatus.Filled : VacancyStatus.Closed;
            batch.Vacancies.Add(vacancy);
            if (!historicByLot.TryGetValue(lot.Id, out var list))
            {
                historicByLot[lot.Id] = list = [];
            }

            list.Add(vacancy);
        }
    }

    /// <summary>Vacancies open on the day the demo is made, closing two to eight weeks later, in every lot.</summary>
    private void AddOpenVacancies(DemoCaseload batch, List<(Guid Id, JobSector Sector, string? LotCode)> employers)
    {
        var relationships = batch.EmployerRelationships.ToLookup(r => r.LotId, r => r.EmployerId);
        var sectors = employers.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First().Sector);
        foreach (var lot in programme.Lots.OrderBy(l => l.Code, StringComparer.Ordinal))
        {
            var withLot = relationships[lot.Id].Where(sectors.ContainsKey).ToList();
            if (withLot.Count == 0 || lot.Postcodes.Count == 0)
            {
                continue;
            }

            var random = DemoRandom.For(seed, OpenVacancyStream, (int)(StableHash(lot.Code) & 0x7FFF_FFFF));
            for (var v = 0; v < OpenVacanciesPerLot; v++)
            {
                var employer = random.Pick(withLot);
                // Matching shows what the demo's participants look for: the jobs they start, in proportion.
                var sector = random.Chance(0.5) ? sectors[employer] : DemoJobs.Sectors.Pick(random);
                var job = DemoJobs.JobIn(sector, random);
                var posted = today.AddDays(-random.Between(0, 28));
                var vacancy = NewVacancy(employer, lot, job, posted, today.AddDays(random.Between(14, 56)), random);
                vacancy.Status = VacancyStatus.Open;
                batch.Vacancies.Add(vacancy);
            }
        }
    }

    private Vacancy NewVacancy(Guid employer, DemoLot lot, DemoJob job, DateOnly posted, DateOnly closing, DemoRandom random)
    {
        var shift = DemoBrokerageCatalogue.ShiftsOf(job.Sector).Pick(random);
        var hours = random.Between(job.MinHours, job.MaxHours);
        var startsOn = closing.AddDays(random.Between(7, 28));
        var skills = DemoBrokerageCatalogue.SkillsFor(job.SocCode);
        var required = skills.OrderBy(_ => random.NextDouble()).Take(random.Between(1, Math.Min(3, skills.Count))).ToList();
        var desirable = DemoBrokerageCatalogue.GeneralSkills.Where(s => !required.Contains(s, StringComparer.Ordinal))
            .OrderBy(_ => random.NextDouble()).Take(random.Between(0, 2)).ToList();
        var vacancy = DemoEntities.New<Vacancy>();
        vacancy.Id = NextId();
        vacancy.EmployerId = employer;
        vacancy.FoundByLotId = lot.Id;
        vacancy.Title = job.Title;
        vacancy.SocCode = Soc2020Code(job.SocCode);
        vacancy.Postcode = employerInfo.GetValueOrDefault(employer).Postcode is { } own && lot.Postcodes.Contains(own)
            ? own
            : random.Pick(lot.Postcodes);
        vacancy.WeeklyHours = hours;
        vacancy.ShiftPattern = shift.Code;
        SetDaysAndTimes(vacancy, shift, hours, random);
        vacancy.HourlyWage = WageFor(job, startsOn, random);
        vacancy.ContractType = DemoJobs.ContractsOf.Pick(random);
        vacancy.Positions = job.Sector is JobSector.Care or JobSector.Logistics or JobSector.Retail ? random.Between(1, 4) : 1;
        vacancy.RequiredSkills = required;
        vacancy.DesirableSkills = desirable;
        vacancy.MinimumQualification = job.Sector is JobSector.Office or JobSector.Health or JobSector.PublicSector && random.Chance(0.5)
            ? QualificationLevels.Level2.Code
            : random.Chance(0.1) ? QualificationLevels.EntryLevel.Code : null;
        vacancy.DrivingLicenceRequired = job.SocCode is "8214" or "8212" || (job.SocCode == "6135" && random.Chance(0.4));
        vacancy.PostedOn = posted;
        vacancy.ClosingOn = closing;
        vacancy.StartsOn = startsOn;
        vacancy.Description = $"{job.Title}, {hours.ToString(CultureInfo.InvariantCulture)} hours a week ({shift.DisplayName.ToLowerInvariant()}).";
        vacancy.CreatedById = lot.Advisor?.Id;
        vacancy.CreatedAt = At(posted, 11 * 60);
        return vacancy;
    }

    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    private static readonly int[] TravelMinutes = [20, 30, 45, 60];

    private static readonly EmployerSizeBand[] LocalSizes = [EmployerSizeBands.Micro, EmployerSizeBands.Small, EmployerSizeBands.Small, EmployerSizeBands.Medium];

    /// <summary>
    /// The SOC 2020 unit group for a job start's code: the caseload's shelf fillers carry 9241, which SOC 2020
    /// does not have (shelf fillers are 9251), and vacancies and job goals must hold real unit groups.
    /// </summary>
    public static string Soc2020Code(string code) => code == "9241" ? "9251" : code;

    private static void SetDaysAndTimes(Vacancy vacancy, ShiftPattern shift, int hours, DemoRandom random)
    {
        vacancy.WorkingDays = shift.Code switch
        {
            "daytime" or "evenings" => hours <= 20 && random.Chance(0.5) ? ["Mon", "Tue", "Wed"] : [.. Weekdays],
            "weekends" => ["Sat", "Sun"],
            "nights" => [.. Weekdays],
            _ => [],
        };
        var days = Math.Max(1, vacancy.WorkingDays.Count);
        var perDay = Math.Clamp((int)Math.Ceiling(hours / (double)days), 3, 10);
        (vacancy.StartsAt, vacancy.EndsAt) = shift.Code switch
        {
            "daytime" when random.Chance(0.5) => (new TimeOnly(9, 0), new TimeOnly(Math.Min(9 + perDay, 18), 0)),
            "daytime" => (new TimeOnly(8, 0), new TimeOnly(Math.Min(8 + perDay, 18), 0)),
            "evenings" => (new TimeOnly(17, 0), new TimeOnly(Math.Min(17 + perDay, 23), 0)),
            "nights" => (new TimeOnly(22, 0), new TimeOnly(6, 0)),
            _ => ((TimeOnly?)null, (TimeOnly?)null),
        };
    }

    // ----- Each batch of participants -----

    private void AddParticipantRecords(DemoCaseload batch)
    {
        if (batch.Participants.Count == 0)
        {
            return;
        }

        var jobs = batch.JobStarts.GroupBy(j => j.ParticipantId).ToDictionary(g => g.Key, g => g.OrderBy(j => j.StartDate).ToList());
        var brokerage = batch.Interventions.Where(i => i.ActivityType == ActivityType.JobBrokerage)
            .GroupBy(i => i.ParticipantId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Date).ToList());
        var referred = new HashSet<(Guid, Guid)>();
        foreach (var participant in batch.Participants)
        {
            var random = ParticipantRandom(participant.Id);
            var starts = jobs.GetValueOrDefault(participant.Id) ?? [];
            AddJobGoals(batch, participant, starts, random);
            foreach (var start in starts)
            {
                if (start.SocCode is not null && random.Chance(ReferredJobStartShare))
                {
                    AddReferredStart(batch, participant, start, brokerage.GetValueOrDefault(participant.Id), referred, random);
                }
            }

            AddUnsuccessfulReferrals(batch, participant, starts, referred, random);
        }

        AddMatchReviews(batch);
    }

    private DemoRandom ParticipantRandom(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var hi = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var lo = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        return new DemoRandom(DemoRandom.Mix(hi ^ DemoRandom.Mix(lo ^ ((ulong)(uint)seed << 20) ^ ParticipantStream)));
    }

    /// <summary>
    /// Job goals for most participants (everyone who found work): occupations including the one they started in,
    /// the skills it needs, hours around theirs, how far they can travel, licence and childcare hours.
    /// </summary>
    private void AddJobGoals(DemoCaseload batch, Participant participant, List<JobStart> starts, DemoRandom random)
    {
        if (starts.Count == 0 && !random.Chance(0.75))
        {
            return;
        }

        var first = starts.Count > 0 ? starts[0] : null;
        var job = first?.SocCode is { } soc ? DemoJobs.Jobs.FirstOrDefault(j => j.SocCode == soc) ?? DemoJobs.JobIn(DemoJobs.Sectors.Pick(random), random)
            : DemoJobs.JobIn(DemoJobs.Sectors.Pick(random), random);
        var occupations = new List<string> { Soc2020Code(first?.SocCode ?? job.SocCode) };
        for (var k = random.Between(0, 2); k > 0; k--)
        {
            var other = random.Chance(0.6) ? DemoJobs.JobIn(job.Sector, random) : DemoJobs.JobIn(DemoJobs.Sectors.Pick(random), random);
            if (!occupations.Contains(Soc2020Code(other.SocCode), StringComparer.Ordinal))
            {
                occupations.Add(Soc2020Code(other.SocCode));
            }
        }

        var skills = new List<string>();
        foreach (var code in occupations)
        {
            foreach (var skill in DemoBrokerageCatalogue.SkillsFor(code))
            {
                if (random.Chance(0.55) && !skills.Contains(skill, StringComparer.Ordinal))
                {
                    skills.Add(skill);
                }
            }
        }

        if (random.Chance(0.5))
        {
            var general = random.Pick(DemoBrokerageCatalogue.GeneralSkills);
            if (!skills.Contains(general, StringComparer.Ordinal))
            {
                skills.Add(general);
            }
        }

        var childcare = participant.HasChildcareResponsibilities == true;
        var hours = first is null ? random.Between(job.MinHours, job.MaxHours) : (int)Math.Round(first.WeeklyHours);
        var goals = DemoEntities.New<JobGoals>();
        goals.Id = NextId();
        goals.ParticipantId = participant.Id;
        goals.Occupations = occupations;
        goals.Skills = skills;
        goals.MinWeeklyHours = Math.Max(4, hours - random.Between(4, 12));
        goals.MaxWeeklyHours = Math.Min(48, hours + random.Between(0, 10));
        goals.AvailableDays = childcare && random.Chance(0.5) ? [.. Weekdays] : [];
        goals.CanWorkNights = !childcare && random.Chance(0.25);
        goals.CanWorkWeekends = random.Chance(childcare ? 0.3 : 0.6);
        goals.HasDrivingLicence = random.Chance(0.35);
        goals.HasOwnTransport = goals.HasDrivingLicence && random.Chance(0.7);
        if (random.Chance(0.7))
        {
            goals.MaxTravelMiles = random.Between(3, 15);
        }

        if (goals.MaxTravelMiles is null || random.Chance(0.3))
        {
            goals.MaxTravelMinutes = random.Pick(TravelMinutes);
        }

        if (childcare && random.Chance(0.4))
        {
            goals.AvailableFrom = new TimeOnly(9, 15);
            goals.AvailableUntil = new TimeOnly(random.Chance(0.5) ? 14 : 15, 0);
        }

        var set = Earlier(participant.RegisteredOn.AddDays(random.Between(7, 35)), Earlier(deliveryEnd, participant.LeftOn ?? deliveryEnd));
        goals.UpdatedById = participant.AdvisorId;
        goals.UpdatedAt = At(Later(set, participant.RegisteredOn), 14 * 60);
        batch.JobGoals.Add(goals);
    }

    /// <summary>
    /// A job start that came through a referral: the vacancy it filled (the same employer, job, hours, wage and
    /// contract), and the referral's steps from referred to started.
    /// </summary>
    private void AddReferredStart(
        DemoCaseload batch, Participant participant, JobStart start, List<Intervention>? brokerage, HashSet<(Guid, Guid)> referred, DemoRandom random)
    {
        if (!lotsById.TryGetValue(participant.LotId, out var lot) || lot.Postcodes.Count == 0)
        {
            return;
        }

        var referredOn = Later(participant.RegisteredOn, start.StartDate.AddDays(-random.Between(14, 45)));
        if (referredOn > start.StartDate)
        {
            return;
        }

        var closing = Later(referredOn, Earlier(start.StartDate, referredOn.AddDays(random.Between(3, 14))));
        var vacancy = DemoEntities.New<Vacancy>();
        vacancy.Id = NextId();
        vacancy.EmployerId = start.EmployerId;
        vacancy.FoundByLotId = lot.Id;
        vacancy.Title = start.JobTitle;
        vacancy.SocCode = Soc2020Code(start.SocCode!);
        vacancy.Postcode = employerInfo.GetValueOrDefault(start.EmployerId).Postcode is { } own ? own : random.Pick(lot.Postcodes);
        vacancy.WeeklyHours = start.WeeklyHours;
        var job = DemoJobs.Jobs.FirstOrDefault(j => j.SocCode == start.SocCode);
        var shift = job is null ? ShiftPatterns.Daytime : DemoBrokerageCatalogue.ShiftsOf(job.Sector).Pick(random);
        vacancy.ShiftPattern = shift.Code;
        SetDaysAndTimes(vacancy, shift, (int)Math.Round(start.WeeklyHours), random);
        vacancy.HourlyWage = start.HourlyWage;
        vacancy.ContractType = start.ContractType;
        vacancy.Positions = 1;
        vacancy.RequiredSkills = [.. DemoBrokerageCatalogue.SkillsFor(start.SocCode!).Take(random.Between(1, 2))];
        vacancy.PostedOn = referredOn.AddDays(-random.Between(0, 14));
        vacancy.ClosingOn = closing;
        vacancy.StartsOn = start.StartDate;
        vacancy.Status = VacancyStatus.Filled;
        vacancy.Description = $"{start.JobTitle}, {start.WeeklyHours.ToString("0.#", CultureInfo.InvariantCulture)} hours a week.";
        vacancy.CreatedById = participant.AdvisorId;
        vacancy.CreatedAt = At(vacancy.PostedOn, 11 * 60);
        batch.Vacancies.Add(vacancy);

        var interview = Between(referredOn, start.StartDate, random);
        var offered = Between(interview, start.StartDate, random);
        var referral = NewReferral(participant, vacancy.Id, referredOn, brokerage, random);
        referral.Status = ReferralStatus.Started;
        referral.InterviewOn = interview;
        referral.OfferedOn = offered;
        referral.StartedOn = start.StartDate;
        referral.JobStartId = start.Id;
        referral.MatchScore = random.Between(60, 96);
        batch.Referrals.Add(referral);
        referred.Add((vacancy.Id, participant.Id));
        AddEvent(batch, referral, ReferralStatus.Referred, referredOn, null);
        AddEvent(batch, referral, ReferralStatus.Interview, interview, null);
        AddEvent(batch, referral, ReferralStatus.Offered, offered, null);
        AddEvent(batch, referral, ReferralStatus.Started, start.StartDate, null);
    }

    /// <summary>Referrals that did not lead to a job: not shortlisted, not chosen, or withdrawn by the participant.</summary>
    private void AddUnsuccessfulReferrals(
        DemoCaseload batch, Participant participant, List<JobStart> starts, HashSet<(Guid, Guid)> referred, DemoRandom random)
    {
        if (!historicByLot.TryGetValue(participant.LotId, out var vacancies) || vacancies.Count == 0)
        {
            return;
        }

        var count = random.Chance(starts.Count > 0 ? 0.35 : 0.25) ? random.Between(1, 3) : 0;
        var until = Earlier(participant.LeftOn ?? deliveryEnd, starts.Count > 0 ? starts[0].StartDate : deliveryEnd);
        for (var k = 0; k < count; k++)
        {
            // A vacancy of the lot open while the participant was looking (tried a few times, not searched).
            for (var attempt = 0; attempt < 6; attempt++)
            {
                var vacancy = random.Pick(vacancies);
                var from = Later(participant.RegisteredOn, vacancy.PostedOn);
                var to = Earlier(until, vacancy.ClosingOn);
                if (to < from || !referred.Add((vacancy.Id, participant.Id)))
                {
                    continue;
                }

                var referredOn = Between(from, to, random);
                var referral = NewReferral(participant, vacancy.Id, referredOn, null, random);
                referral.MatchScore = random.Between(35, 85);
                AddEvent(batch, referral, ReferralStatus.Referred, referredOn, null);
                var closed = referredOn.AddDays(random.Between(5, 30));
                if (closed > deliveryEnd)
                {
                    closed = deliveryEnd;
                }

                if (random.Chance(0.65))
                {
                    if (random.Chance(0.5))
                    {
                        referral.InterviewOn = Between(referredOn, closed, random);
                        AddEvent(batch, referral, ReferralStatus.Interview, referral.InterviewOn.Value, null);
                    }

                    referral.Status = ReferralStatus.Unsuccessful;
                    referral.Reason = random.Pick(DemoBrokerageCatalogue.UnsuccessfulReasons);
                }
                else
                {
                    referral.Status = ReferralStatus.Withdrawn;
                    referral.Reason = random.Pick(DemoBrokerageCatalogue.WithdrawnReasons);
                }

                referral.ClosedOn = Later(closed, referral.InterviewOn ?? referredOn);
                AddEvent(batch, referral, referral.Status, referral.ClosedOn.Value, referral.Reason);
                batch.Referrals.Add(referral);
                break;
            }
        }
    }

    private Referral NewReferral(Participant participant, Guid vacancy, DateOnly referredOn, List<Intervention>? brokerage, DemoRandom random)
    {
        var referral = DemoEntities.New<Referral>();
        referral.Id = NextId();
        referral.VacancyId = vacancy;
        referral.ParticipantId = participant.Id;
        referral.LotId = participant.LotId;
        referral.ReferredOn = referredOn;
        // The job brokerage contact at which the referral was made, when the caseload has one in the month before.
        referral.InterventionId = brokerage?.LastOrDefault(i => i.Date <= referredOn && i.Date >= referredOn.AddDays(-30))?.Id;
        referral.ReferredById = participant.AdvisorId;
        referral.CreatedAt = At(referredOn, (10 * 60) + random.Next(360));
        return referral;
    }

    private void AddEvent(DemoCaseload batch, Referral referral, ReferralStatus status, DateOnly on, string? reason)
    {
        var item = DemoEntities.New<ReferralEvent>();
        item.Id = NextId();
        item.ReferralId = referral.Id;
        item.Status = status;
        item.OccurredOn = on;
        item.Reason = reason;
        item.RecordedById = referral.ReferredById;
        item.RecordedAt = At(on, 15 * 60);
        batch.ReferralEvents.Add(item);
    }

    /// <summary>A match list reviewed with the participant for each "identify jobs that match skills" action they completed.</summary>
    private void AddMatchReviews(DemoCaseload batch)
    {
        var advisors = batch.Participants.ToDictionary(p => p.Id, p => p.AdvisorId);
        foreach (var action in batch.Actions)
        {
            if (action.Action != "identifyMatchingJobs" || action.Status != ActionStatus.Completed || action.CompletedOn is not { } done)
            {
                continue;
            }

            var review = DemoEntities.New<MatchReview>();
            review.Id = NextId();
            review.ParticipantId = action.ParticipantId;
            review.ReviewedOn = done;
            review.VacanciesShown = ParticipantRandom(action.Id).Between(3, 30);
            review.PlanActionId = action.Id;
            review.ReviewedById = advisors.GetValueOrDefault(action.ParticipantId);
            review.ReviewedAt = At(done, 11 * 60);
            batch.MatchReviews.Add(review);
        }
    }
}
