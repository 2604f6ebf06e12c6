using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Privacy;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Roles;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Trust;

/// <summary>"mine data" shows what is stored about me; "slett mine data" deletes it after I confirm — mine only.</summary>
[Collection(BotCollection.Name)]
public sealed class PrivacyTests(BotFixture fixture)
{
    private async Task<TeamsActivities> LeaderWithPersonalChatAsync(TeamsActivities? sameUserAs = null)
    {
        var teams = sameUserAs is null ? fixture.Activities() : new TeamsActivities(fixture.Connector.ServiceUrl) { UserAadObjectId = sameUserAs.UserAadObjectId };
        await fixture.Bot.PostAsync(teams.InstallInTeam());      // the installer becomes the team's leader
        await fixture.Bot.PostAsync(teams.InstallPersonal());
        return teams;
    }

    [Fact]
    public async Task My_data_shows_my_roles_and_chats_in_words_and_says_plainly_how_pulse_answers_are_stored()
    {
        var me = await LeaderWithPersonalChatAsync();

        await fixture.Bot.PostAsync(me.PersonalMessage("mine data"));

        var card = fixture.Connector.SentTo(me.PersonalConversationId).Last().CardText;
        var readable = card[..card.IndexOf("Alt som er lagret om deg", StringComparison.Ordinal)];
        var json = card[readable.Length..];
        Assert.StartsWith("Dette har CareCompanion lagret om deg\nRoller\nLeder\nPersonlige samtaler med boten\n1\n", readable);
        Assert.DoesNotContain(me.PersonalConversationId, readable); // a Teams id means nothing to anyone
        Assert.Contains("Svarene dine på ukens spørsmål er lagret uten navn, og appen viser ingen hvilket svar som er ditt.", readable);
        Assert.Contains("Når runden stenger, flyttes svaret til en tilfeldig nøkkel, og da kan ingen finne ut hvem som svarte hva.", readable);
        Assert.DoesNotContain("kan ikke knyttes til deg", card);
        Assert.Contains(me.PersonalConversationId, json); // the full export still holds it
        Assert.Contains("\"pulseAnswers\": \"lagret uten navn, og ikke tatt med her\"", json);
        Assert.Contains("\"weeklyDigest\": \"på (hvis du er leder", json); // shown as written, no markdown escapes
    }

    [Fact]
    public async Task Delete_my_data_asks_first_then_deletes_mine_and_nobody_elses()
    {
        var me = await LeaderWithPersonalChatAsync();
        var sameIdOtherTenant = await LeaderWithPersonalChatAsync(sameUserAs: me);

        await fixture.Bot.PostAsync(me.PersonalMessage("slett mine data"));
        Assert.Contains("Slette dataene dine?", fixture.Connector.SentTo(me.PersonalConversationId).Last().CardText);
        Assert.NotEmpty(await fixture.Bot.Get<RoleRepository>().ListForPersonAsync(me.TenantId, me.UserAadObjectId)); // nothing gone yet

        var response = await fixture.Bot.PostAsync(me.PersonalCardAction(PrivacyVerbs.Delete, new JsonObject { ["for"] = me.UserAadObjectId }, me.UserAadObjectId));
        var reply = CardContent.InvokeReply((await response.Content.ReadFromJsonAsync<JsonObject>())!);

        Assert.Equal("Slettet: rollene dine i 1 team og koblingen til 1 samtale med boten. Kommentarene dine, støtten din og navnet ditt er fjernet fra 0 ideer. "
            + "Ideene blir stående. Mål, innsjekker, praksiskort og nettverksstatuser du står bak, har ikke lenger navnet ditt. Svarene dine på ukens spørsmål er lagret uten navn og står urørt.", reply);
        Assert.Empty(await fixture.Bot.Get<RoleRepository>().ListForPersonAsync(me.TenantId, me.UserAadObjectId));
        Assert.Null(await fixture.Bot.Get<ConversationRepository>().GetAsync(me.TenantId, me.PersonalConversationId));
        Assert.NotNull(await fixture.Bot.Get<ConversationRepository>().GetAsync(me.TenantId, me.GeneralChannelId)); // the team's channel is not mine
        Assert.Single(await fixture.Bot.Get<RoleRepository>().ListForPersonAsync(sameIdOtherTenant.TenantId, me.UserAadObjectId));
        Assert.NotNull(await fixture.Bot.Get<ConversationRepository>().GetAsync(sameIdOtherTenant.TenantId, sameIdOtherTenant.PersonalConversationId));
    }
}
