using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Roles;
using CareCompanion.Storage.Roles;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace CareCompanion.Bot.Roles;

/// <summary>
/// "roller" / "roles" in a team channel: leaders and admins see who holds which role and give or take roles. The
/// person must be in Teams' roster of the team; the team always keeps at least one leader or admin.
/// </summary>
public sealed class RolesHandler(RoleRepository roles, TeamRoles teamRoles, ILogger<RolesHandler> logger)
{
    public async Task ShowAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var (caller, refusal) = await teamRoles.RequireAsync(turnContext.Activity, Role.Leaders, "roles.leadersOnly", ct);
        if (caller is null)
        {
            await turnContext.SendActivityAsync(refusal, cancellationToken: ct);
            return;
        }
        var language = LanguageResolver.FromLocale(turnContext.Activity.Locale);
        await turnContext.SendActivityAsync(CardMessage.From(RolesCard.Build(language, caller.TeamId, await MembersAsync(turnContext, caller, ct))), ct);
    }

    public async Task<AdaptiveCardInvokeResponse> SetAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var t = Texts.ForLocale(turnContext.Activity.Locale);
        var data = CardData.Of(invoke);
        var (caller, refusal) = await teamRoles.RequireAsync(turnContext.Activity, Role.Leaders, "roles.leadersOnly", ct);
        if (caller is null || CardData.String(data, "team") != caller.TeamId) return InvokeResponses.Message(refusal ?? t["error.notAllowed"]);
        var userId = CardData.String(data, "person");
        var role = CardData.String(data, "role");
        var change = CardData.String(data, "change");
        if (string.IsNullOrEmpty(userId) || !Role.All.Contains(role) || change is not ("grant" or "revoke")) return InvokeResponses.Message(t["roles.error"]);
        if (await MemberAsync(turnContext, caller.TeamId, userId, ct) is not { AadObjectId.Length: > 0 } member) return InvokeResponses.Message(t["roles.notMember"]);

        if (change == "grant")
        {
            await roles.GrantAsync(caller.TenantId, caller.TeamId, member.AadObjectId, role!, ct, member.Id);
        }
        else
        {
            var after = (await roles.ListAsync(caller.TenantId, caller.TeamId, ct))
                .Select(h => h.AadObjectId == member.AadObjectId ? h.Roles.Where(r => r != role) : h.Roles);
            if (!after.Any(held => held.Any(Role.Leaders.Contains))) return InvokeResponses.Message(t["roles.lastLeader"]);
            await roles.RevokeAsync(caller.TenantId, caller.TeamId, member.AadObjectId, role!, ct);
        }
        return InvokeResponses.Card(RolesCard.Build(t.Language, caller.TeamId, await MembersAsync(turnContext, caller, ct), t["roles.saved"]));
    }

    /// <summary>The team's roster (first 100) with the roles stored for each, role holders first.</summary>
    private async Task<IReadOnlyList<RoleMember>> MembersAsync(ITurnContext turnContext, Caller caller, CancellationToken ct)
    {
        var held = (await roles.ListAsync(caller.TenantId, caller.TeamId, ct)).ToDictionary(h => h.AadObjectId);
        IEnumerable<TeamsChannelAccount> roster = [];
        try
        {
            roster = (await TeamsInfo.GetPagedTeamMembersAsync(turnContext, caller.TeamId, null, RolesCard.MaxMembers, ct)).Members;
        }
        catch (ErrorResponseException e)
        {
            logger.LogWarning("Could not read the roster of team {Team}: {Status}.", caller.TeamId, e.Response?.StatusCode);
        }
        return [.. roster
            .Select(m => new RoleMember(m.Name ?? m.Id, m.Id, held.TryGetValue(m.AadObjectId ?? "", out var h) ? [.. RolesCard.Roles.Where(h.Roles.Contains)] : []))
            .OrderBy(m => m.Roles.Count == 0)
            .ThenBy(m => m.Name)];
    }

    private async Task<TeamsChannelAccount?> MemberAsync(ITurnContext turnContext, string teamId, string userId, CancellationToken ct)
    {
        try
        {
            return await TeamsInfo.GetTeamMemberAsync(turnContext, userId, teamId, ct);
        }
        catch (ErrorResponseException)
        {
            return null;
        }
    }
}
