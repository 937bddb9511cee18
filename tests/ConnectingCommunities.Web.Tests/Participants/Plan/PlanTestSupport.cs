using System.Globalization;
using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Participants.Plan;

/// <summary>Helpers the barrier and action plan tests share: participants, database counts, forms and errors.</summary>
internal static class PlanTestSupport
{
    public static DateOnly Today => DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A participant of a lot, registered on 1 March 2021 unless configured otherwise.</summary>
    public static Task<Participant> ParticipantAsync(this TestApp app, string lot = "WH") => app.AddAsync(lot);

    public static Task<Participant> LeftParticipantAsync(this TestApp app, string lot = "WH") => app.AddAsync(lot, p =>
    {
        p.Status = ParticipantStatus.Left;
        p.LeftOn = new DateOnly(2021, 5, 1);
        p.LeavingReason = "movedOutOfArea";
    });

    /// <summary>Runs a query against the app's database in a scope of its own.</summary>
    public static async Task<T> QueryAsync<T>(this TestApp app, Func<CcDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CcDbContext>());
    }

    /// <summary>Every barrier, review, goal and action row of a participant: what "nothing was written" compares.</summary>
    public static Task<(int Barriers, int Reviews, int Goals, int Actions)> PlanRowsAsync(this TestApp app, Guid participantId) =>
        app.QueryAsync(async db => (
            await db.ParticipantBarriers.CountAsync(b => b.ParticipantId == participantId, TestContext.Current.CancellationToken),
            await db.BarrierReviews.CountAsync(r => r.ParticipantId == participantId, TestContext.Current.CancellationToken),
            await db.Goals.CountAsync(g => g.ParticipantId == participantId, TestContext.Current.CancellationToken),
            await db.PlanActions.CountAsync(a => a.ParticipantId == participantId, TestContext.Current.CancellationToken)));

    public static Task<List<AuditEvent>> AuditAsync(this TestApp app, Guid participantId) =>
        app.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.ParticipantId == participantId)
            .OrderBy(a => a.OccurredAt)
            .ToListAsync(TestContext.Current.CancellationToken));

    public static Dictionary<string, string> DateFields(string name, DateOnly? date) => new()
    {
        [$"{name}.Day"] = date?.Day.ToString(CultureInfo.InvariantCulture) ?? "",
        [$"{name}.Month"] = date?.Month.ToString(CultureInfo.InvariantCulture) ?? "",
        [$"{name}.Year"] = date?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    public static Dictionary<string, string> Form(params (string Name, object? Value)[] fields)
    {
        var form = new Dictionary<string, string>();
        foreach (var (name, value) in fields)
        {
            switch (value)
            {
                case DateOnly date:
                    foreach (var (key, part) in DateFields(name, date))
                    {
                        form[key] = part;
                    }

                    break;
                case null:
                    break;
                default:
                    form[name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                    break;
            }
        }

        return form;
    }

    public static void AssertFieldError(JsonElement problem, string field, string message)
    {
        var errors = problem.TryGetProperty("errors", out var all) && all.TryGetProperty(field, out var found) ? found : default;
        Assert.True(errors.ValueKind == JsonValueKind.Array, $"No error for {field}: {problem}");
        Assert.True(
            errors.EnumerateArray().Any(e => e.GetString()!.Contains(message, StringComparison.OrdinalIgnoreCase)),
            $"No error for {field} containing '{message}': {errors}");
    }

    public static void AssertStatus(HttpStatusCode expected, HttpStatusCode actual, string what) =>
        Assert.True(expected == actual, $"{what}: expected {(int)expected}, got {(int)actual}");

    /// <summary>
    /// Reading: evaluators never (403), commissioners always, the lot's own staff; changing: the lot's
    /// own staff only (commissioners 403). Another lot's participant does not exist (404).
    /// </summary>
    public static (HttpStatusCode Read, HttpStatusCode Write) Expected(string email, string lot) => email switch
    {
        DemoUsers.Evaluator => (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        DemoUsers.Commissioner => (HttpStatusCode.OK, HttpStatusCode.Forbidden),
        _ when email.Contains($".{lot.ToLowerInvariant()}@", StringComparison.Ordinal) => (HttpStatusCode.OK, HttpStatusCode.OK),
        _ => (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
    };
}
