using System.Security.Cryptography;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.Outcomes;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>Uploaded import files, kept outside the web root (beside the evidence store) under names the platform chooses.</summary>
public sealed class ImportStore(ImportOptions options, EvidenceOptions evidence)
{
    private readonly string folder = options.EffectiveFolder(evidence);

    /// <summary>Copies the upload to the store, stopping at the size limit. Null when the upload is larger than the limit.</summary>
    public async Task<(string StoredFileName, string Sha256, long Size)?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(folder);
        var name = $"{Guid.CreateVersion7():N}.upload";
        var path = Path.Combine(folder, name);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    break;
                }

                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (size > maxBytes)
        {
            File.Delete(path);
            return null;
        }

        return (name, Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    public string PathOf(DataImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        return PathOf(import.StoredFileName);
    }

    public string PathOf(string storedFileName) => Path.Combine(folder, Path.GetFileName(storedFileName));

    public void Delete(string storedFileName)
    {
        var path = PathOf(storedFileName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
