using System.Net;
using CareCompanion.Storage.Conversations;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Foundation;

[Collection(BotCollection.Name)]
public sealed class InstallationTests(BotFixture fixture)
{
    private ConversationRepository Conversations => fixture.Bot.Get<ConversationRepository>();

    [Fact]
    public async Task Installing_in_a_team_stores_the_reference_and_welcomes_the_channel_in_bokmal()
    {
        var teams = fixture.Activities();

        var response = await fixture.Bot.PostAsync(teams.InstallInTeam());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await Conversations.GetAsync(teams.TenantId, teams.GeneralChannelId);
        Assert.NotNull(stored);
        Assert.True(stored.Active);
        Assert.Equal(ConversationScope.Channel, stored.Scope);
        Assert.Equal(teams.TeamId, stored.TeamId);
        Assert.Equal(teams.GeneralChannelId, stored.ChannelId);
        Assert.Equal(fixture.Connector.ServiceUrl, stored.ServiceUrl);
        Assert.Equal("nb-NO", stored.Locale);
        Assert.Null(stored.UserId);

        var welcome = Assert.Single(fixture.Connector.SentTo(teams.GeneralChannelId));
        Assert.Contains("Hei, jeg er CareCompanion", welcome.CardText);
        Assert.Contains("Skriv aldri pasientopplysninger her.", welcome.CardText);
    }

    [Theory]
    [InlineData("nn-NO", "Hei, eg er CareCompanion")]
    [InlineData("en-US", "Hi, I'm CareCompanion")]
    [InlineData("nb-NO", "Hei, jeg er CareCompanion")]
    [InlineData("sv-SE", "Hei, jeg er CareCompanion")]
    public async Task The_welcome_card_speaks_the_language_of_the_activity(string locale, string expectedTitle)
    {
        var teams = fixture.Activities();

        await fixture.Bot.PostAsync(teams.InstallPersonal(locale));

        var welcome = Assert.Single(fixture.Connector.SentTo(teams.PersonalConversationId));
        Assert.Contains(expectedTitle, welcome.CardText);
    }

    [Fact]
    public async Task A_conversation_of_a_kind_Teams_did_not_name_is_never_taken_for_the_persons_private_chat()
    {
        var teams = fixture.Activities();
        var install = teams.InstallPersonal();
        install["conversation"]!.AsObject().Remove("conversationType");

        await fixture.Bot.PostAsync(install);

        // Private summaries and notices go to the chat found here; a conversation others may share must not be it.
        Assert.Null(await Conversations.FindPersonalAsync(teams.TenantId, teams.UserAadObjectId));
        Assert.Null(await Conversations.GetAsync(teams.TenantId, teams.PersonalConversationId));
    }

    [Fact]
    public async Task Teams_announcing_one_install_twice_gives_one_welcome()
    {
        var teams = fixture.Activities();

        await fixture.Bot.PostAsync(teams.InstallInTeam(type: "installationUpdate"));
        await fixture.Bot.PostAsync(teams.InstallInTeam(type: "conversationUpdate"));

        Assert.Single(fixture.Connector.SentTo(teams.GeneralChannelId));
    }

    [Fact]
    public async Task Concurrent_install_activities_give_one_welcome()
    {
        var teams = fixture.Activities();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            fixture.Bot.PostAsync(teams.InstallInTeam(type: i % 2 == 0 ? "installationUpdate" : "conversationUpdate"))));

        Assert.Single(fixture.Connector.SentTo(teams.GeneralChannelId));
    }

    [Fact]
    public async Task Personal_install_stores_who_the_chat_is_with()
    {
        var teams = fixture.Activities();

        await fixture.Bot.PostAsync(teams.InstallPersonal());

        var stored = await Conversations.GetAsync(teams.TenantId, teams.PersonalConversationId);
        Assert.NotNull(stored);
        Assert.Equal(ConversationScope.Personal, stored.Scope);
        Assert.Equal(teams.UserId, stored.UserId);
        Assert.Null(stored.TeamId);
    }

    [Fact]
    public async Task Group_chat_install_through_members_added_is_stored_and_welcomed()
    {
        var teams = fixture.Activities();

        await fixture.Bot.PostAsync(teams.InstallInGroupChat("en-GB"));

        var stored = await Conversations.GetAsync(teams.TenantId, teams.GroupChatId);
        Assert.Equal(ConversationScope.GroupChat, stored?.Scope);
        Assert.Contains("Hi, I'm CareCompanion", Assert.Single(fixture.Connector.SentTo(teams.GroupChatId)).CardText);
    }

    [Theory]
    [InlineData("installationUpdate")]
    [InlineData("conversationUpdate")]
    public async Task Uninstall_deactivates_the_reference_and_reinstall_welcomes_again(string type)
    {
        var teams = fixture.Activities();
        await fixture.Bot.PostAsync(teams.InstallInTeam());

        await fixture.Bot.PostAsync(teams.UninstallFromTeam(type));

        var removed = await Conversations.GetAsync(teams.TenantId, teams.GeneralChannelId);
        Assert.False(removed!.Active);
        Assert.NotNull(removed.RemovedAt);

        await fixture.Bot.PostAsync(teams.InstallInTeam());
        Assert.True((await Conversations.GetAsync(teams.TenantId, teams.GeneralChannelId))!.Active);
        Assert.Equal(2, fixture.Connector.SentTo(teams.GeneralChannelId).Count);
    }

    [Fact]
    public async Task One_tenants_install_is_not_visible_in_another_tenant()
    {
        var tenantA = fixture.Activities();
        var tenantB = fixture.Activities();

        await fixture.Bot.PostAsync(tenantA.InstallInTeam());

        Assert.Null(await Conversations.GetAsync(tenantB.TenantId, tenantA.GeneralChannelId));
        Assert.Empty(await Conversations.ListForTenantAsync(tenantB.TenantId));
        Assert.Single(await Conversations.ListForTenantAsync(tenantA.TenantId));
    }
}
