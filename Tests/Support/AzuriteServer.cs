namespace CareCompanion.Tests.Support;

/// <summary>A real Azurite Table service (npm 'azurite') on a free loopback port, in memory, for one test run.</summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    // Azurite's well-known development account key (public, documented by Microsoft).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess _process;

    private AzuriteServer(ChildProcess process, int tablePort)
    {
        _process = process;
        TablePort = tablePort;
    }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync()
    {
        var port = ChildProcess.FreePort();
        var process = ChildProcess.Start(RepoPaths.NodeBin("azurite-table"),
            ["--tableHost", "127.0.0.1", "--tablePort", port.ToString(), "--inMemoryPersistence", "--silent", "--disableTelemetry"]);
        await process.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        return new AzuriteServer(process, port);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
