using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Pulse;

/// <summary>"nytt spørsmål" / "new question": a leader or coach writes a question for their own team.</summary>
public static class TeamQuestionCard
{
    public const int MaxText = 200;
    public const int MaxLabel = 40;

    public static JsonObject Build(string teamId, Language language, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["question.title"]) };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(TextInput("text", t["question.text"], MaxText, multiline: true));
        body.Add(ChoiceSet("type", t["question.type"], new[] { QuestionType.ScaleWithComment, QuestionType.Scale, QuestionType.Text }
            .Select(type => (t[$"question.type.{type}"], type)), QuestionType.ScaleWithComment));
        body.Add(TextInput("low", t["question.low"], MaxLabel, multiline: false));
        body.Add(TextInput("high", t["question.high"], MaxLabel, multiline: false));
        body.Add(ChoiceSet("theme", t["question.theme"], QuestionTheme.All.Select(th => (t[$"theme.{th}"], th)), QuestionTheme.Reflection));
        return Card(body, [Execute(t["question.add"], PulseVerbs.AddQuestion, new TeamQuestionPayload(teamId))]);
    }
}
