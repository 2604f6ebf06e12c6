using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// Which question a team's new round asks: every <see cref="PulseSettings.AnchorEvery"/>th round an anchor question (they
/// take turns, each with the same words every time, whatever themes the team chose), the other rounds the next in the
/// team's rotation. Returns the settings to store with it.
/// </summary>
public static class PulseRotation
{
    public static (Question Question, PulseSettings Settings) Next(PulseSettings settings)
    {
        if (settings.RoundsSinceAnchor + 1 >= settings.AnchorEvery && QuestionLibrary.Anchors.Count > 0)
        {
            var anchor = QuestionLibrary.NextAnchor(settings.LastAnchor);
            return (anchor, settings with { RoundsSinceAnchor = 0, LastAnchor = anchor.Id });
        }
        var next = PulseQuestions.Next(settings);
        // A new rotation starts once every question in the team's themes has been asked.
        var asked = settings.Asked.Contains(next.Id) ? [next.Id] : settings.Asked.Append(next.Id).ToList();
        return (next, settings with { Asked = asked, RoundsSinceAnchor = settings.RoundsSinceAnchor + 1 });
    }
}
