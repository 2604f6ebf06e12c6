using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Hms;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Hms;

/// <summary>The named person gets the request to confirm in their personal chat (opened through the group's team).</summary>
public sealed class HmsConfirmJob(HmsRepository groups, TeamRepository teams, PersonalChats chats) : IJobHandler
{
    public string Kind => HmsJobs.ConfirmKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = HmsJobs.ConfirmKind.Read(job);
        var group = await groups.GetAsync(job.TenantId, payload.GroupTeamId, ct);
        var team = await teams.GetAsync(job.TenantId, payload.GroupTeamId, ct);
        if (group?.Members.FirstOrDefault(m => m.AadObjectId == payload.Person && !m.Confirmed) is not { } member || team is null) return [];
        return await chats.TellAsync(TeamChannel.Of(team), [new Recipient(member.AadObjectId, member.UserId)],
            (_, t) => HmsCards.ConfirmRequest(t.Language, group.TeamId, payload.NamedBy, member.Role, group.Teams.FirstOrDefault()?.Name ?? ""), ct);
    }
}

/// <summary>The group's message in one team's channel, in the team's language, signed with the members' names.</summary>
public sealed class HmsPostJob(HmsRepository groups, TeamRepository teams) : IJobHandler
{
    public string Kind => HmsJobs.PostKind.Name;

    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(ScheduledJob job, CancellationToken ct)
    {
        var payload = HmsJobs.PostKind.Read(job);
        var group = await groups.GetAsync(job.TenantId, payload.GroupTeamId, ct);
        var team = await teams.GetAsync(job.TenantId, payload.TeamId, ct);
        if (group is null || team is null || group.Teams.All(t => t.TeamId != team.TeamId)) return [];
        return [new PlannedMessage(TeamChannel.Of(team), CardMessage.From(HmsCards.Message(TeamChannel.LanguageOf(team), payload.Message, HmsGroupCards.Signers(group))))];
    }
}
