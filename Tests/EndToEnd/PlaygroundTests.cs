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
        await using var stack = await PlaygroundStack.StartAsync(output);

        var log = await stack.DriveAsync("playground-help.mjs", "The welcome card did not appear after 'help'.", "help", "Hi, I'm CareCompanion");

        Assert.Contains("Never write patient information here.", log);
        Assert.True(File.Exists(PlaygroundStack.Screenshot("playground-help.mjs")));

        // The playground announced the install on connect: its personal chat is now a stored conversation.
        var stored = await stack.Bot.Get<ConversationRepository>().ListForTenantAsync(PlaygroundTenantId);
        Assert.Contains(stored, c => c.Scope == ConversationScope.Personal && c.Active);
    }

    [Fact]
    public async Task After_sprak_bokmal_in_the_playgrounds_personal_chat_help_answers_in_bokmal_although_the_playground_sends_en_US()
    {
        await using var stack = await PlaygroundStack.StartAsync(output);

        var log = await stack.DriveAsync("playground-language.mjs", "The bokmål welcome did not appear after 'språk bokmål' and 'hjelp'.");

        Assert.Contains("Skriv aldri pasientopplysninger her.", log);
        Assert.True(File.Exists(PlaygroundStack.Screenshot("playground-language.mjs")));
    }

    [Fact]
    public async Task A_question_posted_to_the_playgrounds_team_channel_is_answered_with_one_tap()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        await using var stack = await PlaygroundStack.StartAsync(output, clock);
        var bot = stack.Bot;
        var (ready, go) = (stack.File("ready"), stack.File("go"));
        var browser = stack.Start("playground-pulse.mjs", ready, go);
        await browser.WaitForFileAsync(ready);
        var settings = await WaitForPulseSettingsAsync(stack);

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
        await browser.FinishAsync("The pulse card flow failed in the playground.");
        var round = (await bot.Get<PulseRepository>().GetRoundAsync(settings.TenantId, settings.TeamId, "2026-W50"))!;
        var answer = Assert.Single(await bot.Get<PulseRepository>().ListAnswersAsync(round));
        Assert.Equal(4, answer.Value);
    }

    [Fact]
    public async Task The_weekly_question_arrives_in_the_playground_users_personal_chat_and_is_answered_with_one_tap()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        await using var stack = await PlaygroundStack.StartAsync(output, clock);
        var bot = stack.Bot;
        var (ready, go) = (stack.File("ready"), stack.File("go"));
        var browser = stack.Start("playground-pulse-personal.mjs", ready, go);
        await browser.WaitForFileAsync(ready);
        var settings = await WaitForPulseSettingsAsync(stack);
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
        await browser.FinishAsync("The personal pulse card flow failed in the playground.");
        var round = (await bot.Get<PulseRepository>().GetRoundAsync(settings.TenantId, settings.TeamId, "2026-W50"))!;
        Assert.Equal(4, Assert.Single(await bot.Get<PulseRepository>().ListAnswersAsync(round)).Value);
    }

    [Fact]
    public async Task An_idea_sent_from_a_card_is_found_by_search_and_its_status_change_reaches_the_submitter()
    {
        // Real time here: the bot's own scheduler posts the idea's card and the notices, polling every second.
        await using var stack = await PlaygroundStack.StartAsync(output, settings: EverySecond);

        await stack.DriveAsync("playground-ideas.mjs", "The idea flow failed in the playground.", "Fast tid til overlapp");

        var idea = Assert.Single(await stack.Bot.Get<IdeaRepository>().ListTenantAsync(PlaygroundTenantId));
        Assert.Equal(("Fast tid til overlapp", IdeaStatus.Trying), (idea.Title, idea.Status));
        Assert.Equal("Vi prøver i fire uker fra mandag.", Assert.Single(idea.History).Reason);
    }

    [Fact]
    public async Task A_leader_gets_the_weekly_digest_and_answers_an_idea_in_it()
    {
        await using var stack = await PlaygroundStack.StartAsync(output, settings: EverySecond);
        var ready = stack.File("ready");
        var browser = stack.Start("playground-digest.mjs", "Sjekkliste ved innkomst", ready);

        await browser.WaitForFileAsync(ready, TimeSpan.FromMinutes(2));
        // Friday noon comes: the week's digest job is due now (the one the install scheduled is a week ahead).
        await stack.Bot.Get<JobRepository>().ScheduleAsync(DigestJobs.Weekly(PlaygroundTenantId, Storage.Teams.Team.DefaultTimeZone, DateTimeOffset.UtcNow.AddDays(-7)));
        await browser.FinishAsync("The digest flow failed in the playground.");
        var idea = Assert.Single(await stack.Bot.Get<IdeaRepository>().ListTenantAsync(PlaygroundTenantId));
        Assert.Equal((IdeaStatus.Trying, "Vi prøver på to vaktlag først."), (idea.Status, Assert.Single(idea.History).Reason));
    }

    [Fact]
    public async Task A_coach_creates_a_goal_in_the_channel_and_the_team_checks_in_on_it()
    {
        await using var stack = await PlaygroundStack.StartAsync(output);

        await stack.DriveAsync("playground-goal.mjs", "The goal flow failed in the playground.", "Alle nyansatte får fadder");

        var channel = await stack.ChannelAsync();
        var goal = Assert.Single(await stack.Bot.Get<GoalRepository>().ListTeamAsync(PlaygroundTenantId, channel.TeamId!));
        Assert.Equal(("Alle nyansatte får fadder", "ontrack", "To faddere er klare."), (goal.Title, goal.Latest!.Status, goal.Latest.Note));
    }

    [Fact]
    public async Task A_workshop_card_comes_to_the_channel_at_its_time_and_its_worksheet_is_passed_on_as_the_baton()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await using var stack = await PlaygroundStack.StartAsync(output, clock);
        var bot = stack.Bot;
        var (ready, go) = (stack.File("ready"), stack.File("go"));
        var browser = stack.Start("playground-circle.mjs", "Overlapp mellom vaktene", ready, go);
        await browser.WaitForFileAsync(ready);

        // The group set the workshop for 14:30 the next Tuesday (its preparation card is in the members' personal
        // chats, which the playground does not show); at that time the card goes to the channel.
        var channel = await stack.ChannelAsync();
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
        await browser.FinishAsync("The circle flow failed in the playground.");
        var sheet = (await circles.GetAsync(PlaygroundTenantId, circle.TeamId, circle.CircleId))!.PhaseOf(0)!;
        Assert.Equal("Beskjeder blir borte ved vaktskifte.", sheet.CameUp);
        var input = Assert.Single(sheet.Inputs);
        Assert.Equal(("Kveldsvakta får sjelden med seg beskjedene.", null, null), (input.Text, input.ByAadObjectId, input.ByName));
    }

    private static async Task<PulseSettings> WaitForPulseSettingsAsync(PlaygroundStack stack)
    {
        var channel = await stack.ChannelAsync();
        for (var i = 0; i < 100; i++) // the install stores the conversation first, then the team's pulse settings
        {
            if (await stack.Bot.Get<PulseRepository>().GetSettingsAsync(PlaygroundTenantId, channel.TeamId!) is { } settings) return settings;
            await Task.Delay(100);
        }
        throw new TimeoutException("The playground's team got no pulse settings at install.");
    }

    private static readonly Dictionary<string, string?> EverySecond = new() { ["Scheduler:PollInterval"] = "00:00:01" };

    private const string PlaygroundTenantId = PlaygroundStack.TenantId;
}

/// <summary>The browser tests run on their own, not beside the rest of the suite, so two busy cores do not make them flaky.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
