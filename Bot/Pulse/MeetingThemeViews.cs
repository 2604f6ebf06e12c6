using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>A stored reflection meeting as its theme card.</summary>
public sealed class MeetingThemeViews(PulseRepository pulse)
{
    public async Task<Reply> CardAsync(Meeting meeting, Texts t, string? notice, CancellationToken ct)
    {
        var settings = await pulse.GetSettingsAsync(meeting.TenantId, meeting.TeamId, ct);
        var question = settings is null ? null : PulseQuestions.Find(settings, meeting.QuestionId);
        return Reply.Card(MeetingThemeCard.Build(question, t.Language, Of(meeting), notice));
    }

    public static MeetingView Of(Meeting meeting) =>
        new(meeting.TeamId, meeting.MeetingId, meeting.Summary, [.. meeting.Actions.Select(a => new MeetingActionView(a.No, a.Text, a.CarriedFromNo is not null, StateOf(a)))]);

    private static MeetingActionState StateOf(MeetingAction action) =>
        action.IdeaId is not null ? MeetingActionState.Idea
        : action.GoalId is not null ? MeetingActionState.Goal
        : action.Done ? MeetingActionState.Done
        : action.MovedTo is not null ? MeetingActionState.Moved
        : MeetingActionState.Open;
}
