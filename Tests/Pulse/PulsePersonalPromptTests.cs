using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Privacy;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.People;
using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Ideas;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>
/// The weekly question in each member's personal chat as well as the channel, one answer per person whichever card
/// they tap, one reminder a day before the round closes, and each person's own "pause" / "stopp påminnelser".
/// </summary>
public sealed class PulsePersonalPromptTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly Texts T = Texts.For(Language.Bokmal);
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SundayTenOslo = MondayTenOslo.AddDays(6);

    private static string Question => QuestionLibrary.All[0].Bokmal.Text;

    [Fact]
    public async Task With_the_default_both_the_question_reaches_the_channel_and_every_member_in_the_roster_in_their_own_chat()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var (kari, amir) = (team.Member(), team.Member());

        await team.RunAtAsync(MondayTenOslo);

        Assert.Contains(Question, Assert.Single(team.ChannelCards()).CardText);
        foreach (var person in new[] { kari, amir })
        {
            var card = Assert.Single(team.CardsTo(person));
            Assert.Contains(Question, card.CardText);
            Assert.Contains("Du kan svare til mandag 14. desember kl. 10:00.", card.CardText); // a full week, weekend shifts too
            Assert.Contains(T["pulse.personal.pause"], card.CardText);
        }
    }

    [Fact]
    public async Task One_person_who_answers_on_the_channel_card_and_in_the_personal_chat_has_one_answer()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var kari = team.Member();
        var round = await team.OpenRoundAsync(MondayTenOslo);

        await team.AnswerAsync(round, kari.UserAadObjectId, 4, from: kari);
        var reply = await team.SendAsync(kari.PersonalCardAction(PulseVerbs.Answer, new JsonObject
        {
            ["round"] = round.RoundId, ["team"] = team.Teams.TeamId, ["value"] = "2",
        }, kari.UserAadObjectId));

        Assert.Contains(T["pulse.thanks"], reply);
        Assert.Equal(2, Assert.Single(await team.Pulse.ListAnswersAsync(round)).Value);
    }

    [Fact]
    public async Task Channel_only_sends_no_personal_card_and_personal_only_posts_nothing_in_the_channel()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var kari = team.Member();
        var settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;

        await team.Pulse.SaveSettingsAsync(settings with { Delivery = PulseDelivery.Channel });
        await team.RunAtAsync(MondayTenOslo);
        Assert.Single(team.ChannelCards());
        Assert.Empty(team.CardsTo(kari));

        await team.Pulse.SaveSettingsAsync((await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))! with { Delivery = PulseDelivery.Personal });
        await team.RunAtAsync(MondayTenOslo.AddDays(7));
        Assert.Single(team.ChannelCards(), c => c.Method == "POST"); // last week's only
        Assert.Contains(QuestionLibrary.All[1].Bokmal.Text, Assert.Single(team.CardsTo(kari)).CardText);
    }

    [Fact]
    public async Task A_leader_chooses_personal_chats_only_on_the_settings_card()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);

        var card = await team.SendAsync(team.Teams.ChannelCardAction(PulseVerbs.SaveSettings, new JsonObject
        {
            ["team"] = team.Teams.TeamId, ["day"] = "Monday", ["time"] = "10:00", ["openDays"] = "7", ["minAnswers"] = "5", ["themes"] = "",
            ["delivery"] = PulseDelivery.Personal,
        }, team.Teams.UserAadObjectId));

        Assert.Contains(T["settings.delivery"], card);
        Assert.Contains(T["settings.delivery.personal"], card);
        Assert.Equal(PulseDelivery.Personal, (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!.Delivery);
    }

    [Fact]
    public async Task The_reminder_comes_once_a_day_before_the_close_and_not_to_those_who_paused()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var (kari, ingrid, amir) = (team.Member(), team.Member(), team.Member());
        await team.Bot.PostAsync(ingrid.PersonalMessage("stopp påminnelser"));
        await team.Bot.PostAsync(amir.PersonalMessage("pause"));
        Assert.Equal(T["pulse.prompts.Paused"], team.Connector.SentTo(amir.PersonalConversationId)[^1].Text);

        await team.RunAtAsync(MondayTenOslo);
        Assert.Single(team.CardsTo(kari));
        Assert.Single(team.CardsTo(ingrid)); // the question, without reminders
        Assert.Empty(team.CardsTo(amir));

        await team.RunAtAsync(SundayTenOslo.AddMinutes(-1));
        Assert.Single(team.CardsTo(kari));
        await team.RunAtAsync(SundayTenOslo);
        await team.RunAtAsync(SundayTenOslo.AddHours(3));

        var reminder = team.CardsTo(kari)[^1];
        Assert.Equal(2, team.CardsTo(kari).Count);
        Assert.Contains(T["pulse.reminder"], reminder.CardText);
        Assert.Contains(Question, reminder.CardText);
        Assert.Single(team.CardsTo(ingrid));
        Assert.Empty(team.CardsTo(amir));
    }

    [Fact]
    public async Task Whoever_answered_gets_the_same_reminder_as_everyone_since_the_reminder_does_not_look_at_answers()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var (kari, amir) = (team.Member(), team.Member());
        var round = await team.OpenRoundAsync(MondayTenOslo);
        await team.AnswerAsync(round, kari.UserAadObjectId, 5, from: kari);

        await team.RunAtAsync(SundayTenOslo);

        Assert.Equal(team.CardsTo(amir)[^1].CardText, team.CardsTo(kari)[^1].CardText);
        Assert.Contains(T["pulse.reminder"], team.CardsTo(kari)[^1].CardText);
    }

    [Fact]
    public async Task Pausing_and_back_on_is_the_persons_own_choice_shown_in_my_data_and_removed_by_delete_my_data()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var kari = team.Member();
        var people = team.Bot.Get<PersonSettingsRepository>();

        await team.Bot.PostAsync(kari.PersonalMessage("pause"));
        await team.Bot.PostAsync(kari.PersonalMessage("mine data"));
        Assert.Contains($"\"weeklyQuestionInMyChat\": \"{T["privacy.export.pulsePrompts.Paused"]}\"", team.Connector.SentTo(kari.PersonalConversationId)[^1].CardText);

        await team.Bot.PostAsync(kari.PersonalMessage("start påminnelser"));
        Assert.Equal(T["pulse.prompts.On"], team.Connector.SentTo(kari.PersonalConversationId)[^1].Text);
        await team.RunAtAsync(MondayTenOslo);
        Assert.Single(team.CardsTo(kari));

        await team.Bot.PostAsync(kari.PersonalMessage("stop reminders", "en-US"));
        Assert.Equal(PulsePrompts.NoReminders, await people.GetPulsePromptsAsync(kari.TenantId, kari.UserAadObjectId));
        await team.SendAsync(kari.PersonalCardAction(PrivacyVerbs.Delete, new JsonObject { ["for"] = kari.UserAadObjectId }, kari.UserAadObjectId));

        Assert.Equal(PulsePrompts.On, await people.GetPulsePromptsAsync(kari.TenantId, kari.UserAadObjectId));
        Assert.Empty(await people.ListPulsePromptsAsync(kari.TenantId));
    }
}
