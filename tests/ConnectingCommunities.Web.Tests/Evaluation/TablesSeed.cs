using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Evaluation;

/// <summary>
/// A caseload for the evaluation's tests, written straight into the database: 140 participants whose
/// sex and cohort are fixed so that the participants-by-sex table has one small cell (3 men in work) and
/// a known secondary suppression, and whose other characteristics, outcomes, barriers, actions and contacts
/// vary with their number. Names, NINOs, emails, phones and addresses are distinctive so that an extract
/// can be scanned for them. One more participant is erased and must appear nowhere.
/// </summary>
public static class TablesSeed
{
    private static readonly SemaphoreSlim Lock = new(1, 1);

    /// <summary>Sex (null: not recorded) and cohort of each block of participants, in order.</summary>
    public static readonly IReadOnlyList<(string? Sex, Cohort Cohort, int Count)> Blocks =
    [
        ("female", Cohort.HardestToHelp, 30), ("female", Cohort.HarderToReach, 20), ("female", Cohort.RapidProgression, 15), ("female", Cohort.Employed, 12),
        ("male", Cohort.HardestToHelp, 25), ("male", Cohort.HarderToReach, 20), ("male", Cohort.RapidProgression, 15), ("male", Cohort.Employed, 3),
    ];

    public static readonly string[] Lots = ["WH", "SE", "BL"];
    public static readonly string[] EthnicityCodes = ["whiteBritish", "pakistani", "african", "indian"];
    public static readonly string[] Qualifications = ["level2", "level3", "none"];
    public static readonly string?[] Channels = ["jobcentrePlus", "wordOfMouth", null];

    /// <summary>Seeds once per app (database); later calls do nothing.</summary>
    public static async Task EnsureAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await Lock.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            if (await db.Participants.AnyAsync(p => p.FirstName.StartsWith("Zebedee")))
            {
                return;
            }

            var lots = await db.Lots.Where(l => Lots.Contains(l.Code)).ToDictionaryAsync(l => l.Code);
            var contracts = new Dictionary<string, Guid>();
            var advisors = new Dictionary<string, Guid?>();
            foreach (var code in Lots)
            {
                contracts[code] = await db.Contracts.Where(c => c.LotId == lots[code].Id).OrderByDescending(c => c.StartDate).Select(c => c.Id).FirstAsync();
                advisors[code] = await db.Users.Where(u => u.Email == DemoUsers.Advisor(code)).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            }

            var i = 0;
            foreach (var (sex, cohort, count) in Blocks)
            {
                for (var k = 0; k < count; k++, i++)
                {
                    Add(db, i, sex, cohort, lots, contracts, advisors, erased: false);
                }
            }

            Add(db, i, "female", Cohort.HardestToHelp, lots, contracts, advisors, erased: true);
            await db.SaveChangesAsync();
        }
        finally
        {
            Lock.Release();
        }
    }

    private static void Add(
        CcDbContext db, int i, string? sex, Cohort cohort, Dictionary<string, Lot> lots, Dictionary<string, Guid> contracts,
        Dictionary<string, Guid?> advisors, bool erased)
    {
        var lot = Lots[i % Lots.Length];
        var registered = new DateOnly(2019, 1, 7).AddDays(i * 5);
        var participant = new Participant
        {
            LotId = lots[lot].Id,
            ContractId = contracts[lot],
            Number = 900_000 + i,
            Reference = $"{lot}-{900_000 + i}",
            AdvisorId = advisors[lot],
            FirstName = $"Zebedee{i:D3}",
            LastName = $"Quixotic{i:D3}",
            SearchFirstName = $"zebedee{i:D3}",
            SearchLastName = $"quixotic{i:D3}",
            DateOfBirth = new DateOnly(1960 + (i % 40), 1 + (i % 12), 1 + (i % 28)),
            Nino = $"JX{700_000 + i:D6}C",
            Email = $"zebedee{i:D3}@example.test",
            Phone = $"07700 9{i:D5}",
            AddressLine1 = $"{i + 1} Xylophone Terrace",
            AddressLine2 = $"Flat {i:D3} Vellum Court",
            Town = "Quillborough",
            Postcode = lot switch { "WH" => $"B8 {1 + (i % 9)}AB", "SE" => $"B34 {1 + (i % 9)}AB", _ => $"WS2 {1 + (i % 9)}AB" },
            Sex = sex,
            Ethnicity = EthnicityCodes[i % EthnicityCodes.Length],
            LongTermCondition = i % 4 == 0 ? "yes" : i % 4 == 1 ? "no" : i % 4 == 2 ? "no" : null,
            HighestQualification = Qualifications[i % Qualifications.Length],
            HasChildcareResponsibilities = i % 5 == 0 ? null : i % 2 == 0,
            EmploymentStatus = cohort == Cohort.Employed ? EmploymentStatus.Employed : EmploymentStatus.OutOfWork,
            Cohort = cohort,
            AgeBand = AgeBands.All[i % 4],
            RegisteredOn = registered,
            RecruitmentChannel = Channels[i % Channels.Length],
            PrivacyNoticeAcknowledged = true,
            CreatedAt = DateTimeOffset.UtcNow,
            ErasedAt = erased ? DateTimeOffset.UtcNow : null,
        };
        db.Participants.Add(participant);

        var outOfWork = cohort != Cohort.Employed;
        if (outOfWork && i % 2 == 0)
        {
            var job = registered.AddDays(60);
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.JobOutcome, AchievedOn = job });
            if (i % 4 == 0)
            {
                db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.Sustained13Weeks, AchievedOn = job.AddDays(91) });
            }
        }

        if ((cohort == Cohort.Employed && i % 3 == 0) || (outOfWork && i % 6 == 0))
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.Progression, AchievedOn = registered.AddDays(200) });
        }

        if (i % 2 == 0)
        {
            db.ParticipantBarriers.Add(new ParticipantBarrier { ParticipantId = participant.Id, Barrier = "lowConfidence", Severity = BarrierSeverity.Medium, IdentifiedOn = registered });
        }

        if (i % 5 == 0)
        {
            db.ParticipantBarriers.Add(new ParticipantBarrier { ParticipantId = participant.Id, Barrier = "debt", Severity = BarrierSeverity.Medium, IdentifiedOn = registered });
        }

        if (i % 3 == 0)
        {
            db.PlanActions.Add(new PlanAction
            {
                ParticipantId = participant.Id,
                Action = "workExperience",
                ActivityType = ActivityType.EmployerActivity,
                Status = i % 6 == 0 ? ActionStatus.Completed : ActionStatus.Identified,
                IdentifiedOn = registered,
                CompletedOn = i % 6 == 0 ? registered.AddDays(30) : null,
            });
        }

        if (i % 2 == 1)
        {
            db.PlanActions.Add(new PlanAction
            {
                ParticipantId = participant.Id,
                Action = "identifyMatchingJobs",
                ActivityType = ActivityType.InformationAdviceGuidance,
                Status = ActionStatus.Completed,
                IdentifiedOn = registered,
                CompletedOn = registered.AddDays(10),
            });
        }

        // Contacts either side of the first lockdown and after the restrictions ended.
        DateOnly[] dates = [new(2020, 3, 22), new(2020, 3, 23), new(2021, 7, 19), registered];
        InterventionMode[] modes = [InterventionMode.FaceToFace, InterventionMode.Telephone, InterventionMode.Video];
        for (var c = 0; c < 1 + (i % 4); c++)
        {
            db.Interventions.Add(new Intervention
            {
                ParticipantId = participant.Id,
                Date = dates[c],
                Mode = modes[(i + c) % modes.Length],
                ActivityType = ActivityType.InformationAdviceGuidance,
                DurationMinutes = 30,
                IsMeaningful = true,
                RecordedAt = DateTimeOffset.UtcNow,
                AdvisorName = "Advisor",
            });
        }
    }
}
