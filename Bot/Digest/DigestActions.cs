using System.Globalization;
using CareCompanion.Bot.Goals;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Digest;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Digest;
using CareCompanion.Storage.Goals;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Roles;
using CareCompanion.Storage.Scheduling;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Digest;

/// <summary>
/// What a leader does in the digest: answer an idea (the same server-side checks as everywhere; the digest comes back
/// updated in place), and turn the weekly digest off or on.
/// </summary>
public sealed class DigestActions(IdeaDecisions decisions, DigestBuilder builder, DigestRepository digests, GoalRepository goals, RoleRepository roles,
    PulseRepository pulse, JobRepository jobs, TimeProvider clock)
{
    public async Task<AdaptiveCardInvokeResponse> DecideAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var data = CardData.Of(invoke);
        var (decided, refusal) = await decisions.DecideAsync(activity, data, ct);
        if (decided is null) return InvokeResponses.Message(refusal!);
        var now = clock.GetUtcNow();
        var since = DateTimeOffset.TryParse(CardData.String(data, "since"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : now - DigestCommands.Period;
        var view = await builder.ForPersonAsync(decided.TenantId, activity.From.AadObjectId, since, now, ct);
        var weekly = !await digests.IsOffAsync(decided.TenantId, activity.From.AadObjectId, ct);
        return view is null
            ? InvokeResponses.Message(t["idea.decided"])
            : InvokeResponses.Card(DigestCard.Build(view, t.Language, t["idea.decided"], weekly));
    }

    /// <summary>"Ask the team how it is going": the goal's check-in card goes to the team's channel now (once a day at most).</summary>
    public async Task<AdaptiveCardInvokeResponse> AskTeamAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var data = CardData.Of(invoke);
        var tenantId = TeamsConversation.TenantId(activity);
        var person = activity.From?.AadObjectId;
        var teamId = CardData.String(data, "team");
        var goalId = CardData.String(data, "goal");
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(person) || string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(goalId))
        {
            return InvokeResponses.Message(t["error.notAllowed"]);
        }
        if (!(await roles.GetAsync(tenantId, teamId, person, ct)).Overlaps(Role.LeadersAndCoaches)) return InvokeResponses.Message(t["goal.rolesOnly"]);
        var goal = await goals.GetAsync(tenantId, teamId, goalId, ct);
        var team = await pulse.GetSettingsAsync(tenantId, teamId, ct);
        if (goal is null || goal.Closed || team is null) return InvokeResponses.Message(t["goal.error.notFound"]);
        var now = clock.GetUtcNow();
        await jobs.ScheduleAsync(GoalJobs.Ask(goal, team.TimeZone, PulseCalendar.DateAt(now, team.TimeZone), now), ct);
        return InvokeResponses.Message(t["digest.asked"]);
    }

    public async Task<AdaptiveCardInvokeResponse> SetCadenceAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken ct)
    {
        var activity = turnContext.Activity;
        var t = Texts.ForLocale(activity.Locale);
        var cadence = CardData.String(CardData.Of(invoke), "cadence");
        if (TeamsConversation.Person(activity) is not var (tenantId, person) || cadence is not ("off" or "weekly"))
        {
            return InvokeResponses.Message(t["error.notAllowed"]);
        }
        await digests.SetOffAsync(tenantId, person, cadence == "off", ct);
        return InvokeResponses.Message(t[cadence == "off" ? "digest.off" : "digest.on"]);
    }
}
