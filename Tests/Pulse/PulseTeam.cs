using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareCompanion.Tests.Pulse;

/// <summary>A bot with a fake clock, a connector sink, and one team that has installed it.</summary>
public sealed class PulseTeam : IAsyncDisposable
{
    private PulseTeam(BotServer bot, ConnectorSink connector, FakeTimeProvider clock, TeamsActivities teams)
    {
        Bot = bot;
        Connector = connector;
        Clock = clock;
        Teams = teams;
    }

    public BotServer Bot { get; private set; }
    public string TablePrefix { get; } = BotServer.NewTablePrefix();
    public ConnectorSink Connector { get; }
    public FakeTimeProvider Clock { get; }
    public TeamsActivities Teams { get; }
    public PulseRepository Pulse => Bot.Get<PulseRepository>();

    /// <param name="services">More services for the bot, e.g. a telemetry exporter.</param>
    public static async Task<PulseTeam> InstallAsync(AzuriteServer azurite, DateTimeOffset now, Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(now);
        var connector = await ConnectorSink.StartAsync();
        var team = new PulseTeam(null!, connector, clock, new TeamsActivities(connector.ServiceUrl)) { _azurite = azurite };
        team.Bot = await BotServer.StartAsync(azurite.ConnectionString, clock: clock, tablePrefix: team.TablePrefix, services: services);
        await team.Bot.PostAsync(team.Teams.InstallInTeam());
        return team;
    }

    private AzuriteServer _azurite = null!;

    /// <summary>Stops the bot and starts a fresh one on the same storage and clock, as after a deployment or a crash.</summary>
    public async Task RestartAsync()
    {
        await Bot.StopKeepingStorageAsync();
        Bot = await BotServer.StartAsync(_azurite.ConnectionString, clock: Clock, tablePrefix: TablePrefix);
    }

    /// <summary>Moves the clock to <paramref name="utc"/> and lets the scheduler and the delivery worker do what is due.</summary>
    public async Task RunAtAsync(DateTimeOffset utc)
    {
        Clock.SetUtcNow(utc);
        await Bot.Get<JobScheduler>().RunDueJobsAsync(default);
        while (await Bot.Get<DeliveryWorker>().ProcessBatchAsync(default) > 0) { }
    }

    /// <summary>Pulse cards posted to (or updated in) the channel; the welcome card left out.</summary>
    public IReadOnlyList<SentActivity> ChannelCards() => [.. Connector.SentTo(Teams.GeneralChannelId).Where(IsQuestion)];

    private static bool IsQuestion(SentActivity sent) => sent.Card?["body"]?[0]?["text"]?.GetValue<string>().StartsWith("Ukens spørsmål") == true;

    /// <summary>Someone else in the team: in Teams' roster, with their own personal chat and activities.</summary>
    public TeamsActivities Member()
    {
        var member = new TeamsActivities(Connector.ServiceUrl) { TenantId = Teams.TenantId, TeamId = Teams.TeamId };
        Connector.AddMember(Teams.TeamId, member.UserId, member.UserAadObjectId);
        return member;
    }

    /// <summary>Question cards the bot sent to the person's personal chat (the one they wrote in, or the one the bot opened).</summary>
    public IReadOnlyList<SentActivity> CardsTo(TeamsActivities person) =>
    [
        .. Connector.Sent.Where(s => IsQuestion(s)
            && (s.ConversationId == person.PersonalConversationId || (Connector.CreatedChats.TryGetValue(person.UserId, out var chat) && s.ConversationId == chat))),
    ];

    /// <summary>Lets the round due at <paramref name="utc"/> open and returns it.</summary>
    public async Task<PulseRound> OpenRoundAsync(DateTimeOffset utc)
    {
        await RunAtAsync(utc);
        return await CurrentRoundAsync();
    }

    public async Task<PulseRound> CurrentRoundAsync()
    {
        var card = ChannelCards().Last(c => c.Method == "POST").Card!;
        var data = card.ToJsonString();
        var roundId = JsonNode.Parse(data)!["body"]!.AsArray()
            .SelectMany(n => n?["actions"]?.AsArray() ?? []).First()!["data"]!["round"]!.GetValue<string>();
        return (await Pulse.GetRoundAsync(Teams.TenantId, Teams.TeamId, roundId))!;
    }

    /// <summary>A person taps an answer on the card; returns the invoke response body.</summary>
    public async Task<JsonObject> AnswerAsync(PulseRound round, string person, int? value, string? comment = null, TeamsActivities? from = null)
    {
        var data = new JsonObject { ["round"] = round.RoundId, ["team"] = Teams.TeamId };
        if (value is { } v) data["value"] = v;
        if (comment is not null) data[PulseAnswerPayload.CommentInput] = comment;
        var response = await Bot.PostAsync((from ?? Teams).ChannelCardAction(PulseVerbs.Answer, data, person));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
