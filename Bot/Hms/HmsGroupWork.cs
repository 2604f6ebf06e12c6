using System.Text.Json.Nodes;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Hms;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Hms;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Scheduling;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Bot.Hms;

/// <summary>
/// What the HMS group does for all its teams: a message in each channel signed by its members, a question in each
/// team's queue, and the teams' results above the threshold (the pulse's own results card, one section per team).
/// Only confirmed members get here (the gate's HMS check).
/// </summary>
public sealed class HmsGroupWork(HmsRepository groups, PulseRepository pulse, PulseResultsCommand results, JobRepository jobs, TimeProvider clock)
{
    /// <summary>At most this many teams' results on one card, to stay within Teams' card size.</summary>
    public const int MaxTeamsOnResults = 4;

    public async Task<Reply> PostAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        var message = turn.Payload<HmsPostPayload>()?.Message?.Trim();
        if (string.IsNullOrEmpty(message) || message.Length > HmsVerbs.MaxMessage) return Reply.Text(t["hms.error.message"]);
        var group = (await groups.GroupOfTeamAsync(caller.TenantId, caller.TeamId, ct))!;
        foreach (var team in group.Teams)
        {
            await jobs.ScheduleAsync(HmsJobs.PostKind.Create(caller.TenantId, clock.GetUtcNow(), new HmsJobs.PostPayload(group.TeamId, team.TeamId, message),
                team.TeamId, turn.ActivityId), ct);
        }
        return await HmsGroupCards.ReplyAsync(turn, group, t.Format("hms.posted", group.Teams.Count), ct);
    }

    public async Task<Reply> QuestionAsync(Turn turn, CancellationToken ct)
    {
        var t = turn.T;
        var caller = turn.Caller!;
        var data = turn.Payload<HmsQuestionPayload>();
        var (text, low, high) = (data?.Text?.Trim(), data?.Low?.Trim(), data?.High?.Trim());
        if (string.IsNullOrEmpty(text) || text.Length > HmsVerbs.MaxQuestion || string.IsNullOrEmpty(low) || low.Length > HmsVerbs.MaxLabel
            || string.IsNullOrEmpty(high) || high.Length > HmsVerbs.MaxLabel)
        {
            return Reply.Text(t["hms.error.question"]);
        }
        var group = (await groups.GroupOfTeamAsync(caller.TenantId, caller.TeamId, ct))!;
        // The same id for the same press, so a press Teams delivers twice adds the question once.
        var question = new TeamQuestion("hms-" + StableIds.For(caller.TenantId, turn.ActivityId)[..10], QuestionTheme.Wellbeing, QuestionType.Scale, text, low, high);
        var queued = 0;
        foreach (var team in group.Teams)
        {
            // A team already at its limit of own questions does not get it (nor counts as queued).
            var stored = await pulse.UpdateSettingsAsync(caller.TenantId, team.TeamId, current =>
                current.TeamQuestions.Any(q => q.Id == question.Id) || current.TeamQuestions.Count >= PulseSettings.MaxTeamQuestions
                    ? null
                    : current with { TeamQuestions = [.. current.TeamQuestions, question] }, ct);
            if (stored?.TeamQuestions.Any(q => q.Id == question.Id) == true) queued++;
        }
        return await HmsGroupCards.ReplyAsync(turn, group, t.Format("hms.question.added", queued), ct);
    }

    /// <summary>The pulse's results card for each team, read as that team's caller would: the same rounds, thresholds and rows.</summary>
    public async Task<Reply> ResultsAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        var group = (await groups.GroupOfTeamAsync(caller.TenantId, caller.TeamId, ct))!;
        var body = new List<JsonNode>();
        foreach (var team in group.Teams.Take(MaxTeamsOnResults))
        {
            turn.Caller = caller with { TeamId = team.TeamId };
            if (await results.ShowAsync(turn, ct) is not Reply.CardReply card) continue;
            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = new JsonArray(Written(team.Name, bold: true, color: "Accent")) });
            body.AddRange(card.Content["body"]!.AsArray().Select(n => n!.DeepClone()));
        }
        turn.Caller = caller;
        return Reply.Card(Card(body));
    }
}
