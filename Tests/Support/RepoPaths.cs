namespace CareCompanion.Tests.Support;

/// <summary>Finds the repository (by its CareCompanion.sln) and the npm tools installed in it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeBin(string name)
    {
        var path = Path.Combine(Root, "node_modules", ".bin", name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: run ./test.sh (it runs 'npm ci') first.");
    }

    public static string Script(string relativePath) => Path.Combine(Root, "Tests", "js", relativePath);

    /// <summary>A folder under TestResults/ for artefacts a person may want to look at (card PNGs, screenshots).</summary>
    public static string Results(string name)
    {
        var dir = Path.Combine(Root, "TestResults", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareCompanion.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CareCompanion.sln not found above " + AppContext.BaseDirectory);
    }
}
