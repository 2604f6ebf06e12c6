using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Ideas;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Builder;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// "mine idéer" (what I sent, and what happened), "idéer" for leaders (their teams' open ideas, oldest unanswered
/// first) and "delte idéer" (what other teams implemented and shared). Each reads only the caller's tenant.
/// </summary>
public sealed class IdeaLists(IdeaRepository ideas, RoleRepository roles, TimeProvider clock)
{
    public const int WaitingFlagDays = 14;

    public async Task MineAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        if (TeamsConversation.Person(turnContext.Activity) is not var (tenantId, person))
        {
            await turnContext.SendActivityAsync(t["error.notAllowed"], cancellationToken: ct);
            return;
        }
        var mine = (await ideas.ListBySubmitterAsync(tenantId, person, ct)).OrderByDescending(i => i.CreatedAt);
        await SendAsync(turnContext, t["idea.list.mine"], [.. mine.Select(i => IdeaViews.Of(i, withLeaderAnswer: false))], t["idea.list.mineEmpty"], ct);
    }

    public async Task OpenForLeaderAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        if (TeamsConversation.Person(turnContext.Activity) is not var (tenantId, person))
        {
            await turnContext.SendActivityAsync(t["error.notAllowed"], cancellationToken: ct);
            return;
        }
        var channelTeam = TeamsConversation.TeamId(turnContext.Activity);
        var led = (await roles.ListForPersonAsync(tenantId, person, ct))
            .Where(r => r.Holder.Roles.Overlaps(Role.Leaders))
            .Select(r => KeyEncoding.TeamOf(r.PartitionKey))
            .Where(team => channelTeam is null || team == channelTeam)
            .ToList();
        if (led.Count == 0)
        {
            await turnContext.SendActivityAsync(t["idea.list.leadersOnly"], cancellationToken: ct);
            return;
        }
        var open = (await Task.WhenAll(led.Select(team => ideas.ListTeamAsync(tenantId, team, ct))))
            .SelectMany(list => list)
            .Where(i => !IdeaStatus.IsClosed(i.Status))
            .OrderBy(i => i.LastDecision is null ? 0 : 1)
            .ThenBy(i => i.LastDecision?.At ?? i.CreatedAt);
        await SendAsync(turnContext, t["idea.list.open"], [.. open.Select(i => IdeaViews.Of(i))], t["idea.list.openEmpty"], ct, WaitingFlagDays);
    }

    public async Task SharedAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        if (TeamsConversation.Person(turnContext.Activity) is not var (tenantId, _))
        {
            await turnContext.SendActivityAsync(t["error.notAllowed"], cancellationToken: ct);
            return;
        }
        var shared = (await ideas.ListSharedAsync(tenantId, ct)).OrderByDescending(i => i.StatusChangedAt);
        await SendAsync(turnContext, t["idea.list.shared"], [.. shared.Select(i => IdeaViews.Of(i, withLeaderAnswer: false))], t["idea.list.sharedEmpty"], ct);
    }

    private Task SendAsync(ITurnContext turnContext, string heading, IReadOnlyList<IdeaView> views, string empty, CancellationToken ct,
        int flagAfterDays = int.MaxValue)
    {
        var language = LanguageResolver.FromLocale(turnContext.Activity.Locale);
        var card = IdeaListCard.Build(heading, views, language, clock.GetUtcNow(), empty, flagAfterDays);
        return turnContext.SendActivityAsync(CardMessage.From(card), ct);
    }
}
