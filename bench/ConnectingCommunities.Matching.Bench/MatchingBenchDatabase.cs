using System.Diagnostics;
using System.Globalization;
using ConnectingCommunities.Bench;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConnectingCommunities.Matching.Bench;

/// <summary>
/// The benchmark's PostgreSQL database, built once and reused: the demo caseload loaded in bulk by the app's own
/// start-up (binary COPY, with the demo's employers, vacancies, coordinates and job goals), then topped up by SQL to
/// the sizes: every participant still on the programme and with job goals (the worst case for a vacancy's
/// candidates), 20,000 open vacancies, and one lot of exactly 30,000 participants. Nothing goes through HTTP.
/// </summary>
internal static class MatchingBenchDatabase
{
    public const string DatabaseName = "cc_bench_matching";

    /// <summary>The connection string of the benchmark database: CC_BENCH_MATCHING, or the default server's cc_bench_matching.</summary>
    public static string Connection =>
        Environment.GetEnvironmentVariable("CC_BENCH_MATCHING") is { Length: > 0 } set
            ? set
            : new NpgsqlConnectionStringBuilder(BenchHost.DefaultServer) { Database = DatabaseName }.ConnectionString;

    /// <summary>The app's services over an existing database, without a server or start-up work.</summary>
    public static WebApplication Build(string connection, bool demo = false, int participants = 0) =>
        WebApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connection,
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["Demo:Password"] = BenchHost.Password,
            ["Demo:Participants"] = participants.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        }));

    public static async Task<int> SetUpAsync(string[] args)
    {
        var server = Option(args, "--connection") ?? BenchHost.DefaultServer;
        var participants = int.Parse(Option(args, "--participants") ?? "200000", CultureInfo.InvariantCulture);
        var vacancies = int.Parse(Option(args, "--vacancies") ?? "20000", CultureInfo.InvariantCulture);
        var lotCode = Option(args, "--lot") ?? "BW";
        var lotSize = int.Parse(Option(args, "--lot-size") ?? "30000", CultureInfo.InvariantCulture);
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
        var clock = Stopwatch.StartNew();

        if (!await ExistsAsync(server))
        {
            await ExecuteAsync(server, $"CREATE DATABASE {DatabaseName}");
        }

        await using var app = Build(connection, demo: true, participants);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Migrates, seeds the programme and demo users, and loads the demo caseload when there are no participants yet.
            var initialiser = scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>();
            await initialiser.InitialiseAsync(demoEnabled: true, BenchHost.Password, participants);
        }

        Console.WriteLine($"Demo caseload in place after {clock.Elapsed.TotalSeconds:F0} s");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var today = Formatting.TodayInLondon(TimeProvider.System);

            // Everyone still on the programme: a vacancy's candidates are the lot's active participants with job goals.
            var reactivated = await db.Participants.Where(p => p.Status != ParticipantStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ParticipantStatus.Active).SetProperty(p => p.LeftOn, (DateOnly?)null));
            var goals = await db.Database.ExecuteSqlRawAsync(JobGoalsSql);
            var open = await db.Vacancies.CountAsync(v => v.Status == VacancyStatus.Open && v.ClosingOn >= today);
            var added = open >= vacancies ? 0 : await db.Database.ExecuteSqlRawAsync(VacanciesSql, vacancies - open, today);
            var moved = await ResizeLotAsync(db, lotCode, lotSize);
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.WriteLine(
                $"Made {reactivated:N0} participants active, added job goals for {goals:N0}, {added:N0} open vacancies, moved {moved:N0} participants into {lotCode}; "
                + $"{clock.Elapsed.TotalSeconds:F0} s in all");
            Console.WriteLine(
                $"Now: {await db.Participants.CountAsync():N0} participants, {await db.JobGoals.CountAsync():N0} with job goals, "
                + $"{await db.Vacancies.CountAsync(v => v.Status == VacancyStatus.Open && v.ClosingOn >= today):N0} open vacancies, "
                + $"{await db.Participants.CountAsync(p => p.Lot!.Code == lotCode):N0} participants in {lotCode}");
        }

        return 0;
    }

    /// <summary>Moves participants from the largest other lot into (or out of) the lot until it has exactly <paramref name="size"/>.</summary>
    private static async Task<int> ResizeLotAsync(CcDbContext db, string lotCode, int size)
    {
        var lots = await db.Lots.Select(l => new { l.Id, l.Code, Count = db.Participants.Count(p => p.LotId == l.Id) }).ToListAsync();
        var lot = lots.Single(l => l.Code == lotCode);
        var other = lots.Where(l => l.Code != lotCode).MaxBy(l => l.Count)!;
        var need = size - lot.Count;
        if (need == 0)
        {
            return 0;
        }

        var (from, to) = need > 0 ? (other.Id, lot.Id) : (lot.Id, other.Id);
        return await db.Database.ExecuteSqlRawAsync(
            "UPDATE participants SET lot_id = {0} WHERE id IN (SELECT id FROM participants WHERE lot_id = {1} ORDER BY id DESC LIMIT {2})",
            to, from, Math.Abs(need));
    }

    /// <summary>Job goals for every participant without them: two neighbouring occupations, three skills, hours and travel.</summary>
    private const string JobGoalsSql =
        """
        WITH c AS (
          SELECT ARRAY['7111','7112','9241','6135','6136','6131','6231','9252','9132','8214','8222','9263','9264','9266','5435','9223',
                       '9222','9231','8119','8149','7219','7211','4159','4152','6112','6111','9232','9211','8212'] AS socs,
                 ARRAY['Customer service','Cash handling','Food hygiene','Manual handling','Cleaning','Warehouse picking','Care work',
                       'Personal care','Data entry','Teamwork','Forklift','Driving','Stock control','Packing','Security'] AS skills)
        INSERT INTO job_goals (id, participant_id, occupations, skills, min_weekly_hours, max_weekly_hours, available_days, can_work_nights,
          can_work_weekends, max_travel_minutes, max_travel_miles, has_driving_licence, has_own_transport, available_from, available_until,
          updated_by_id, updated_at, version)
        SELECT gen_random_uuid(), p.id, c.socs[r.o:r.o + 1], c.skills[r.s:r.s + 2], 8, 16 + floor(random() * 25), ARRAY[]::text[], random() < 0.25,
          random() < 0.6, NULL, 3 + floor(random() * 13), random() < 0.35, false, NULL, NULL, NULL, now(), 0
        FROM participants p CROSS JOIN c
        CROSS JOIN LATERAL (SELECT 1 + floor(random() * 28)::int AS o, 1 + floor(random() * 13)::int AS s, p.id AS for_row) r
        WHERE NOT EXISTS (SELECT 1 FROM job_goals g WHERE g.participant_id = p.id)
        """;

    /// <summary>Open vacancies ({0} of them) closing two to eight weeks after {1}, at the demo's employers and postcodes.</summary>
    private const string VacanciesSql =
        """
        WITH c AS (
          SELECT ARRAY['7111','7112','9241','6135','6136','6131','6231','9252','9132','8214','8222','9263','9264','9266','5435','9223',
                       '9222','9231','8119','8149','7219','7211','4159','4152','6112','6111','9232','9211','8212'] AS socs,
                 ARRAY['Sales assistant','Checkout operator','Shelf filler','Care worker','Senior care worker','Healthcare assistant',
                       'Housekeeping assistant','Warehouse operative','Picker packer','Delivery driver','Forklift driver','Kitchen assistant',
                       'Waiting staff','Barista','Cook','Cleaner','Street cleaner','Security officer','Production operative',
                       'Assembly operative','Customer service adviser','Contact centre adviser','Administrative assistant','Data entry clerk',
                       'Teaching assistant','Nursery assistant','School midday supervisor','Postal worker','Bus driver'] AS titles,
                 ARRAY['Customer service','Cash handling','Food hygiene','Manual handling','Cleaning','Warehouse picking','Care work',
                       'Personal care','Data entry','Teamwork','Forklift','Driving','Stock control','Packing','Security'] AS skills,
                 ARRAY['daytime','daytime','daytime','evenings','flexible','rotating','nights','weekends'] AS shifts,
                 (SELECT array_agg(id ORDER BY id) FROM employers) AS employers,
                 (SELECT array_agg(id ORDER BY code) FROM lots) AS lots,
                 (SELECT array_agg(postcode ORDER BY postcode) FROM lot_postcodes) AS postcodes)
        INSERT INTO vacancies (id, employer_id, found_by_lot_id, title, soc_code, postcode, weekly_hours, shift_pattern, working_days,
          starts_at, ends_at, hourly_wage, contract_type, positions, required_skills, desirable_skills, minimum_qualification,
          driving_licence_required, posted_on, closing_on, starts_on, status, description, created_by_id, created_at, version)
        SELECT gen_random_uuid(), c.employers[r.e], c.lots[r.l], c.titles[r.j], c.socs[r.j], c.postcodes[r.p], 8 + floor(random() * 33),
          c.shifts[r.h], CASE WHEN c.shifts[r.h] IN ('daytime', 'evenings') THEN ARRAY['Mon','Tue','Wed','Thu','Fri'] ELSE ARRAY[]::text[] END,
          NULL, NULL, round((12.71 + random() * 3)::numeric, 2), 'Permanent', 1, c.skills[r.s:r.s + (r.j % 3)], ARRAY[]::text[], NULL,
          c.socs[r.j] IN ('8214', '8212'), {1}::date - floor(random() * 28)::int, {1}::date + 14 + floor(random() * 43)::int, NULL, 'Open',
          NULL, NULL, now(), 0
        FROM generate_series(1, {0}) g CROSS JOIN c
        CROSS JOIN LATERAL (
          SELECT 1 + floor(random() * array_length(c.employers, 1))::int AS e, 1 + floor(random() * array_length(c.lots, 1))::int AS l,
                 1 + floor(random() * 29)::int AS j, 1 + floor(random() * array_length(c.postcodes, 1))::int AS p,
                 1 + floor(random() * 8)::int AS h, 1 + floor(random() * 13)::int AS s, g AS for_row) r
        """;

    private static async Task<bool> ExistsAsync(string server)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", DatabaseName);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
