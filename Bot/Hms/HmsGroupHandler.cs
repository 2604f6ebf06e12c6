using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Hms;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Hms;

/// <summary>
/// "hms-gruppe" in a team's channel (leaders): the team's HMS group, made on first use; a leader of another team adds
/// that team from its own channel (the gate checks the role there, this handler that they are in the group). Named
/// people confirm in their personal chat, and get the role in each of the group's teams: it is what keeps their own
/// answers out of the results they see.
/// </summary>
public sealed class HmsGroupHandler(HmsRepository groups, RoleRepository roles, TeamRepository teams, JobRepository jobs, TimeProvider clock)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        if (await groups.GroupOfTeamAsync(caller.TenantId, caller.TeamId, ct) is { } group) return await HmsGroupCards.ReplyAsync(turn, group, null, ct);
        var mine = await groups.GroupsOfPersonAsync(caller.TenantId, caller.UserAadObjectId, ct);
        if (mine.Count == 0) return await CreateAsync(turn, ct);
        return Reply.Card(HmsCards.Choose(turn.Language, caller.TeamId, [.. mine.Select(g => new HmsTeamChoice(g.TeamId, g.Teams.FirstOrDefault()?.Name ?? ""))]));
    }

    public async Task<Reply> CreateAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        var group = new HmsGroup
        {
            TenantId = caller.TenantId,
            TeamId = caller.TeamId,
            Teams = [new HmsTeam(caller.TeamId, await TeamNameAsync(turn, ct))],
            Members = [new HmsMember(caller.UserAadObjectId, turn.UserId, turn.UserName ?? "", Role.Leader, Confirmed: true)],
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await groups.LinkAsync(caller.TenantId, caller.TeamId, caller.TeamId, ct)) return Reply.Text(turn.T["hms.otherGroup"]);
        if (!await groups.TryAddAsync(group, ct)) group = (await groups.GetAsync(caller.TenantId, caller.TeamId, ct))!;
        return await HmsGroupCards.ReplyAsync(turn, group, turn.T["hms.created"], ct);
    }

    public async Task<Reply> JoinAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        if (turn.Payload<HmsJoinPayload>() is not { } data) return Reply.Text(turn.T["error.notAllowed"]);
        var group = await groups.GetAsync(caller.TenantId, data.Group, ct);
        if (group is null || !group.HasConfirmed(caller.UserAadObjectId)) return Reply.Text(turn.T["hms.joinRefused"]);
        if (!await groups.LinkAsync(caller.TenantId, caller.TeamId, group.TeamId, ct)) return Reply.Text(turn.T["hms.otherGroup"]);
        var name = await TeamNameAsync(turn, ct);
        var changed = await groups.ChangeOnceAsync(caller.TenantId, group.TeamId, turn.ActivityId,
            g => g.Teams.Any(t => t.TeamId == caller.TeamId) ? null : g with { Teams = [.. g.Teams, new HmsTeam(caller.TeamId, name)] }, ct);
        group = changed.Record ?? group;
        foreach (var member in group.Confirmed) await roles.GrantAsync(caller.TenantId, caller.TeamId, member.AadObjectId, member.Role, ct, member.UserId);
        return await HmsGroupCards.ReplyAsync(turn, group, turn.T["hms.joined"], ct);
    }

    public async Task<Reply> NameAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        var data = turn.Payload<HmsNamePayload>();
        if (data is not { Person.Length: > 0 } || !HmsVerbs.MemberRoles.Contains(data.Role)) return Reply.Text(t["roles.error"]);
        var group = await groups.GroupOfTeamAsync(caller.TenantId, caller.TeamId, ct);
        if (group is null || !group.HasConfirmed(caller.UserAadObjectId)) return Reply.Text(t["hms.membersOnly"]);
        if (await turn.MemberAsync(caller.TeamId, data.Person!, ct) is not { AadObjectId.Length: > 0 } person) return Reply.Text(t["roles.notMember"]);

        var named = new HmsMember(person.AadObjectId!, person.UserId, person.Name, data.Role!, Confirmed: false);
        var changed = await groups.ChangeOnceAsync(caller.TenantId, group.TeamId, turn.ActivityId, g =>
            g.Members.Any(m => m.AadObjectId == named.AadObjectId && m.Role == named.Role && m.Confirmed) ? null
            : g with { Members = [.. g.Members.Where(m => m.AadObjectId != named.AadObjectId), named] }, ct);
        if (changed.Applied)
        {
            await jobs.ScheduleAsync(HmsJobs.ConfirmKind.Create(caller.TenantId, clock.GetUtcNow(),
                new HmsJobs.ConfirmPayload(group.TeamId, named.AadObjectId, turn.UserName ?? ""), group.TeamId, named.AadObjectId, turn.ActivityId), ct);
        }
        return await HmsGroupCards.ReplyAsync(turn, changed.Record ?? group, t["hms.named"], ct);
    }

    /// <summary>In the named person's personal chat: they confirm, and get their role in each of the group's teams.</summary>
    public async Task<Reply> ConfirmAsync(Turn turn, CancellationToken ct)
    {
        var (tenantId, person) = (turn.TenantId!, turn.PersonId!);
        if (turn.Payload<HmsRef>() is not { } data) return Reply.Text(turn.T["error.notAllowed"]);
        var group = await groups.GetAsync(tenantId, data.Team, ct);
        if (group?.Members.FirstOrDefault(m => m.AadObjectId == person) is not { } member) return Reply.Text(turn.T["hms.confirm.notNamed"]);
        foreach (var team in group.Teams) await roles.GrantAsync(tenantId, team.TeamId, person, member.Role, ct, member.UserId ?? turn.UserId);
        var changed = await groups.ChangeOnceAsync(tenantId, group.TeamId, turn.ActivityId, g => g with
        {
            Members = [.. g.Members.Select(m => m.AadObjectId == person ? m with { Confirmed = true, UserId = m.UserId ?? turn.UserId } : m)],
        }, ct);
        return await HmsGroupCards.ReplyAsync(turn, changed.Record ?? group, turn.T["hms.confirmed"], ct);
    }

    private async Task<string> TeamNameAsync(Turn turn, CancellationToken ct) =>
        (await teams.GetAsync(turn.Caller!.TenantId, turn.Caller.TeamId, ct))?.Name ?? turn.ChannelTeamName ?? "";
}
