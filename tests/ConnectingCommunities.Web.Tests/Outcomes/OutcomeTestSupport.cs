using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Tests.Participants.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConnectingCommunities.Web.Tests.Outcomes.JobStartTestSupport;

namespace ConnectingCommunities.Web.Tests.Outcomes;

/// <summary>What the sustainment, progression and job ending tests share: seeding through the API, row counts, claims, pages.</summary>
internal static class OutcomeTestSupport
{
    /// <summary>Every outcome row of a participant and the files on disk: what "nothing was written" compares.</summary>
    public sealed record OutcomeRows(int JobStarts, int Ended, int Checks, int Progressions, int Evidence, string Milestones, int Files);

    public static async Task<OutcomeRows> OutcomeRowsAsync(this TestApp app, Guid participantId)
    {
        var folder = app.Services.GetRequiredService<EvidenceOptions>().EffectiveFolder;
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
        var ct = TestContext.Current.CancellationToken;
        return await app.QueryAsync(async db => new OutcomeRows(
            await db.JobStarts.CountAsync(j => j.ParticipantId == participantId, ct),
            await db.JobStarts.CountAsync(j => j.ParticipantId == participantId && j.EndDate != null, ct),
            await db.SustainmentChecks.CountAsync(c => c.ParticipantId == participantId, ct),
            await db.ProgressionRecords.CountAsync(p => p.ParticipantId == participantId, ct),
            await db.EvidenceFiles.CountAsync(f => f.ParticipantId == participantId, ct),
            string.Join(", ", (await db.ParticipantMilestones.Where(m => m.ParticipantId == participantId).ToListAsync(ct))
                .OrderBy(m => m.Milestone).Select(m => $"{m.Milestone} {m.AchievedOn:yyyy-MM-dd}")),
            files));
    }

    /// <summary>The participant's milestones as "Milestone yyyy-MM-dd", in milestone order.</summary>
    public static async Task<string> MilestonesAsync(this TestApp app, Guid participantId) => (await app.OutcomeRowsAsync(participantId)).Milestones;

    public static async Task<string> JobStartAsync(this TestClient client, Guid participantId, string startDate, object? weeklyHours = null, object? hourlyWage = null, string contractType = "Permanent")
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participantId}/job-starts",
            Body(startDate: startDate, weeklyHours: weeklyHours, hourlyWage: hourlyWage, contractType: contractType));
        Assert.True(status == HttpStatusCode.Created, $"job start {startDate}: {(int)status} {body}");
        return body.GetProperty("id").GetString()!;
    }

    public static async Task EndJobAsync(this TestClient client, Guid participantId, string jobStartId, string endDate)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participantId}/job-starts/{jobStartId}/end",
            new { endDate, reason = "Contract ended" });
        Assert.True(status == HttpStatusCode.OK, $"end job {endDate}: {(int)status} {body}");
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> CheckAsync(
        this TestClient client, Guid participantId, string milestone, string checkedOn, string result = "InWork", string? jobStartId = null, string? notes = null) =>
        client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participantId}/sustainment-checks",
            new Dictionary<string, object?> { ["milestone"] = milestone, ["result"] = result, ["checkedOn"] = checkedOn, ["notes"] = notes, ["jobStartId"] = jobStartId });

    public static async Task<JsonElement> CheckedAsync(this TestClient client, Guid participantId, string milestone, string checkedOn, string result = "InWork", string? jobStartId = null)
    {
        var (status, body) = await client.CheckAsync(participantId, milestone, checkedOn, result, jobStartId);
        Assert.True(status == HttpStatusCode.Created, $"{milestone} {result} on {checkedOn}: {(int)status} {body}");
        return body;
    }

    public static Dictionary<string, object?> Change(
        string changedOn = "2021-10-01", object? weeklyHours = null, object? hourlyWage = null, string contractType = "Permanent",
        bool promotion = false, bool lateralMove = false, string? lateralMoveReason = null, string? jobStartId = null, string? jobTitle = null) => new()
        {
            ["changedOn"] = changedOn,
            ["jobStartId"] = jobStartId,
            ["jobTitle"] = jobTitle,
            ["weeklyHours"] = weeklyHours ?? 37.5m,
            ["hourlyWage"] = hourlyWage ?? 10.45m,
            ["contractType"] = contractType,
            ["promotion"] = promotion,
            ["lateralMove"] = lateralMove,
            ["lateralMoveReason"] = lateralMoveReason,
        };

    public static async Task<HttpResponseMessage> UploadAsync(this TestClient client, string url, byte[] content, string fileName, string? kind = "Payslip")
    {
        using var upload = Upload(content, fileName, kind);
        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), upload, TestContext.Current.CancellationToken);
    }

    /// <summary>Puts the participant's milestone on a claim line in the given status, as a claim would.</summary>
    public static async Task ClaimAsync(this TestApp app, Guid participantId, Milestone milestone, ClaimLineStatus status = ClaimLineStatus.Draft)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.CcDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var participant = await db.Participants.SingleAsync(p => p.Id == participantId, ct);
        var achieved = await db.ParticipantMilestones.SingleAsync(m => m.ParticipantId == participantId && m.Milestone == milestone, ct);
        var contract = await db.Contracts.Where(c => c.LotId == participant.LotId).OrderByDescending(c => c.StartDate).FirstAsync(ct);
        var claim = new OutcomeClaim
        {
            Reference = $"TEST-{Guid.NewGuid():N}"[..30],
            LotId = participant.LotId,
            ProviderId = contract.ProviderId,
            Period = achieved.AchievedOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            PeriodEnd = new DateOnly(achieved.AchievedOn.Year, achieved.AchievedOn.Month, DateTime.DaysInMonth(achieved.AchievedOn.Year, achieved.AchievedOn.Month)),
            // Submitted, so that the one-draft-per-lot-and-period rule does not stop tests claiming the same month.
            Status = ClaimStatus.Submitted,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        claim.Lines.Add(new ClaimLine
        {
            ParticipantId = participantId,
            ParticipantReference = participant.Reference,
            Milestone = milestone,
            MilestoneDate = achieved.AchievedOn,
            Cohort = participant.Cohort,
            Amount = 889m,
            ContractId = contract.Id,
            ProviderId = contract.ProviderId,
            Status = status,
        });
        db.Claims.Add(claim);
        await db.SaveChangesAsync(ct);
    }

    public static async Task SetProgrammeAsync(this TestApp app, Domain.Outcomes.ProgressionDefinition definition, int? gapDays = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.CcDbContext>();
        foreach (var programme in await db.Programmes.ToListAsync(TestContext.Current.CancellationToken))
        {
            programme.ProgressionDefinition = definition;
            programme.SustainmentGapDays = gapDays ?? programme.SustainmentGapDays;
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static List<JsonElement> Items(JsonElement json) =>
        (json.ValueKind == JsonValueKind.Array ? json : json.GetProperty("items")).EnumerateArray().ToList();

    /// <summary>Posts a multipart form as a browser does, with the page's antiforgery token and an optional file.</summary>
    public static async Task<HttpResponseMessage> PostPageAsync(this TestClient client, string url, Dictionary<string, string> fields, byte[]? file = null, string? fileName = null)
    {
        var page = await client.GetAsync(url);
        var token = page.IsSuccessStatusCode
            ? (await client.ParseAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            : (await client.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "file", fileName!);
        }

        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }
}
