using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>The questions a team can be asked: its own, then the library's.</summary>
public static class PulseQuestions
{
    public static Question? Find(PulseSettings settings, string id) =>
        settings.TeamQuestions.FirstOrDefault(q => q.Id == id) is { } own ? ToQuestion(own) : QuestionLibrary.Find(id);

    /// <summary>The question of a round, from what the round stores.</summary>
    public static Question? Find(PulseRound round) => round.OwnQuestion is { } own ? ToQuestion(own) : QuestionLibrary.Find(round.QuestionId);

    public static Question Next(PulseSettings settings) =>
        QuestionLibrary.Next([.. settings.TeamQuestions.Select(ToQuestion)], settings.Themes, settings.Asked);

    /// <summary>A team's own question reads the same in every language; what its author wrote is shown as written.</summary>
    private static Question ToQuestion(TeamQuestion q)
    {
        var text = new QuestionText(q.Text, q.Low, q.High);
        return new Question { Id = q.Id, Theme = q.Theme, Type = q.Type, Bokmal = text, Nynorsk = text, English = text };
    }
}
