using CareCompanion.Bot.Ideas;
using CareCompanion.Storage;
using CareCompanion.Storage.Ideas;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CareCompanion.Tests.Ideas;

/// <summary>
/// The search's lists are capped (IdeaSearch:MaxIdeas): the least recently searched teams leave memory first, and a team
/// that left is read again at its next search, so search still finds what is stored.
/// </summary>
public sealed class IdeaSearchCapTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Tenant = "tenant-cap";

    [Fact]
    public async Task Over_the_cap_the_least_recently_searched_team_is_read_again_and_found_complete()
    {
        var prefix = BotServer.NewTablePrefix();
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString, tablePrefix: prefix,
            clock: new FakeTimeProvider(IdeaSteps.Monday), settings: new Dictionary<string, string?> { ["IdeaSearch:MaxIdeas"] = "4" });
        // Another instance's writes: this bot's lists learn of them only by reading the team again.
        var elsewhere = new IdeaRepository(new Tables(Options.Create(new StorageOptions { ConnectionString = fixture.Azurite.ConnectionString, TablePrefix = prefix })));
        foreach (var team in new[] { "A", "B", "C" }) await elsewhere.AddManyAsync([Idea(team, 1), Idea(team, 2)]);
        var index = bot.Get<IdeaSearchIndex>();

        await index.GetAsync(Tenant, "A", default);
        await index.GetAsync(Tenant, "B", default);
        await index.GetAsync(Tenant, "A", default); // A searched after B: B is the least recent
        await elsewhere.AddManyAsync([Idea("A", 3), Idea("B", 3)]);
        await index.GetAsync(Tenant, "C", default); // 6 ideas over a cap of 4: B leaves

        Assert.Equal(["A 2", "A 1"], Titles(await index.GetAsync(Tenant, "A", default))); // kept: still the list from memory
        Assert.Equal(["B 3", "B 2", "B 1"], Titles(await index.GetAsync(Tenant, "B", default))); // read again, complete
    }

    private static Idea Idea(string team, int n) => new()
    {
        TenantId = Tenant, TeamId = team, IdeaId = $"{team}-{n}", Title = $"{team} {n}", Description = "", Category = "workflow",
        SubmitterAadObjectId = "someone", CreatedAt = IdeaSteps.Monday.AddMinutes(n), StatusChangedAt = IdeaSteps.Monday,
    };

    private static List<string> Titles(IReadOnlyList<IdeaSummary> ideas) => [.. ideas.Select(i => i.Title)];
}
