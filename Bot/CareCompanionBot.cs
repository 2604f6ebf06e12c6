using System.Text.Json.Nodes;
using CareCompanion.Bot.Hosting;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace CareCompanion.Bot;

/// <summary>
/// The Teams entry point. It only forwards: each kind of activity becomes a route kind and key for the
/// <see cref="Dispatcher"/>, and the route's reply becomes what Teams expects back. Features never see this class.
/// </summary>
public sealed class CareCompanionBot(Dispatcher dispatcher, Admission admission, ILogger<CareCompanionBot> logger) : TeamsActivityHandler
{
    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (admission.Admits(activity.ChannelId, TeamsConversation.TenantId(activity))) return base.OnTurnAsync(turnContext, cancellationToken);
        logger.LogWarning("Ignored a {Type} activity from channel {Channel}: not Teams, or a tenant not allowed here.", activity.Type, activity.ChannelId);
        return Task.CompletedTask;
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        // An Action.Submit outside a dialog arrives as a message whose value carries the verb.
        var submitted = Data(activity.Value);
        var reply = submitted.ContainsKey(AdaptiveCardJson.VerbKey)
            ? await dispatcher.RunAsync(turnContext, RouteKind.Action, Verb(submitted), submitted, cancellationToken)
            : await dispatcher.RunAsync(turnContext, RouteKind.Command, CommandWords.Of(activity), [], cancellationToken);
        await TeamsReplies.SendAsync(turnContext, reply ?? await dispatcher.UnknownAsync(turnContext, cancellationToken), cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        TeamsReplies.ForAction(await dispatcher.RunAsync(turnContext, RouteKind.Action, invokeValue.Action?.Verb, Data(invokeValue.Action?.Data), cancellationToken)
            ?? await dispatcher.UnknownAsync(turnContext, cancellationToken));

    protected override async Task<TaskModuleResponse> OnTeamsTaskModuleFetchAsync(ITurnContext<IInvokeActivity> turnContext,
        TaskModuleRequest taskModuleRequest, CancellationToken cancellationToken) =>
        TeamsReplies.ForDialog(await DialogAsync(turnContext, RouteKind.DialogOpen, Data(taskModuleRequest.Data), cancellationToken));

    protected override async Task<TaskModuleResponse> OnTeamsTaskModuleSubmitAsync(ITurnContext<IInvokeActivity> turnContext,
        TaskModuleRequest taskModuleRequest, CancellationToken cancellationToken) =>
        TeamsReplies.ForDialog(await DialogAsync(turnContext, RouteKind.DialogSubmit, Data(taskModuleRequest.Data), cancellationToken));

    protected override async Task<MessagingExtensionActionResponse> OnTeamsMessagingExtensionFetchTaskAsync(ITurnContext<IInvokeActivity> turnContext,
        MessagingExtensionAction action, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["message"] = action.MessagePayload?.Body?.Content };
        return TeamsReplies.ForExtensionAction(await dispatcher.RunAsync(turnContext, RouteKind.ExtensionOpen, action.CommandId, data, cancellationToken)
            ?? await dispatcher.UnknownAsync(turnContext, cancellationToken));
    }

    protected override async Task<MessagingExtensionActionResponse> OnTeamsMessagingExtensionSubmitActionAsync(ITurnContext<IInvokeActivity> turnContext,
        MessagingExtensionAction action, CancellationToken cancellationToken) =>
        TeamsReplies.ForExtensionAction(await dispatcher.RunAsync(turnContext, RouteKind.ExtensionSubmit, action.CommandId, Data(action.Data), cancellationToken)
            ?? await dispatcher.UnknownAsync(turnContext, cancellationToken));

    protected override async Task<MessagingExtensionResponse> OnTeamsMessagingExtensionQueryAsync(ITurnContext<IInvokeActivity> turnContext,
        MessagingExtensionQuery query, CancellationToken cancellationToken)
    {
        var data = new JsonObject
        {
            ["query"] = string.Join(' ', query.Parameters?.Where(p => p.Name != "initialRun").Select(p => p.Value?.ToString()) ?? []),
            ["skip"] = query.QueryOptions?.Skip ?? 0,
            ["count"] = query.QueryOptions?.Count,
        };
        return TeamsReplies.ForExtensionQuery(await dispatcher.RunAsync(turnContext, RouteKind.ExtensionQuery, query.CommandId, data, cancellationToken)
            ?? await dispatcher.UnknownAsync(turnContext, cancellationToken));
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        EventAsync(turnContext, Events.Installed, cancellationToken);

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        EventAsync(turnContext, Events.Removed, cancellationToken);

    // Handled here rather than in OnTeamsMembersAdded: the base class would fetch each added person's profile
    // from the connector, a round trip the bot does not need.
    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersAdded?.Any(m => m.Id == botId) == true) return EventAsync(turnContext, Events.Installed, cancellationToken);
        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true) return EventAsync(turnContext, Events.Removed, cancellationToken);
        if (activity.MembersRemoved is { Count: > 0 } removed) return EventAsync(turnContext, Events.MembersRemoved, cancellationToken, Members(removed));
        if (activity.GetChannelData<TeamsChannelData>() is { EventType: "channelDeleted", Channel.Id: { } channel })
        {
            return EventAsync(turnContext, Events.ChannelDeleted, cancellationToken, new JsonObject { ["channel"] = channel });
        }
        return Task.CompletedTask;
    }

    private async Task EventAsync(ITurnContext turnContext, string name, CancellationToken ct, JsonObject? data = null)
    {
        if (await dispatcher.RunAsync(turnContext, RouteKind.Event, name, data ?? [], ct) is { } reply) await TeamsReplies.SendAsync(turnContext, reply, ct);
    }

    /// <summary>People as Teams names them in a conversation update: Teams user id and Entra object id.</summary>
    private static JsonObject Members(IEnumerable<ChannelAccount> members) => new()
    {
        ["members"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject { ["userId"] = m.Id, ["aadObjectId"] = m.AadObjectId })]),
    };

    private async Task<Reply> DialogAsync(ITurnContext turnContext, RouteKind kind, JsonObject data, CancellationToken ct) =>
        await dispatcher.RunAsync(turnContext, kind, Verb(data), data, ct) ?? await dispatcher.UnknownAsync(turnContext, ct);

    private static string? Verb(JsonObject data) =>
        data[AdaptiveCardJson.VerbKey] is JsonValue value && value.TryGetValue<string>(out var verb) ? verb : null;

    /// <summary>Card data from the Bot Framework's Newtonsoft objects, as System.Text.Json for the features; anything else is empty.</summary>
    private static JsonObject Data(object? data) => data switch
    {
        JObject json => JsonNode.Parse(json.ToString(Newtonsoft.Json.Formatting.None)) as JsonObject ?? [],
        _ => [],
    };
}
