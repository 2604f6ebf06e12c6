namespace CareCompanion.Tests.Support;

/// <summary>Azurite + connector sink + bot, shared by the integration tests of one collection.</summary>
public sealed class BotFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;
    public ConnectorSink Connector { get; private set; } = null!;
    public BotServer Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Connector = await ConnectorSink.StartAsync();
        Bot = await BotServer.StartAsync(Azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>Builds activities whose replies go to this fixture's connector sink.</summary>
    public TeamsActivities Activities() => new(Connector.ServiceUrl);
}

[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<BotFixture>
{
    public const string Name = "bot";
}
