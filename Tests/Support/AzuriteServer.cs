namespace CareCompanion.Tests.Support;

/// <summary>Real Azurite Table and Queue services (npm 'azurite') on free loopback ports, in memory, for one test run.</summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    // Azurite's well-known development account key (public, documented by Microsoft).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess _tables;
    private readonly ChildProcess _queues;

    private AzuriteServer(ChildProcess tables, int tablePort, ChildProcess queues, int queuePort)
    {
        _tables = tables;
        _queues = queues;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteServer> StartAsync()
    {
        var tablePort = ChildProcess.FreePort();
        var tables = ChildProcess.Start(RepoPaths.NodeBin("azurite-table"),
            ["--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(), "--inMemoryPersistence", "--silent", "--disableTelemetry"]);
        var queuePort = ChildProcess.FreePort();
        var queues = ChildProcess.Start(RepoPaths.NodeBin("azurite-queue"),
            ["--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(), "--inMemoryPersistence", "--silent", "--disableTelemetry",
             // Azure.Storage.Queues 12.28 asks for a service version newer than Azurite 3.37 knows; the calls we use are unchanged.
             "--skipApiVersionCheck"]);
        await tables.WaitForPortAsync(tablePort, TimeSpan.FromSeconds(30));
        await queues.WaitForPortAsync(queuePort, TimeSpan.FromSeconds(30));
        return new AzuriteServer(tables, tablePort, queues, queuePort);
    }

    public async ValueTask DisposeAsync()
    {
        await _tables.DisposeAsync();
        await _queues.DisposeAsync();
    }
}
