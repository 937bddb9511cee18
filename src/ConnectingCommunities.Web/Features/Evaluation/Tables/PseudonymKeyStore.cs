using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Evaluation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>
/// The platform's key for evaluation pseudonyms: 32 random bytes made on first use and kept in
/// platform_secrets as "evaluation-pseudonym-key", protected with ASP.NET Core data protection (so a copy
/// of the database alone does not give the key away). The same key is used for every download, so
/// pseudonyms are stable; nobody is ever shown it.
/// </summary>
public sealed class PseudonymKeyStore(CcDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string SecretName = "evaluation-pseudonym-key";

    private readonly IDataProtector protector = protection.CreateProtector("ConnectingCommunities.Evaluation.PseudonymKey");

    /// <summary>The key, made and stored the first time it is asked for.</summary>
    public async Task<byte[]> KeyAsync(CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var key = Pseudonyms.NewKey();
        var secret = new PlatformSecret { Name = SecretName, Value = protector.Protect(Convert.ToBase64String(key)), CreatedAt = clock.GetUtcNow() };
        db.PlatformSecrets.Add(secret);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return key;
        }
        catch (DbUpdateException)
        {
            // Another request made the key at the same moment: theirs was stored first, so use it.
            db.Entry(secret).State = EntityState.Detached;
            return await ReadAsync(cancellationToken) ?? throw new InvalidOperationException("The pseudonym key could not be stored.");
        }
    }

    private async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        var stored = await db.PlatformSecrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : Convert.FromBase64String(protector.Unprotect(stored));
    }
}
