using System.Diagnostics;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Bot.Telemetry;
using CareCompanion.Cards.Pulse;
using CareCompanion.Tests.Pulse;
using CareCompanion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CareCompanion.Tests.Telemetry;

/// <summary>
/// What an operator receives through OpenTelemetry (here an in-memory exporter in place of Application Insights):
/// a span per turn and per job, delivery and turn metrics, and nothing that names a person, a tenant, a team or
/// what anyone wrote.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private const string Comment = "Kari Nordmann er sliten etter tre nattevakter";

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];

    private Task<PulseTeam> InstallAsync() => PulseTeam.InstallAsync(fixture.Azurite, Wednesday, services => services
        .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans))
        .ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics)));

    [Fact]
    public async Task A_turn_is_a_span_named_by_its_route_with_no_person_tenant_team_or_text_in_it()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var person = team.Teams.UserAadObjectId;

        await team.AnswerAsync(round, person, 2, Comment);

        var answer = Assert.Single(_spans, s => s.DisplayName == $"turn Action {PulseVerbs.Answer}");
        Assert.Equal("Action", answer.GetTagItem(BotTelemetry.RouteKind));
        Assert.Equal(PulseVerbs.Answer, answer.GetTagItem(BotTelemetry.RouteKey));
        Assert.Equal("Pulse", answer.GetTagItem(BotTelemetry.Feature));
        Assert.Equal("answered", answer.GetTagItem(BotTelemetry.Outcome));
        Assert.True((long)answer.GetTagItem(BotTelemetry.StorageRoundTrips)! > 0);
        Assert.Contains(_spans, s => s.DisplayName == "turn Event installed");
        Assert.Contains(_spans, s => s.DisplayName == "job pulse.post" && (string?)s.GetTagItem(BotTelemetry.Outcome) == "queued");
        var written = _spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)).ToList();
        Assert.All(Personal(team, round), secret => Assert.DoesNotContain(written, w => w.Contains(secret, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_delivery_and_a_turn_are_metric_points_by_job_kind_and_route_only()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        await team.AnswerAsync(round, team.Teams.UserAadObjectId, 4);

        _metrics.Clear(); // one export, taken now
        team.Bot.Get<MeterProvider>().ForceFlush();

        var sent = Points("carecompanion.delivery.sent").Where(p => Tags(p).Contains($"{BotTelemetry.JobKind}=pulse.post")).Sum(p => p.GetSumLong());
        Assert.Equal(team.ChannelCards().Count(c => c.Method == "POST"), sent); // the week's question in the channel
        Assert.Contains(Points("carecompanion.job.lateness"), p => Tags(p).Contains($"{BotTelemetry.JobKind}=pulse.post"));
        Assert.Contains(Points("carecompanion.turn.duration"), p => Tags(p).Contains($"{BotTelemetry.RouteKey}={PulseVerbs.Answer}"));
        var tags = _metrics.SelectMany(m => m.MetricPoints).SelectMany(Tags).ToList();
        Assert.All(Personal(team, round), secret => Assert.DoesNotContain(tags, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_turn_whose_handler_fails_is_a_span_marked_as_an_error()
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var bot = await BotServer.StartAsync(fixture.Azurite.ConnectionString, services: services => services
            .AddAction<Broken>("test.broken", Access.Anyone, (h, turn, ct) => h.FailAsync())
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));
        var teams = new TeamsActivities(connector.ServiceUrl);

        await bot.PostAsync(teams.PersonalCardAction("test.broken", [], teams.UserAadObjectId));

        var failed = Assert.Single(_spans, s => s.DisplayName == "turn Action test.broken");
        Assert.Equal("error", failed.GetTagItem(BotTelemetry.Outcome));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
    }

    private sealed class Broken
    {
        public Task<Reply> FailAsync() => throw new InvalidOperationException("a bug, not storage");
    }

    /// <summary>Everything in this team that points at a person, the tenant or the team, and what was written.</summary>
    private static string[] Personal(PulseTeam team, Storage.Pulse.PulseRound round) =>
    [
        team.Teams.TenantId, team.Teams.TeamId, team.Teams.AadGroupId, team.Teams.UserId, team.Teams.UserAadObjectId,
        team.Teams.PersonalConversationId, round.RoundId, "Kari", "Nordmann", "nattevakt", "Sjukeheimen",
    ];

    private IEnumerable<MetricPoint> Points(string name) => _metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints);

    private static IEnumerable<string> Tags(MetricPoint point)
    {
        var tags = new List<string>();
        foreach (var tag in point.Tags) tags.Add($"{tag.Key}={tag.Value}");
        return tags;
    }

    [Fact]
    public void With_Application_Insights_configured_only_spans_and_metrics_go_there_never_the_log_lines_that_name_chats()
    {
        var app = CareCompanion.Bot.Hosting.BotApp.Build(["--environment", "Development"], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                [TelemetrySetup.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
                ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            }));

        var loggers = app.Services.GetServices<Microsoft.Extensions.Logging.ILoggerProvider>().Select(p => p.GetType().FullName).ToList();

        Assert.DoesNotContain(loggers, name => name!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
    }
}

/// <summary>
/// The telemetry tests run alone: spans and meters are found by name across the process, so another test's bot
/// running at the same time would add its own turns and deliveries to what these tests read.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
