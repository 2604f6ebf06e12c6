using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CareCompanion.Tests.Networks;

/// <summary>
/// Three municipalities (tenants) on one bot with a fake clock: Melhus (A, with a second team A2), Skaun (B) and
/// Midtre Gauldal (C). Each has its own admin (named in configuration) and a team whose installer leads it; Melhus has a
/// network coordinator.
/// </summary>
public sealed class NetworkWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Meeting = new(2027, 2, 10);

    private NetworkWorld(BotServer bot, ConnectorSink connector, FakeTimeProvider clock) => (Bot, Connector, Clock) = (bot, connector, clock);

    public BotServer Bot { get; }
    public ConnectorSink Connector { get; }
    public FakeTimeProvider Clock { get; }
    public TeamsActivities A { get; private set; } = null!;
    public TeamsActivities A2 { get; private set; } = null!;
    public TeamsActivities B { get; private set; } = null!;
    public TeamsActivities C { get; private set; } = null!;
    /// <summary>Melhus' network coordinator, a member of team A with a personal chat.</summary>
    public TeamsActivities Coordinator { get; private set; } = null!;
    public Dictionary<string, string> Admins { get; } = [];

    public NetworkRepository Networks => Bot.Get<NetworkRepository>();

    public static async Task<NetworkWorld> StartAsync(AzuriteServer azurite)
    {
        var clock = new FakeTimeProvider(Now);
        var connector = await ConnectorSink.StartAsync();
        var (a, b, c) = (Tenant(connector), Tenant(connector), Tenant(connector));
        var admins = new Dictionary<string, string> { [a.TenantId] = Guid.NewGuid().ToString(), [b.TenantId] = Guid.NewGuid().ToString(), [c.TenantId] = Guid.NewGuid().ToString() };
        // As a shared host names them: each admin with their tenant.
        var settings = admins.Select((admin, i) => ($"Roles:TenantAdmins:{i}", (string?)$"{admin.Key}:{admin.Value}")).ToDictionary();
        var bot = await BotServer.StartAsync(azurite.ConnectionString, settings: settings, clock: clock);
        var world = new NetworkWorld(bot, connector, clock) { A = a, B = b, C = c, A2 = new TeamsActivities(connector.ServiceUrl) { TenantId = a.TenantId } };
        foreach (var (id, admin) in admins) world.Admins[id] = admin;
        foreach (var team in new[] { world.A, world.A2, world.B, world.C })
        {
            await bot.PostAsync(team.InstallInTeam());
            connector.AddMember(team.TeamId, team.UserId, team.UserAadObjectId);
        }
        world.Coordinator = world.Member(world.A);
        await bot.PostAsync(world.Coordinator.InstallPersonal());
        await world.SettingsAsync(world.A, crossTenant: false, "Melhus", world.Coordinator.UserAadObjectId);
        await world.SettingsAsync(world.B, crossTenant: false, "Skaun");
        await world.SettingsAsync(world.C, crossTenant: false, "Midtre Gauldal");
        return world;
    }

    private static TeamsActivities Tenant(ConnectorSink connector) => new(connector.ServiceUrl);

    /// <summary>Someone else in the team's roster, with their own activities.</summary>
    public TeamsActivities Member(TeamsActivities team)
    {
        var member = new TeamsActivities(Connector.ServiceUrl) { TenantId = team.TenantId, TeamId = team.TeamId };
        Connector.AddMember(team.TeamId, member.UserId, member.UserAadObjectId);
        return member;
    }

    public async Task<string> SendAsync(JsonObject activity)
    {
        var response = await Bot.PostAsync(activity);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        // A button that could not be done answers with Universal Actions' error response: its message is what Teams shows.
        return body["value"] is JsonObject { } value && value["value"] is JsonObject { } error && error["message"] is { } message
            ? message.GetValue<string>() : CardContent.InvokeReply(body);
    }

    /// <summary>The tenant's admin saves the network settings in the team's channel.</summary>
    public Task<string> SettingsAsync(TeamsActivities team, bool crossTenant, string municipality, params string[] coordinators) =>
        SendAsync(team.ChannelCardAction(NetworkVerbs.SaveSettings, new JsonObject
        {
            ["team"] = team.TeamId, ["crossTenant"] = crossTenant ? "true" : "false", ["municipality"] = municipality,
            ["coordinators"] = string.Join(",", coordinators),
        }, Admins[team.TenantId]));

    /// <summary>The coordinator creates a network from their personal chat; returns it as stored.</summary>
    public async Task<Network> CreateNetworkAsync(string name = "Palliasjon i Trøndelag", int daysBefore = 7)
    {
        await SendAsync(Coordinator.PersonalCardAction(NetworkVerbs.Create, new JsonObject
        {
            ["name"] = name, ["theme"] = "palliation", ["meeting1"] = Meeting.ToString("yyyy-MM-dd"), ["daysBefore"] = daysBefore.ToString(),
        }, Coordinator.UserAadObjectId));
        return (await Networks.ListHostedAsync(A.TenantId)).Single(n => n.Name == name);
    }

    /// <summary>The team's leader (its installer) joins with the code; returns what they see.</summary>
    public Task<string> JoinAsync(TeamsActivities team, string code) =>
        SendAsync(team.ChannelCardAction(NetworkVerbs.Join, new JsonObject { ["team"] = team.TeamId, ["code"] = code }, team.UserAadObjectId));

    public async Task RunAtAsync(DateTimeOffset utc)
    {
        Clock.SetUtcNow(utc);
        await Bot.Get<JobScheduler>().RunDueJobsAsync(default);
        while (await Bot.Get<DeliveryWorker>().ProcessBatchAsync(default) > 0) { }
    }

    /// <summary>The titles the messaging extension's search lists for someone in the team's channel.</summary>
    public async Task<List<string>> SearchAsync(TeamsActivities team, string words)
    {
        var response = await Bot.PostAsync(team.ChannelInvoke("composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchIdeas",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchText", ["value"] = words }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        }, team.UserAadObjectId));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. body["composeExtension"]!["attachments"]!.AsArray().Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>())];
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
