using CareCompanion.Bot.Scheduling;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Ideas;

/// <summary>
/// The ideas' scheduled work: post a new idea in the team's channel, tell everyone about a decision, bring a parked
/// idea back to the leaders after 30 days, ask the team 60 days after implementation whether it worked.
/// The job ids make each happen once per idea (and per decision).
/// </summary>
public static class IdeaJobs
{
    public sealed record Payload(string TeamId, string IdeaId, int Decision = 0);

    public static readonly JobKind<Payload> PostKind = new("idea.post");
    public static readonly JobKind<Payload> DecisionKind = new("idea.decision");
    public static readonly JobKind<Payload> RefreshKind = new("idea.refresh");
    public static readonly JobKind<Payload> ParkedKind = new("idea.parked");
    public static readonly JobKind<Payload> FollowUpKind = new("idea.followup");
    public static readonly TimeSpan ParkedAfter = TimeSpan.FromDays(30);
    public static readonly TimeSpan FollowUpAfter = TimeSpan.FromDays(60);

    public static ScheduledJob Post(Idea idea) => Job(PostKind, idea, idea.CreatedAt);

    /// <summary>The decision just recorded (the last in the history).</summary>
    public static ScheduledJob Decision(Idea idea) => Job(DecisionKind, idea, idea.StatusChangedAt, idea.History.Count);

    /// <summary>Updates the idea's card in the channel after the decision (a job of its own: one message per job and conversation).</summary>
    public static ScheduledJob Refresh(Idea idea) => Job(RefreshKind, idea, idea.StatusChangedAt, idea.History.Count);

    public static ScheduledJob Parked(Idea idea) => Job(ParkedKind, idea, idea.StatusChangedAt + ParkedAfter, idea.History.Count);

    public static ScheduledJob FollowUp(Idea idea) => Job(FollowUpKind, idea, idea.StatusChangedAt + FollowUpAfter, idea.History.Count);

    /// <summary>The job id of the idea's post in the channel: its delivery record holds the activity to update.</summary>
    public static string PostJobId(string tenantId, string teamId, string ideaId) => PostKind.Id(tenantId, teamId, ideaId, 0);

    private static ScheduledJob Job(JobKind<Payload> kind, Idea idea, DateTimeOffset dueAt, int decision = 0) =>
        kind.Create(idea.TenantId, dueAt, new Payload(idea.TeamId, idea.IdeaId, decision), idea.TeamId, idea.IdeaId, decision);
}
