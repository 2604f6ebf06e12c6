using System.Text.Json.Nodes;

namespace CareCompanion.Tests.Support;

/// <summary>
/// Teams-shaped activities as the channel posts them to /api/messages. Each instance has fresh ids
/// (tenant, team, user), so tests sharing one bot never see each other's data.
/// </summary>
public sealed class TeamsActivities(string serviceUrl)
{
    public const string BotId = "28:carecompanion-bot";

    /// <summary>Where the bot's replies go (the connector sink).</summary>
    public string ServiceUrl => serviceUrl;

    public string TenantId { get; init; } = "tenant-" + Guid.NewGuid().ToString("N")[..8];
    public string TeamId { get; init; } = $"19:team{Guid.NewGuid():N}@thread.tacv2";
    /// <summary>The team's Microsoft 365 group id, as Teams gives it in channel data (what Graph calls the team's id).</summary>
    public string AadGroupId { get; } = Guid.NewGuid().ToString();
    public string UserId { get; } = "29:user-" + Guid.NewGuid().ToString("N")[..8];
    /// <summary>The Entra object id of <see cref="UserId"/>: the person who installs the app, so the team's first leader.</summary>
    public string UserAadObjectId { get; init; } = Guid.NewGuid().ToString();
    public string PersonalConversationId { get; } = "a:personal-" + Guid.NewGuid().ToString("N");
    public string GroupChatId { get; } = $"19:chat{Guid.NewGuid():N}@thread.v2";

    /// <summary>The team's General channel: Teams uses the team id as its conversation id.</summary>
    public string GeneralChannelId => TeamId;

    public JsonObject InstallInTeam(string locale = "nb-NO", string type = "installationUpdate") =>
        InstallActivity(type, "add", ChannelConversation(), locale, TeamChannelData());

    public JsonObject UninstallFromTeam(string type = "installationUpdate") =>
        InstallActivity(type, "remove", ChannelConversation(), "nb-NO", TeamChannelData());

    /// <summary>The app added to the team from another channel than General (Teams names that channel's conversation).</summary>
    public JsonObject InstallInChannel(string channelId)
    {
        var activity = InstallInTeam();
        activity["conversation"]!["id"] = channelId;
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "Vaktrommet" };
        return activity;
    }

    /// <summary>Teams telling the bot that a channel of the team was deleted.</summary>
    public JsonObject ChannelDeleted(string channelId)
    {
        var activity = InstallActivity("conversationUpdate", "add", ChannelConversation(), "nb-NO", TeamChannelData());
        activity.Remove("membersAdded");
        activity["channelData"]!["eventType"] = "channelDeleted";
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "Vaktrommet" };
        return activity;
    }

    /// <summary>Teams telling the bot that people left the team (or were removed from it).</summary>
    public JsonObject MembersRemoved(params (string UserId, string AadObjectId)[] people)
    {
        var activity = InstallActivity("conversationUpdate", "remove", ChannelConversation(), "nb-NO", TeamChannelData());
        activity["membersRemoved"] = new JsonArray([.. people.Select(p => (JsonNode)new JsonObject { ["id"] = p.UserId, ["aadObjectId"] = p.AadObjectId })]);
        return activity;
    }

    public JsonObject InstallPersonal(string locale = "nb-NO") =>
        InstallActivity("installationUpdate", "add", PersonalConversation(), locale, TenantChannelData());

    public JsonObject InstallInGroupChat(string locale = "nb-NO") =>
        InstallActivity("conversationUpdate", "add", new JsonObject
        {
            ["id"] = GroupChatId, ["conversationType"] = "groupChat", ["tenantId"] = TenantId, ["isGroup"] = true,
        }, locale, TenantChannelData());

    public JsonObject PersonalMessage(string text, string locale = "nb-NO") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
        ["locale"] = locale,
        ["text"] = text,
        ["from"] = User(),
        ["recipient"] = Bot(),
        ["conversation"] = PersonalConversation(),
        ["channelData"] = TenantChannelData(),
    };

    public JsonObject ChannelMessage(string text, string locale = "nb-NO", string? fromAadObjectId = null)
    {
        var activity = PersonalMessage($"<at>CareCompanion</at> {text}", locale);
        if (fromAadObjectId is not null)
        {
            activity["from"] = new JsonObject { ["id"] = "29:" + fromAadObjectId, ["name"] = "Ola", ["aadObjectId"] = fromAadObjectId };
        }
        activity["conversation"] = ChannelConversation();
        activity["channelData"] = TeamChannelData();
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>CareCompanion</at>",
            ["mentioned"] = Bot(),
        });
        return activity;
    }

    /// <summary>A click on an Action.Execute button of a card in the team's channel, by the given person.</summary>
    public JsonObject ChannelCardAction(string verb, JsonObject data, string userAadObjectId, string locale = "nb-NO") =>
        ChannelInvoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        }, userAadObjectId, locale);

    /// <summary>Any invoke (dialogs, messaging extension) from the team's channel, by the given person.</summary>
    public JsonObject ChannelInvoke(string name, JsonObject value, string userAadObjectId, string locale = "nb-NO") => new()
    {
        ["type"] = "invoke",
        ["name"] = name,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
        ["locale"] = locale,
        ["from"] = userAadObjectId == UserAadObjectId
            ? User()
            : new JsonObject { ["id"] = "29:" + userAadObjectId, ["name"] = "Ansatt", ["aadObjectId"] = userAadObjectId },
        ["recipient"] = Bot(),
        ["conversation"] = ChannelConversation(),
        ["channelData"] = TeamChannelData(),
        ["value"] = value,
    };

    /// <summary>The same invoke from the person's personal chat with the bot: Teams names no team then.</summary>
    public JsonObject PersonalInvoke(string name, JsonObject value, string userAadObjectId, string locale = "nb-NO") =>
        ToPersonal(ChannelInvoke(name, value, userAadObjectId, locale));

    /// <summary>The same click on a card in the person's personal chat with the bot: Teams names no team then.</summary>
    public JsonObject PersonalCardAction(string verb, JsonObject data, string userAadObjectId, string locale = "nb-NO") =>
        ToPersonal(ChannelCardAction(verb, data, userAadObjectId, locale));

    private JsonObject ToPersonal(JsonObject activity)
    {
        activity["conversation"] = PersonalConversation();
        activity["channelData"] = TenantChannelData();
        return activity;
    }

    private JsonObject InstallActivity(string type, string action, JsonObject conversation, string locale, JsonObject channelData)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["locale"] = locale,
            ["from"] = User(),
            ["recipient"] = Bot(),
            ["conversation"] = conversation,
            ["channelData"] = channelData,
        };
        if (type == "installationUpdate")
        {
            activity["action"] = action;
        }
        else
        {
            activity[action == "add" ? "membersAdded" : "membersRemoved"] = new JsonArray(Bot());
        }
        return activity;
    }

    private JsonObject ChannelConversation() => new()
    {
        ["id"] = GeneralChannelId, ["conversationType"] = "channel", ["tenantId"] = TenantId, ["isGroup"] = true,
    };

    private JsonObject PersonalConversation() => new()
    {
        ["id"] = PersonalConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId,
    };

    private JsonObject TeamChannelData() => new()
    {
        ["tenant"] = new JsonObject { ["id"] = TenantId },
        ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Sjukeheimen avd. 2", ["aadGroupId"] = AadGroupId },
        ["channel"] = new JsonObject { ["id"] = GeneralChannelId, ["name"] = "General" },
    };

    private JsonObject TenantChannelData() => new() { ["tenant"] = new JsonObject { ["id"] = TenantId } };

    private JsonObject User() => new() { ["id"] = UserId, ["name"] = "Kari Nordmann", ["aadObjectId"] = UserAadObjectId };

    private static JsonObject Bot() => new() { ["id"] = BotId, ["name"] = "CareCompanion" };
}
