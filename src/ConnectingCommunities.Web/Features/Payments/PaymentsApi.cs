using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>
/// Payment runs, remittance advice, recoveries and spend under /api/v1. Reading is for provider
/// managers (their providers' runs, their lots' lines) and commissioners; making runs and asking
/// for recoveries is for commissioners. A run the user may not see is 404.
/// </summary>
public static class PaymentsApi
{
    public static void MapPaymentsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var runs = api.MapGroup("/payment-runs").WithTags("Payments").RequireAuthorization(Policies.Claims);

        runs.MapGet("", async (string? provider, string? period, int? page, int? pageSize, PaymentRunHandler handler, CancellationToken ct) =>
                (await handler.ListAsync(provider, period, page, pageSize, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Payment runs, newest first; filter with ?provider={providerId}&period=2021-04");

        runs.MapGet("/preview", async (string? period, PaymentRunHandler handler, CancellationToken ct) =>
                (await handler.PreviewAsync(period, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.ClaimValidation)
            .WithSummary("What POST /payment-runs would pay now for ?period=2021-04, provider by provider, with the lines; nothing is saved");

        runs.MapPost("", async (PaymentRunInput input, PaymentRunHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct))
                    .ToApi(created => TypedResults.Created($"/api/v1/payment-runs?period={created.Period}", created)))
            .RequireAuthorization(Policies.ClaimValidation)
            .WithSummary("Make the payment runs up to a period: {\"period\":\"2021-04\"}. Pays every approved, unpaid line on claims up to the "
                + "period's end and recovers every paid line whose recovery was requested, one run per provider, in one transaction. "
                + "Answers 201 with {period, runs:[...]}; 400 on period when there is nothing to pay; 409 when another run was made at the same moment");

        runs.MapGet("/{id:guid}", async (Guid id, PaymentRunHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } run ? Results.Ok(run) : ApiResults.NotFound())
            .WithSummary("One payment run with its lines (Payment lines positive, Recovery lines negative) and totals; total is what is paid");

        runs.MapGet("/{id:guid}/remittance.csv", async (Guid id, PaymentRunHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } run
                    ? Results.File(RemittanceExport.Csv(run), RemittanceExport.CsvContentType, RemittanceExport.FileName(run, "csv"))
                    : ApiResults.NotFound())
            .WithSummary("The remittance advice as CSV (RFC 4180, UTF-8): a record per line, then the totals");

        runs.MapGet("/{id:guid}/remittance.xlsx", async (Guid id, PaymentRunHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } run
                    ? Results.File(RemittanceExport.Xlsx(run), RemittanceExport.XlsxContentType, RemittanceExport.FileName(run, "xlsx"))
                    : ApiResults.NotFound())
            .WithSummary("The remittance advice as an Excel workbook: amounts as numbers in pounds, with a totals section");

        api.MapPost("/claims/{id:guid}/lines/{lineId:guid}/recovery",
                async (Guid id, Guid lineId, RecoveryInput input, RecoveryHandler handler, CancellationToken ct) =>
                    (await handler.RequestAsync(id, lineId, input, ct)).ToApi(TypedResults.Ok))
            .WithTags("Payments")
            .RequireAuthorization(Policies.ClaimValidation)
            .WithSummary("Ask for a paid line's payment back: {\"reason\"} (required). The provider's next payment run recovers it as a "
                + "negative line; 409 when the line is not paid or its recovery is already requested or made");

        api.MapGet("/spend", async (SpendHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithTags("Payments")
            .RequireAuthorization(Policies.Claims)
            .WithSummary("Value, spend and what remains per lot and contract (a provider manager's own lots), with the lots' totals");
    }
}
