using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Digest;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using System.Text.Json;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using Microsoft.Extensions.Time.Testing;
using CareCompanion.Tests.Support;
using Xunit.Abstractions;

namespace CareCompanion.Tests.EndToEnd;

/// <summary>
/// The whole stack as a person meets it: Azurite, the bot on Kestrel, and Microsoft's Teams emulator driven in
/// headless Chromium. The playground speaks en-US, so the bot answers in English.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PlaygroundTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Help_in_the_playgrounds_personal_chat_shows_the_welcome_card()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort());
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        var screenshot = Path.Combine(RepoPaths.Results("e2e"), "playground-help.png");

        var (exitCode, log) = await ChildProcess.RunAsync("node",
            [RepoPaths.Script("playground-help.mjs"), playground.Url, "help", "Hi, I'm CareCompanion", screenshot],
            TimeSpan.FromMinutes(2));

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"The welcome card did not appear after 'help'.\n{log}\nPlayground:\n{playground.Output}");
        Assert.Contains("Never write patient information here.", log);
        Assert.True(File.Exists(screenshot));

        // The playground announced the install on connect: its personal chat is now a stored conversation.
        var stored = await bot.Get<ConversationRepository>().ListForTenantAsync(PlaygroundTenantId);
        Assert.Contains(stored, c => c.Scope == ConversationScope.Personal && c.Active);
    }

    [Fact]
    public async Task After_sprak_bokmal_in_the_playgrounds_personal_chat_help_answers_in_bokmal_although_the_playground_sends_en_US()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort());
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        var screenshot = Path.Combine(RepoPaths.Results("e2e"), "playground-language.png");

        var (exitCode, log) = await ChildProcess.RunAsync("node", [RepoPaths.Script("playground-language.mjs"), playground.Url, screenshot],
            TimeSpan.FromMinutes(2));

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"The bokmål welcome did not appear after 'språk bokmål' and 'hjelp'.\n{log}\nPlayground:\n{playground.Output}");
        Assert.Contains("Skriv aldri pasientopplysninger her.", log);
        Assert.True(File.Exists(screenshot));
    }

    [Fact]
    public async Task A_question_posted_to_the_playgrounds_team_channel_is_answered_with_one_tap()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort(), clock: clock);
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        var work = Directory.CreateTempSubdirectory("pulse-e2e-").FullName;
        var ready = Path.Combine(work, "ready");
        var go = Path.Combine(work, "go");
        var screenshot = Path.Combine(RepoPaths.Results("e2e"), "playground-pulse.png");
        var browser = ChildProcess.RunAsync("node", [RepoPaths.Script("playground-pulse.mjs"), playground.Url, ready, go, screenshot],
            TimeSpan.FromMinutes(3));
        for (var i = 0; i < 600 && !File.Exists(ready); i++) await Task.Delay(100);
        var settings = await WaitForPulseSettingsAsync(bot);

        // Monday 10:00 in Oslo comes: the week's question goes to the team's channel through the playground's connector.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        await bot.Get<JobScheduler>().RunDueJobsAsync(default);
        while (await bot.Get<DeliveryWorker>().ProcessBatchAsync(default) > 0) { }
        // The channel card speaks the team's language (the playground announces its team with locale en-US or
        // none, so bokmål); the thank-you speaks the language of whoever tapped (the playground user is en-US).
        await File.WriteAllTextAsync(go, JsonSerializer.Serialize(new
        {
            question = QuestionLibrary.All[0].In(LanguageResolver.FromLocale((await bot.Get<Storage.Teams.TeamRepository>().GetAsync(settings.TenantId, settings.TeamId))!.Locale)).Text,
            answer = "4",
            thanks = Texts.For(Language.English)["pulse.thanks"],
        }));
        var (exitCode, log) = await browser;

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"The pulse card flow failed in the playground.\n{log}\nPlayground:\n{playground.Output}");
        var round = (await bot.Get<PulseRepository>().GetRoundAsync(settings.TenantId, settings.TeamId, "2026-W50"))!;
        var answer = Assert.Single(await bot.Get<PulseRepository>().ListAnswersAsync(round));
        Assert.Equal(4, answer.Value);
    }

    [Fact]
    public async Task The_weekly_question_arrives_in_the_playground_users_personal_chat_and_is_answered_with_one_tap()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort(), clock: clock);
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        var work = Directory.CreateTempSubdirectory("pulse-personal-e2e-").FullName;
        var (ready, go) = (Path.Combine(work, "ready"), Path.Combine(work, "go"));
        var screenshot = Path.Combine(RepoPaths.Results("e2e"), "playground-pulse-personal.png");
        var browser = ChildProcess.RunAsync("node", [RepoPaths.Script("playground-pulse-personal.mjs"), playground.Url, ready, go, screenshot],
            TimeSpan.FromMinutes(3));
        for (var i = 0; i < 600 && !File.Exists(ready) && !browser.IsCompleted; i++) await Task.Delay(100);
        var settings = await WaitForPulseSettingsAsync(bot);
        // Personal chats only: the card the user taps can only be the one in their own chat.
        await bot.Get<PulseRepository>().SaveSettingsAsync(settings with { Delivery = PulseDelivery.Personal });

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        await bot.Get<JobScheduler>().RunDueJobsAsync(default);
        while (await bot.Get<DeliveryWorker>().ProcessBatchAsync(default) > 0) { }
        // The personal card speaks the person's language (the playground user's en-US, or a choice they made): any of the three.
        await File.WriteAllTextAsync(go, JsonSerializer.Serialize(new
        {
            questions = Enum.GetValues<Language>().Select(l => QuestionLibrary.All[0].In(l).Text).ToArray(),
            answer = "4",
            thanks = Enum.GetValues<Language>().Select(l => Texts.For(l)["pulse.thanks"]).ToArray(),
        }));
        var (exitCode, log) = await browser;

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"The personal pulse card flow failed in the playground.\n{log}\nPlayground:\n{playground.Output}");
        var round = (await bot.Get<PulseRepository>().GetRoundAsync(settings.TenantId, settings.TeamId, "2026-W50"))!;
        Assert.Equal(4, Assert.Single(await bot.Get<PulseRepository>().ListAnswersAsync(round)).Value);
    }

    [Fact]
    public async Task An_idea_sent_from_a_card_is_found_by_search_and_its_status_change_reaches_the_submitter()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        // Real time here: the bot's own scheduler posts the idea's card and the notices, polling every second.
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort(),
            settings: new Dictionary<string, string?> { ["Scheduler:PollInterval"] = "00:00:01" });
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        var screenshots = Path.Combine(RepoPaths.Results("e2e"), "playground-ideas");

        var (exitCode, log) = await ChildProcess.RunAsync("node",
            [RepoPaths.Script("playground-ideas.mjs"), playground.Url, "Fast tid til overlapp", screenshots], TimeSpan.FromMinutes(3));

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"The idea flow failed in the playground.\n{log}\nPlayground:\n{playground.Output}");
        var idea = Assert.Single(await bot.Get<IdeaRepository>().ListTenantAsync(PlaygroundTenantId));
        Assert.Equal(("Fast tid til overlapp", IdeaStatus.Trying), (idea.Title, idea.Status));
        Assert.Equal("Vi prøver i fire uker fra mandag.", Assert.Single(idea.History).Reason);
    }

    [Fact]
    public async Task A_leader_gets_the_weekly_digest_and_answers_an_idea_in_it()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort(),
            settings: new Dictionary<string, string?> { ["Scheduler:PollInterval"] = "00:00:01" });
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        var ready = Path.Combine(Directory.CreateTempSubdirectory("digest-e2e-").FullName, "ready");
        var screenshot = Path.Combine(RepoPaths.Results("e2e"), "playground-digest.png");
        var browser = ChildProcess.RunAsync("node",
            [RepoPaths.Script("playground-digest.mjs"), playground.Url, "Sjekkliste ved innkomst", ready, screenshot], TimeSpan.FromMinutes(3));

        for (var i = 0; i < 1200 && !File.Exists(ready) && !browser.IsCompleted; i++) await Task.Delay(100);
        // Friday noon comes: the week's digest job is due now (the one the install scheduled is a week ahead).
        await bot.Get<JobRepository>().ScheduleAsync(DigestJobs.Weekly(PlaygroundTenantId, Storage.Teams.Team.DefaultTimeZone, DateTimeOffset.UtcNow.AddDays(-7)));
        var (exitCode, log) = await browser;

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"The digest flow failed in the playground.\n{log}\nPlayground:\n{playground.Output}");
        var idea = Assert.Single(await bot.Get<IdeaRepository>().ListTenantAsync(PlaygroundTenantId));
        Assert.Equal((IdeaStatus.Trying, "Vi prøver på to vaktlag først."), (idea.Status, Assert.Single(idea.History).Reason));
    }

    [Fact]
    public async Task A_coach_creates_a_goal_in_the_channel_and_the_team_checks_in_on_it()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort());
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        var screenshot = Path.Combine(RepoPaths.Results("e2e"), "playground-goal.png");

        var (exitCode, log) = await ChildProcess.RunAsync("node",
            [RepoPaths.Script("playground-goal.mjs"), playground.Url, "Alle nyansatte får fadder", screenshot], TimeSpan.FromMinutes(3));

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"The goal flow failed in the playground.\n{log}\nPlayground:\n{playground.Output}");
        var channel = (await bot.Get<ConversationRepository>().ListForTenantAsync(PlaygroundTenantId)).First(c => c.TeamId is not null);
        var goal = Assert.Single(await bot.Get<GoalRepository>().ListTeamAsync(PlaygroundTenantId, channel.TeamId!));
        Assert.Equal(("Alle nyansatte får fadder", "ontrack", "To faddere er klare."), (goal.Title, goal.Latest!.Status, goal.Latest.Note));
    }

    [Fact]
    public async Task A_workshop_card_comes_to_the_channel_at_its_time_and_its_worksheet_is_passed_on_as_the_baton()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await using var bot = await BotServer.StartAsync(azurite.ConnectionString, port: ChildProcess.FreePort(), clock: clock);
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesUrl);
        var work = Directory.CreateTempSubdirectory("circle-e2e-").FullName;
        var (ready, go) = (Path.Combine(work, "ready"), Path.Combine(work, "go"));
        var screenshot = Path.Combine(RepoPaths.Results("e2e"), "playground-circle.png");
        var browser = ChildProcess.RunAsync("node", [RepoPaths.Script("playground-circle.mjs"), playground.Url, "Overlapp mellom vaktene", ready, go, screenshot],
            TimeSpan.FromMinutes(3));
        for (var i = 0; i < 900 && !File.Exists(ready) && !browser.IsCompleted; i++) await Task.Delay(100);

        // The group set the workshop for 14:30 the next Tuesday (its preparation card is in the members' personal
        // chats, which the playground does not show); at that time the card goes to the channel.
        var channel = (await bot.Get<ConversationRepository>().ListForTenantAsync(PlaygroundTenantId)).First(c => c.TeamId is not null);
        var circles = bot.Get<CircleRepository>();
        var circle = Assert.Single(await circles.ListAsync(PlaygroundTenantId, channel.TeamId!));
        var at = new DateTimeOffset(2026, 12, 8, 13, 30, 0, TimeSpan.Zero);
        await circles.ChangeAsync(PlaygroundTenantId, circle.TeamId, circle.CircleId, c => c with { Phases = [new CirclePhase(0) { WorkshopAt = at, Version = 1 }] });
        await bot.Get<JobRepository>().ScheduleAsync(Bot.Hms.HmsJobs.WorkshopKind.Create(PlaygroundTenantId, at,
            new Bot.Hms.HmsJobs.CirclePayload(circle.TeamId, circle.CircleId, 0, 1), circle.TeamId, circle.CircleId, 0, 1));
        clock.SetUtcNow(at);
        await bot.Get<JobScheduler>().RunDueJobsAsync(default);
        while (await bot.Get<DeliveryWorker>().ProcessBatchAsync(default) > 0) { }
        await File.WriteAllTextAsync(go, "go");
        var (exitCode, log) = await browser;

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"The circle flow failed in the playground.\n{log}\nPlayground:\n{playground.Output}");
        var sheet = (await circles.GetAsync(PlaygroundTenantId, circle.TeamId, circle.CircleId))!.PhaseOf(0)!;
        Assert.Equal("Beskjeder blir borte ved vaktskifte.", sheet.CameUp);
        var input = Assert.Single(sheet.Inputs);
        Assert.Equal(("Kveldsvakta får sjelden med seg beskjedene.", null, null), (input.Text, input.ByAadObjectId, input.ByName));
    }

    private static async Task<PulseSettings> WaitForPulseSettingsAsync(BotServer bot)
    {
        var conversations = bot.Get<ConversationRepository>();
        for (var i = 0; i < 300; i++) // up to 30 s: the whole suite runs in parallel on two cores
        {
            var channel = (await conversations.ListForTenantAsync(PlaygroundTenantId)).FirstOrDefault(c => c.Scope == ConversationScope.Channel);
            if (channel?.TeamId is { } teamId && await bot.Get<PulseRepository>().GetSettingsAsync(PlaygroundTenantId, teamId) is { } settings)
            {
                return settings;
            }
            await Task.Delay(100);
        }
        var seen = string.Join("; ", (await conversations.ListForTenantAsync(PlaygroundTenantId)).Select(c => $"{c.Scope} {c.ConversationId} team={c.TeamId}"));
        throw new TimeoutException($"The playground never installed the bot in its team. Conversations: {seen}");
    }

    // The tenant id in the playground's default configuration.
    private const string PlaygroundTenantId = "00000000-0000-0000-0000-0000000000001";
}

/// <summary>The browser tests run on their own, not beside the rest of the suite, so two busy cores do not make them flaky.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
