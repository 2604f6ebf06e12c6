using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.People;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Teams;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// The week's question in each member's personal chat (a phone alerts for a chat, not for a channel post), and the one
/// reminder before the round closes. The same one-tap card as in the channel: the answer is keyed by round and person,
/// so whichever card a person taps, they have one answer. Members come from Teams' roster; whoever paused gets nothing.
/// The reminder goes to everyone who wants reminders: no record of who answered is kept or read to pick them.
/// </summary>
public sealed class PulsePersonalPrompts(TeamRosters rosters, PersonalChats chats, PersonSettingsRepository people)
{
    public async Task<IReadOnlyList<PlannedMessage>> PlanAsync(Team team, PulseRound round, Question question, bool reminder, CancellationToken ct)
    {
        var channel = TeamChannel.Of(team);
        var choices = await people.ListPulsePromptsAsync(team.TenantId, ct);
        // A roster Teams did not give whole sends nobody a personal card this time; the channel still has the question.
        var members = (await rosters.MembersAsync(team, ct) ?? [])
            .Where(m => choices.GetValueOrDefault(m.AadObjectId) switch
            {
                PulsePrompts.Paused => false,
                PulsePrompts.NoReminders => !reminder,
                _ => true,
            });
        return await chats.TellAsync(channel, members, (_, t) =>
        {
            var view = new PulseRoundView(round.RoundId, team.TeamId, TeamCalendar.Describe(team.TimeZone, round.ClosesAt, t.Language));
            return PulseCards.Question(question, t.Language, view, reminder ? t["pulse.reminder"] : null, personal: true);
        }, ct);
    }
}
