using System.Net.Http.Headers;
using System.Text;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Tests.Participants.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Outcomes;

/// <summary>Small real files, job start bodies and database counts the job start tests share.</summary>
internal static class JobStartTestSupport
{
    /// <summary>A minimal but complete one-page PDF.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A 1 x 1 transparent PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>The start of a JPEG (SOI and a JFIF APP0 segment): what the content check reads.</summary>
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static readonly DateOnly Start = new(2021, 6, 14);

    public static Dictionary<string, object?> Body(
        string employerName = "Acme Logistics Ltd",
        string jobTitle = "Warehouse operative",
        object? startDate = null,
        object? weeklyHours = null,
        object? hourlyWage = null,
        string? contractType = "Permanent",
        string? socCode = null) => new()
        {
            ["employerName"] = employerName,
            ["jobTitle"] = jobTitle,
            ["startDate"] = startDate ?? "2021-06-14",
            ["weeklyHours"] = weeklyHours ?? 37.5m,
            ["hourlyWage"] = hourlyWage ?? 9.50m,
            ["contractType"] = contractType,
            ["socCode"] = socCode,
        };

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string? kind = "Payslip", string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        return form;
    }

    /// <summary>Job starts, evidence rows, JobOutcome milestones of a participant, employers, and files on disk.</summary>
    public static async Task<(int JobStarts, int Evidence, int Milestones, int Employers, int Files)> RowsAsync(this TestApp app, Guid participantId)
    {
        var folder = app.Services.GetRequiredService<EvidenceOptions>().EffectiveFolder;
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
        return await app.QueryAsync(async db => (
            await db.JobStarts.CountAsync(j => j.ParticipantId == participantId, TestContext.Current.CancellationToken),
            await db.EvidenceFiles.CountAsync(f => f.ParticipantId == participantId, TestContext.Current.CancellationToken),
            await db.ParticipantMilestones.CountAsync(m => m.ParticipantId == participantId, TestContext.Current.CancellationToken),
            await db.Employers.CountAsync(TestContext.Current.CancellationToken),
            files));
    }
}
