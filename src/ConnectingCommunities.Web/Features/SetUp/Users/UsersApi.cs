using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.SetUp.Users;

/// <summary>An optional reason for an action that has no other body, kept in the audit trail.</summary>
public sealed record UserActionInput(string? Reason);

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.SetUp);

        users.MapGet("/", async (string? role, int? page, int? pageSize, UserHandler handler, CancellationToken ct) =>
                (await handler.ListAsync(role, page, pageSize, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Users by name, optionally of one role (?role=advisor)")
            .Produces<PagedList<UserView>>()
            .ProducesValidationProblem();

        users.MapGet("/{id:guid}", async (Guid id, UserHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } user ? Results.Ok(user) : ApiResults.NotFound())
            .WithSummary("One user")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPost("/", async (NewUserInput input, UserHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToApi(user => TypedResults.Created($"/api/v1/users/{user.Id}", user)))
            .WithSummary("Add a user; without a password, a temporary one is generated and returned once as temporaryPassword")
            .Produces<UserView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        users.MapPut("/{id:guid}", async (Guid id, UserChangeInput input, UserHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Change a user's name, role, lots or whether they can sign in; send the version you read to detect conflicting edits")
            .Produces<UserView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapPost("/{id:guid}/unlock", async (Guid id, UserActionInput? input, UserHandler handler, CancellationToken ct) =>
                (await handler.UnlockAsync(id, input?.Reason, ct)).ToApi(TypedResults.Ok))
            .WithSummary("End a lockout after too many failed sign-in attempts")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPost("/{id:guid}/reset-password", async (Guid id, UserActionInput? input, UserHandler handler, CancellationToken ct) =>
                (await handler.ResetPasswordAsync(id, input?.Reason, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Replace the password with a temporary one, returned once as temporaryPassword; the user's sessions end")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
