using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "tema" / "theme" in a team channel: a leader or coach posts the week's open question as the theme of the team's
/// reflection meeting (the research's weekly hour where a theme is proposed and everyone speaks in turn). The card
/// starts with the actions left open at the meeting before, which move to this one.
/// </summary>
public sealed class MeetingThemeCommand(PulseRepository pulse, TeamRepository teams, PulseOpenRounds openRounds, MeetingRepository meetings,
    MeetingThemeViews views, TimeProvider clock)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        var settings = await pulse.GetSettingsAsync(caller.TenantId, caller.TeamId, ct);
        var team = await teams.GetAsync(caller.TenantId, caller.TeamId, ct);
        var round = settings is null || team is null ? null : await openRounds.OpenRoundAsync(settings, team, ct);
        if (round is null || PulseQuestions.Find(settings!, round.QuestionId) is not { } question) return Reply.Text(turn.T["meeting.noRound"]);

        var meetingId = StableIds.For(caller.TenantId, turn.ActivityId);
        var meeting = await meetings.GetAsync(caller.TenantId, caller.TeamId, meetingId, ct) ?? await OpenAsync(caller.TenantId, caller.TeamId, meetingId, question.Id, ct);
        await TakeOverAsync(meeting, ct);
        return await views.CardAsync(meeting, turn.T, notice: null, ct);
    }

    /// <summary>A new meeting, with the last meeting's open actions (a redelivered "tema" finds the one it made).</summary>
    private async Task<Meeting> OpenAsync(string tenantId, string teamId, string meetingId, string questionId, CancellationToken ct)
    {
        var previous = await meetings.LatestAsync(tenantId, teamId, ct);
        var open = previous?.Actions.Where(a => a.Open).Take(MeetingVerbs.MaxActions).ToList() ?? [];
        var meeting = new Meeting
        {
            TenantId = tenantId,
            TeamId = teamId,
            MeetingId = meetingId,
            QuestionId = questionId,
            PostedAt = clock.GetUtcNow(),
            CarriedFrom = open.Count > 0 ? previous!.MeetingId : null,
            Actions = [.. open.Select((a, i) => new MeetingAction(i + 1, a.Text) { CarriedFromNo = a.No })],
        };
        return await meetings.TryAddAsync(meeting, ct) ? meeting : await meetings.GetAsync(tenantId, teamId, meetingId, ct) ?? meeting;
    }

    /// <summary>
    /// The actions this meeting took over are marked as moved in the meeting they came from, so the old card cannot
    /// make a second idea or goal of them. Done again when "tema" is redelivered, in case the first attempt stopped here.
    /// </summary>
    private Task TakeOverAsync(Meeting meeting, CancellationToken ct)
    {
        if (meeting.CarriedFrom is not { } from) return Task.CompletedTask;
        var taken = meeting.Actions.Select(a => a.CarriedFromNo).OfType<int>().ToHashSet();
        bool Moving(MeetingAction a) => a.Open && taken.Contains(a.No);
        return meetings.ChangeAsync(meeting.TenantId, meeting.TeamId, from, previous => previous.Actions.Any(Moving)
            ? previous with { Actions = [.. previous.Actions.Select(a => Moving(a) ? a with { MovedTo = meeting.MeetingId } : a)] }
            : null, ct);
    }
}
