using System.Data.Common;
using System.Text;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Tests.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Privacy;

/// <summary>A participant with something of every kind that names them, and the values that identify them.</summary>
internal sealed record PersonRecords(
    Participant Participant, Guid BarrierId, Guid InterventionId, Guid JobStartId, Guid EvidenceId, string StoredEvidence, byte[] EvidenceBytes,
    Guid ClaimLineId, Guid HelpRequestId, IReadOnlyList<string> Identifiers);

/// <summary>Participants with a full record, put straight into the database and evidence folder, and a scan of both.</summary>
internal static class PrivacyTestData
{
    private static int counter = Random.Shared.Next(1000, 9000);

    public static async Task<PersonRecords> PersonWithEverythingAsync(this TestApp app, string lot)
    {
        var n = Interlocked.Increment(ref counter);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var first = $"Philippa{unique}";
        var last = $"Quarrington{unique}";
        var email = $"pq{unique}@example.net";
        var phone = $"07700 9{n % 100000:D5}";
        var address = $"{n} Zephyrine Mews {unique}";
        var postcode = $"ZE{n % 9 + 1} {n % 10}ZZ";
        var birth = new DateOnly(1941, 11, (n % 27) + 1);
        var note = $"Told me about her sister Wilhelmina{unique}";
        var person = await app.AddAsync(lot, p =>
        {
            p.FirstName = first;
            p.LastName = last;
            p.SearchFirstName = first.ToLowerInvariant();
            p.SearchLastName = last.ToLowerInvariant();
            p.Email = email;
            p.Phone = phone;
            p.AddressLine1 = address;
            p.Town = $"Quillbury{unique}";
            p.Postcode = postcode;
            p.DateOfBirth = birth;
        });

        var store = app.Services.GetRequiredService<EvidenceStore>();
        var bytes = Encoding.UTF8.GetBytes($"%PDF-1.4 payslip of {first} {last}, NI {person.Nino}");
        StoredEvidence stored;
        using (var content = new MemoryStream(bytes))
        {
            stored = await store.SaveAsync(content, ".pdf");
        }

        var barrierId = Guid.Empty;
        var interventionId = Guid.Empty;
        var jobId = Guid.Empty;
        var evidenceId = Guid.Empty;
        var lineId = Guid.Empty;
        var helpId = Guid.Empty;
        await app.ChangeAsync(async db =>
        {
            var barrier = new ParticipantBarrier { ParticipantId = person.Id, Barrier = "Confidence", Severity = BarrierSeverity.High, IdentifiedOn = new DateOnly(2021, 3, 2), Notes = note };
            var intervention = new Intervention
            {
                ParticipantId = person.Id,
                Date = new DateOnly(2021, 3, 3),
                Mode = InterventionMode.FaceToFace,
                ActivityType = ActivityType.InformationAdviceGuidance,
                DurationMinutes = 45,
                Notes = $"Met {first} at the library",
                IsMeaningful = true,
                RecordedAt = DateTimeOffset.UtcNow,
            };
            var employer = new Employer { Name = $"Privacy Employer {unique}", NormalisedName = $"privacy employer {unique}", CreatedAt = DateTimeOffset.UtcNow };
            var job = new JobStart
            {
                ParticipantId = person.Id,
                EmployerId = employer.Id,
                JobTitle = "Warehouse operative",
                StartDate = new DateOnly(2021, 4, 12),
                WeeklyHours = 30,
                HourlyWage = 9.50m,
                ContractType = JobContractType.Permanent,
                RecordedAt = DateTimeOffset.UtcNow,
            };
            var file = new EvidenceFile
            {
                ParticipantId = person.Id,
                JobStartId = job.Id,
                Kind = EvidenceKind.Payslip,
                OriginalFileName = $"payslip-{last}.pdf",
                StoredFileName = stored.StoredFileName,
                ContentType = "application/pdf",
                SizeBytes = stored.SizeBytes,
                Sha256 = stored.Sha256,
                UploadedAt = DateTimeOffset.UtcNow,
            };
            var lotId = person.LotId;
            var contract = await db.Contracts.Where(c => c.LotId == lotId).OrderBy(c => c.StartDate).FirstAsync();
            var claim = new OutcomeClaim
            {
                Reference = $"{lot}-2021-04-P{unique}",
                LotId = lotId,
                ProviderId = contract.ProviderId,
                Period = "2021-04",
                PeriodEnd = new DateOnly(2021, 4, 30),
                Status = ClaimStatus.Completed,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var line = new ClaimLine
            {
                ClaimId = claim.Id,
                ParticipantId = person.Id,
                ParticipantReference = person.Reference,
                Milestone = Milestone.JobOutcome,
                MilestoneDate = job.StartDate,
                Cohort = person.Cohort,
                Amount = 1250m,
                ContractId = contract.Id,
                ProviderId = contract.ProviderId,
                Status = ClaimLineStatus.Paid,
                EvidenceCount = 1,
            };
            claim.Lines.Add(line);
            var run = new PaymentRun
            {
                Reference = $"PAY-2021-04-P{unique}",
                ProviderId = contract.ProviderId,
                Period = "2021-04",
                PeriodEnd = new DateOnly(2021, 4, 30),
                GrossPayments = 1250m,
                Total = 1250m,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            run.Lines.Add(new PaymentRunLine { PaymentRunId = run.Id, ClaimLineId = line.Id, LotId = lotId, ContractId = contract.Id, Kind = PaymentLineKind.Payment, Amount = 1250m });
            var help = new HelpRequest
            {
                LotId = lotId,
                Reference = $"HR-{unique}",
                FirstName = first,
                LastName = last,
                Email = email,
                Phone = phone,
                Postcode = postcode,
                Message = $"Please call {first} after 5pm",
                ReceivedAt = DateTimeOffset.UtcNow,
                Status = HelpRequestStatus.Registered,
                ParticipantId = person.Id,
            };
            db.AddRange(barrier, intervention, employer, job, file, claim, run, help);
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = person.Id, Milestone = Milestone.JobOutcome, AchievedOn = job.StartDate });
            barrierId = barrier.Id;
            interventionId = intervention.Id;
            jobId = job.Id;
            evidenceId = file.Id;
            lineId = line.Id;
            helpId = help.Id;
        });

        // A change made through the context, so the audit trail holds both the old and the new value.
        var newEmail = $"pq.new{unique}@example.net";
        await app.ChangeAsync(async db => (await db.Participants.SingleAsync(p => p.Id == person.Id)).Email = newEmail);

        return new PersonRecords(person, barrierId, interventionId, jobId, evidenceId, stored.StoredFileName, bytes, lineId, helpId,
            [first, last, email, newEmail, phone, address, $"Quillbury{unique}", postcode, person.Nino!, birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"Wilhelmina{unique}"]);
    }

    /// <summary>Every text column of every table that contains the value (ignoring case), as "table.column".</summary>
    public static async Task<IReadOnlyList<string>> FindInDatabaseAsync(this TestApp app, string value)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        if (db.IsSqlite)
        {
            var tables = await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
            foreach (var table in tables)
            {
                var info = await ReadAsync(connection, $"SELECT name, type FROM pragma_table_info('{table}')", r => (Name: r.GetString(0), Type: r.GetString(1)));
                columns.AddRange(info.Where(c => c.Type.Length == 0 || c.Type.Contains("TEXT", StringComparison.OrdinalIgnoreCase)).Select(c => (table, c.Name)));
            }
        }
        else
        {
            columns.AddRange(await ReadAsync(connection,
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')",
                r => (r.GetString(0), r.GetString(1))));
        }

        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE LOWER(CAST(\"{column}\" AS TEXT)) LIKE @value";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@value";
            parameter.Value = "%" + value.ToLowerInvariant() + "%";
            command.Parameters.Add(parameter);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }

    /// <summary>The evidence folder's files whose bytes contain the value.</summary>
    public static IReadOnlyList<string> FindInEvidence(this TestApp app, string value)
    {
        var folder = Path.GetFullPath(app.Services.GetRequiredService<EvidenceOptions>().EffectiveFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var needle = Encoding.UTF8.GetBytes(value);
        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0 || Path.GetFileName(f).Contains(value, StringComparison.OrdinalIgnoreCase))];
    }

    public static bool EvidenceExists(this TestApp app, string storedFileName)
    {
        using var stream = app.Services.GetRequiredService<EvidenceStore>().OpenRead(storedFileName);
        return stream is not null;
    }

    public static Task SetRetentionYearsAsync(this TestApp app, int years) =>
        app.ChangeAsync(async db => (await db.Programmes.FirstAsync()).RetentionYearsAfterEnd = years);

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
