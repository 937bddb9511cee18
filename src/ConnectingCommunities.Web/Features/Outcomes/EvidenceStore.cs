using System.Security.Cryptography;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>The "Evidence" configuration section.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>Where evidence files are kept: outside the web root, beside the SQLite database by default.</summary>
    public string? Folder { get; set; }

    public string EffectiveFolder => Folder is { Length: > 0 } folder ? folder : Path.Combine("data", "evidence");
}

/// <summary>A file as stored: the name the service gave it, its size and its SHA-256 content hash.</summary>
public sealed record StoredEvidence(string StoredFileName, long SizeBytes, string Sha256);

/// <summary>
/// Keeps evidence files on disk outside the web root, each under a name the service makes (never
/// the uploader's, so no name can reach another folder or overwrite a file), with its SHA-256.
/// </summary>
public sealed class EvidenceStore(EvidenceOptions options)
{
    private readonly string folder = Path.GetFullPath(options.EffectiveFolder);

    /// <summary>Writes the content under a new name; the file appears whole or not at all.</summary>
    public async Task<StoredEvidence> SaveAsync(Stream content, string extension, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(folder);
        var name = $"{Guid.CreateVersion7():N}{extension}";
        var path = PathOf(name);
        var partial = path + ".part";
        try
        {
            long size;
            byte[] hash;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                }

                hash = sha.GetHashAndReset();
            }

            File.Move(partial, path);
            return new StoredEvidence(name, size, Convert.ToHexStringLower(hash));
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>Removes a file whose record could not be saved, so no file is left without one.</summary>
    public void Delete(string storedFileName)
    {
        var path = PathOf(storedFileName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>The stored file for reading, or null when it is missing from disk.</summary>
    public Stream? OpenRead(string storedFileName)
    {
        var path = PathOf(storedFileName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    private string PathOf(string storedFileName)
    {
        // Names come from SaveAsync only; anything with a folder in it is refused rather than followed.
        if (storedFileName.Length == 0 || Path.GetFileName(storedFileName) != storedFileName || storedFileName.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a stored evidence file name.", nameof(storedFileName));
        }

        return Path.Combine(folder, storedFileName);
    }
}
