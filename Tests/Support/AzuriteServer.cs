namespace CareCompanion.Tests.Support;

/// <summary>
/// Real Azurite Table and Queue services (npm 'azurite') on free loopback ports, in memory, for one test run. Started
/// <see cref="WithOutagesAsync">with outages</see>, the bot reaches it through <see cref="StorageSwitch"/>es that
/// <see cref="GoDown"/> and <see cref="ComeBack"/> switch off and on.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    // Azurite's well-known development account key (public, documented by Microsoft).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess _tables;
    private readonly ChildProcess _queues;
    private readonly int _tablePort;
    private readonly int _queuePort;
    private StorageSwitch[] _switches = [];

    private AzuriteServer(ChildProcess tables, int tablePort, ChildProcess queues, int queuePort)
    {
        _tables = tables;
        _queues = queues;
        _tablePort = tablePort;
        _queuePort = queuePort;
        ConnectionString = ConnectionStringFor(tablePort, queuePort);
    }

    public string ConnectionString { get; private set; }

    /// <summary>The emulator's processes (tables, queues), for benchmarks that measure what they cost.</summary>
    public IReadOnlyList<int> ProcessIds => [_tables.Id, _queues.Id];

    private static string ConnectionStringFor(int tablePort, int queuePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";

    /// <summary>Azurite behind switches: <see cref="ConnectionString"/> goes through them.</summary>
    public static async Task<AzuriteServer> WithOutagesAsync()
    {
        var azurite = await StartAsync();
        StorageSwitch tables = StorageSwitch.Start(azurite._tablePort), queues = StorageSwitch.Start(azurite._queuePort);
        azurite._switches = [tables, queues];
        azurite.ConnectionString = ConnectionStringFor(tables.Port, queues.Port);
        return azurite;
    }

    /// <summary>Storage cannot be reached: connections refused, open ones cut.</summary>
    public void GoDown()
    {
        foreach (var gate in _switches) gate.Off();
    }

    /// <summary>The queue service alone cannot be reached; tables can.</summary>
    public void QueueGoesDown() => _switches[1].Off();

    /// <summary>
    /// Storage goes away at the first request <paramref name="request"/> matches (on the request's text, e.g. its table
    /// in the request line): everything before it was stored, that request and everything after it is not.
    /// </summary>
    public void GoDownAt(Func<string, bool> request)
    {
        foreach (var gate in _switches)
        {
            gate.Tripwire = text =>
            {
                if (!request(text)) return false;
                foreach (var each in _switches) each.Tripwire = null;
                GoDown();
                return true;
            };
        }
    }

    /// <summary>Storage can be reached again, with everything it held.</summary>
    public void ComeBack()
    {
        foreach (var gate in _switches) gate.On();
    }

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
        foreach (var gate in _switches) await gate.DisposeAsync();
        await _tables.DisposeAsync();
        await _queues.DisposeAsync();
    }
}
