using System.Text.Json;
using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Networks;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Networks;
using CareCompanion.Storage.Scheduling;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CareCompanion.Tests.EndToEnd;

/// <summary>
/// Learning networks in the playground. Its one tenant is Melhus and its team ("My Team", led by the playground user,
/// who installs the app there) is in a network with a home-care team in Skaun, another tenant; both municipalities
/// allow networks across municipalities. The network and what Skaun shared are seeded in storage as the coordinator's
/// "nytt nettverk", the teams' joins and Skaun's "del praksis" would have stored them (Tests/Networks drives those).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NetworkPlaygroundTests(ITestOutputHelper output)
{
    private const string NetworkName = "Palliasjon i Trøndelag";
    private const string SkaunTenant = "00000000-0000-0000-0000-00000000a5ca";
    private const string SkaunTeam = "19:skaun-hjemmetjeneste@thread.tacv2";
    private const string SkaunTeamName = "Hjemmetjenesten Skaun";

    // Skipped, not green: the four fields are on the card as typed (the script logs them) and "Sent to the network."
    // shows, yet the report is stored sent with all four fields empty. Traced on 2026-12-01 by logging the bot's
    // Action.Execute data: it held only the card's own payload ({"team","host","network","meeting"}), none of the
    // inputs, so the playground sent the tap without them (the integration tests, sending the inputs as Teams does,
    // store them). Why it leaves them out for this card and not for the goal form's is not settled. The bot's part is
    // fixed: a field a tap does not carry keeps what was saved, and an empty status is not sent (NetworkReportKeepTests).
    [Fact(Skip = "Open defect: the playground sends the status card's tap without its typed fields; see the comment above.")]
    public async Task The_status_card_is_filled_in_and_sent_in_the_playgrounds_channel_and_the_coordinator_sees_the_report_and_nudges_the_late_team()
    {
        var meeting = new DateOnly(2026, 12, 16);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        await using var stack = await PlaygroundStack.StartAsync(output, clock);
        var (ready, go, agenda) = (stack.File("ready"), stack.File("go"), stack.File("agenda"));
        var browser = stack.Start("playground-network-status.mjs", ready, go, agenda);
        await browser.WaitForFileAsync(ready);
        var (channel, personal) = (await stack.ChannelAsync(), await stack.PersonalChatAsync());
        // The playground user coordinates the network from their personal chat, and leads the member team.
        var network = await SeedNetworkAsync(stack, channel, personal, meeting, clock.GetUtcNow());
        foreach (var job in NetworkJobs.For(network, clock.GetUtcNow())) await stack.Bot.Get<JobRepository>().ScheduleAsync(job);

        // Seven days before the meeting, at 07:00 UTC, the status card goes to each member team's channel.
        await RunAtAsync(stack, clock, new DateTimeOffset(2026, 12, 9, 7, 0, 0, TimeSpan.Zero));
        var typed = new { tried = "Fast tid til overlapp kl. 14:45.", happened = "Færre beskjeder ble borte.", next = "Prøve det samme på natta.", help = "Hvordan får dere med vikarene?" };
        await File.WriteAllTextAsync(go, JsonSerializer.Serialize(new
        {
            network = NetworkName,
            labels = new { tried = In("network.status.tried"), happened = In("network.status.happened"), next = In("network.status.next"), help = In("network.status.help") },
            typed,
            send = In("network.status.send"),
            sent = In("network.status.sentNotice"),
        }));
        var reports = stack.Bot.Get<NetworkReportRepository>();
        var report = await WaitForAsync(browser, () => reports.GetAsync(network.NetworkId, meeting, PlaygroundStack.TenantId, channel.TeamId!), r => r?.SentAt is not null);

        output.WriteLine($"Stored: {JsonSerializer.Serialize(report)}");
        // The day before the meeting the coordinator's card comes to their personal chat: Melhus' report, Skaun late.
        await RunAtAsync(stack, clock, new DateTimeOffset(2026, 12, 15, 7, 0, 0, TimeSpan.Zero));
        await File.WriteAllTextAsync(agenda, JsonSerializer.Serialize(new
        {
            count = Enum.GetValues<Language>().Select(l => Texts.For(l).Format("network.agenda.count", 1, 2)).ToArray(),
            reporter = $"{channel.TeamName} (Melhus)",
            late = $"{SkaunTeamName} (Skaun)",
            nudge = In("network.agenda.nudge"),
            nudged = Enum.GetValues<Language>().Select(l => Texts.For(l).Format("network.agenda.nudged", SkaunTeamName)).ToArray(),
            typed,
        }));
        await browser.FinishAsync("The network status flow failed in the playground.");

        Assert.NotNull(report);
        Assert.Equal((typed.tried, typed.happened, typed.next, typed.help), (report.Tried, report.Happened, report.Next, report.HelpWanted));
        Assert.Equal((PlaygroundStack.UserAadObjectId, channel.TeamName), (report.SentByAadObjectId, report.TeamName));
        // The nudge the coordinator tapped is Skaun's status card again, now due.
        var nudge = NetworkJobs.NudgeKind.Create(network.HostTenantId, clock.GetUtcNow(),
            new NetworkJobs.NudgePayload(network.NetworkId, meeting, SkaunTenant, SkaunTeam), network.NetworkId, meeting, SkaunTenant, SkaunTeam);
        Assert.NotNull(await stack.Bot.Get<JobRepository>().GetAsync(nudge.JobId));
    }

    [Fact]
    public async Task A_practice_card_from_another_municipality_in_the_network_is_found_by_the_messaging_extensions_search_in_the_playgrounds_channel_posted_and_adopted()
    {
        await using var stack = await PlaygroundStack.StartAsync(output);
        var (ready, go) = (stack.File("ready"), stack.File("go"));
        var browser = stack.Start("playground-practice-search.mjs", ready, go);
        await browser.WaitForFileAsync(ready);
        var now = DateTimeOffset.UtcNow;
        var (channel, personal) = (await stack.ChannelAsync(), await stack.PersonalChatAsync());
        var network = await SeedNetworkAsync(stack, channel, personal, DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), now);
        var practices = stack.Bot.Get<PracticeRepository>();
        // Skaun shared one card with the network and one with its own municipality only: Melhus may find the first.
        var shared = Practice("Fast overlapp ved vaktskifte", PracticeScope.Network, network.NetworkId, now) with
        {
            Why = "Beskjeder ble borte mellom vaktene.", Result = "Ingen glemte medisinlister på fire uker.", Lesson = "Start med én vakt.", ContactName = "Kari Nordmann",
        };
        Assert.True(await practices.TryAddAsync(shared));
        Assert.True(await practices.TryAddAsync(Practice("Overlapp med sjekkliste", PracticeScope.Tenant, null, now)));
        await File.WriteAllTextAsync(go, JsonSerializer.Serialize(new
        {
            term = "overlapp",
            found = shared.What,
            line = In("practice.card.kind").Select(kind => $"{kind} · {SkaunTeamName} · Skaun").ToArray(),
            hidden = "Overlapp med sjekkliste",
            adopt = In("practice.card.adopt"),
            adopted = In("practice.adopted"),
        }));

        await browser.FinishAsync("The practice search failed in the playground.");
        var adopted = (await practices.GetAsync(shared.Partition, shared.PracticeId))!;
        Assert.Equal([$"{PlaygroundStack.TenantId}|{channel.TeamId}"], adopted.AdoptedBy);
    }

    private static PracticeCard Practice(string what, string scope, string? networkId, DateTimeOffset at) => new()
    {
        PracticeId = Guid.NewGuid().ToString("N"), TenantId = SkaunTenant, TeamId = SkaunTeam, TeamName = SkaunTeamName, Source = PracticeSource.Idea,
        SourceId = Guid.NewGuid().ToString("N"), What = what, Theme = "palliation", Finished = true, Scope = scope, NetworkId = networkId,
        SharedByAadObjectId = Guid.NewGuid().ToString(), SharedAt = at,
    };

    private static async Task<Network> SeedNetworkAsync(PlaygroundStack stack, StoredConversation channel, StoredConversation personal, DateOnly meeting, DateTimeOffset now)
    {
        var networks = stack.Bot.Get<NetworkRepository>();
        await networks.SaveSettingsAsync(new TenantNetworkSettings
        {
            TenantId = PlaygroundStack.TenantId, CrossTenantAllowed = true, MunicipalityName = "Melhus", Coordinators = [PlaygroundStack.UserAadObjectId],
        });
        await networks.SaveSettingsAsync(new TenantNetworkSettings { TenantId = SkaunTenant, CrossTenantAllowed = true, MunicipalityName = "Skaun" });
        var network = new Network
        {
            NetworkId = "playground-network", HostTenantId = PlaygroundStack.TenantId, Name = NetworkName, Theme = "palliation", JoinCode = "PLAYGR23",
            Meetings = [meeting], ReportDaysBefore = 7, CoordinatorAadObjectId = PlaygroundStack.UserAadObjectId, CoordinatorUserId = PlaygroundStack.UserId,
            CreatedIn = personal, CreatedAt = now,
            Members = [new NetworkMember(PlaygroundStack.TenantId, channel.TeamId!, channel.TeamName!, now), new NetworkMember(SkaunTenant, SkaunTeam, SkaunTeamName, now)],
        };
        Assert.True(await networks.TryAddAsync(network));
        await networks.AddMembershipAsync(PlaygroundStack.TenantId, channel.TeamId!, new NetworkMembership(network.HostTenantId, network.NetworkId, network.Name));
        await networks.AddMembershipAsync(SkaunTenant, SkaunTeam, new NetworkMembership(network.HostTenantId, network.NetworkId, network.Name));
        return network;
    }

    private static async Task RunAtAsync(PlaygroundStack stack, FakeTimeProvider clock, DateTimeOffset utc)
    {
        clock.SetUtcNow(utc);
        await stack.Bot.Get<JobScheduler>().RunDueJobsAsync(default);
        while (await stack.Bot.Get<DeliveryWorker>().ProcessBatchAsync(default) > 0) { }
    }

    /// <summary>Polls storage while the browser works (up to 90 s); the last value read, done or not.</summary>
    private static async Task<T> WaitForAsync<T>(PlaygroundStack.PlaygroundScript browser, Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 900 && !done(value) && !browser.HasEnded; i++)
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }

    /// <summary>A text in every language: the playground may announce en-US or no locale, and the bot answers accordingly.</summary>
    private static string[] In(string key) => [.. Enum.GetValues<Language>().Select(l => Texts.For(l)[key])];
}
