using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Pulse;
using CareCompanion.Cards.Welcome;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Installation;

/// <summary>Install: remember where the bot lives and say hello once (in a channel, asking the team's language). Uninstall: stop using that place. "hjelp": the welcome again.</summary>
public sealed class InstallationHandler(
    ConversationRepository conversations,
    TeamRepository teams,
    IEnumerable<IInstallationListener> listeners,
    IEnumerable<BotRoute> routes,
    ILogger<InstallationHandler> logger)
{
    public async Task<Reply> OnInstalledAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Conversation is not { } stored)
        {
            logger.LogWarning("An install activity names no tenant; nothing stored.");
            return Reply.None;
        }
        var firstTime = await conversations.ActivateAsync(stored, ct);
        logger.LogInformation("Installed in {Scope} {ConversationId} (tenant {TenantId}); welcome {Welcome}.",
            stored.Scope, stored.ConversationId, stored.TenantId, firstTime ? "sent" : "already sent");
        var team = stored is { Scope: ConversationScope.Channel, TeamId: not null } ? await RehomeAsync(await teams.AddAsync(TeamChannel.From(stored, turn.ChannelTeamGroupId), ct), stored, ct) : null;
        // Every install activity, not just the first: listeners are idempotent, and a retried install after a
        // failure here must still set the features up.
        foreach (var listener in listeners)
        {
            await listener.OnInstalledAsync(new Installed(stored, team, turn.PersonId, turn.UserId), ct);
        }
        var teamLanguage = team is null ? null : TeamLanguageCard.Choice(turn.Language, team.TeamId, TeamChannel.LanguageOf(team))
            .Concat(FirstQuestionChoice.Build(turn.Language, team.TeamId));
        return firstTime ? Welcome(turn, teamLanguage) : Reply.None;
    }

    public async Task<Reply> OnRemovedAsync(Turn turn, CancellationToken ct)
    {
        if (turn.TenantId is not { Length: > 0 } tenantId || turn.Conversation is not { } conversation) return Reply.None;
        if (turn.ChannelTeamId is { } teamId)
        {
            await conversations.DeactivateTeamAsync(tenantId, teamId, ct);
            foreach (var listener in listeners) await listener.OnRemovedFromTeamAsync(tenantId, teamId, ct);
        }
        await conversations.DeactivateAsync(tenantId, conversation.ConversationId, ct);
        logger.LogInformation("Removed from conversation {ConversationId} (tenant {TenantId}).", conversation.ConversationId, tenantId);
        return Reply.None;
    }

    /// <summary>
    /// The channel the team's posts go to was deleted: they go to the team's General channel, which cannot be deleted
    /// (Teams gives it the team's id).
    /// </summary>
    public async Task<Reply> OnChannelDeletedAsync(Turn turn, CancellationToken ct)
    {
        if (turn.TenantId is not { Length: > 0 } tenantId || turn.ChannelTeamId is not { } teamId
            || turn.Data["channel"]?.GetValue<string>() is not { } deleted) return Reply.None;
        await conversations.DeactivateAsync(tenantId, deleted, ct);
        if (deleted != teamId && await teams.GetAsync(tenantId, teamId, ct) is { } team && team.ConversationId == deleted)
        {
            await teams.SaveAsync(team with { ConversationId = teamId }, ct);
            logger.LogInformation("The team's channel was deleted; its posts go to the General channel now (tenant {TenantId}).", tenantId);
        }
        return Reply.None;
    }

    /// <summary>
    /// A team keeps the channel it was first installed in, unless the app was removed from there since: installed
    /// again, it posts where it was installed now.
    /// </summary>
    private async Task<Team> RehomeAsync(Team team, StoredConversation installedIn, CancellationToken ct)
    {
        if (team.ConversationId == installedIn.ConversationId
            || await conversations.GetAsync(team.TenantId, team.ConversationId, ct) is { Active: true }) return team;
        var moved = team with { ConversationId = installedIn.ConversationId, ServiceUrl = installedIn.ServiceUrl, BotId = installedIn.BotId };
        await teams.SaveAsync(moved, ct);
        return moved;
    }

    private Reply Welcome(Turn turn, IEnumerable<System.Text.Json.Nodes.JsonNode>? teamLanguage = null) => Reply.Card(WelcomeCard.Build(turn.Language,
        [.. routes.Where(r => r.Kind == RouteKind.Command).Select(r => new CommandHelp(CommandWords.Shown(turn.T, r.Key), turn.T["help." + r.Key]))],
        teamLanguage));

    public Task<Reply> HelpAsync(Turn turn, CancellationToken ct) => Task.FromResult(Welcome(turn));
}
