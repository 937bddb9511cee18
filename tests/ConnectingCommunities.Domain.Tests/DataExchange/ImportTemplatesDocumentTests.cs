using ConnectingCommunities.Domain.DataExchange;

namespace ConnectingCommunities.Domain.Tests.DataExchange;

/// <summary>docs/IMPORT-TEMPLATES.md says exactly what the templates hold.</summary>
public class ImportTemplatesDocumentTests
{
    [Fact]
    public void The_documented_columns_are_the_templates_columns()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "IMPORT-TEMPLATES.md");
        var expected = ImportTemplatesDocument.Markdown();
        if (Environment.GetEnvironmentVariable("CC_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the Domain tests with CC_UPDATE_DOCS=1 to write it.");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ConnectingCommunities.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (ConnectingCommunities.slnx) was not found above the test's folder.");
    }
}
