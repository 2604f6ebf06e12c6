namespace CareCompanion.Tests.Support;

/// <summary>Microsoft 365 Agents Playground (npm '@microsoft/m365agentsplayground') on a free port, pointed at a bot.</summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _workDir;

    private AgentsPlayground(ChildProcess process, string workDir, int port)
    {
        _process = process;
        _workDir = workDir;
        Url = $"http://127.0.0.1:{port}/";
    }

    public string Url { get; }

    public string Output => _process.Output;

    public static async Task<AgentsPlayground> StartAsync(string botMessagesUrl)
    {
        var port = ChildProcess.FreePort();
        // Its own working folder: the playground writes a devTools/ log there.
        var workDir = Directory.CreateTempSubdirectory("playground-").FullName;
        var process = ChildProcess.Start(RepoPaths.NodeBin("agentsplayground"),
            ["-e", botMessagesUrl, "-c", "msteams", "--disable-telemetry", "-p", port.ToString(),
             "--service-url", $"http://127.0.0.1:{port}/_connector"],
            workDir,
            new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none" });
        await process.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        return new AgentsPlayground(process, workDir, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_workDir, recursive: true);
    }
}
