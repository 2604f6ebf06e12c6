using System.Text.Json.Serialization;
using CareCompanion.Cards.Localization;

namespace CareCompanion.Cards.Pulse;

public static class QuestionType
{
    public const string Scale = "scale";
    public const string ScaleWithComment = "scale+comment";
    public const string Text = "text";
}

public static class QuestionTheme
{
    public const string Reflection = "reflection";
    public const string Learning = "learning";
    public const string Wellbeing = "wellbeing";
    public const string Collaboration = "collaboration";
    public const string Ethics = "ethics";
    public const string Innovation = "innovation";
    public const string Leadership = "leadership";

    public static readonly IReadOnlyList<string> All = [Reflection, Learning, Wellbeing, Collaboration, Ethics, Innovation, Leadership];
}

/// <summary>
/// The wording of a question in one language; scale questions name both ends of the 1–5 scale. Anchor questions have a
/// <see cref="Short"/> name for the chart's legend.
/// </summary>
public sealed record QuestionText(string Text, string? Low = null, string? High = null, string? Short = null);

/// <summary>A weekly pulse / reflection question from the library (Pulse/questions.json).</summary>
public sealed record Question
{
    public required string Id { get; init; }
    public required string Theme { get; init; }
    public required string Type { get; init; }
    /// <summary>The research the question comes from (S, F, L, K, IA: see shared/questions.md); none for a team's own question.</summary>
    public string? Source { get; init; }
    /// <summary>Where in the research notes (shared/research) the question's gap is named: file and section.</summary>
    public string? Seed { get; init; }
    /// <summary>
    /// No longer asked (its wording or scale changed, so it got a new id), but kept so the rounds that asked it still
    /// show what was asked, with the scale it was asked on.
    /// </summary>
    public bool Retired { get; init; }
    /// <summary>
    /// Asked with the same words every few weeks (the team's <c>AnchorEvery</c>) instead of in the rotation, so its rounds
    /// compare over time. An anchor keeps its id and wording for good: a change would be a new question.
    /// </summary>
    public bool Anchor { get; init; }
    /// <summary>For leaders about their own support: never asked to a team, only shown to leaders in their digest.</summary>
    public bool Leaders { get; init; }
    [JsonPropertyName("nb")] public required QuestionText Bokmal { get; init; }
    [JsonPropertyName("nn")] public required QuestionText Nynorsk { get; init; }
    [JsonPropertyName("en")] public required QuestionText English { get; init; }

    public bool HasScale => Type is QuestionType.Scale or QuestionType.ScaleWithComment;
    public bool TakesComment => Type is QuestionType.ScaleWithComment or QuestionType.Text;

    public QuestionText In(Language language) => language switch
    {
        Language.Nynorsk => Nynorsk,
        Language.English => English,
        _ => Bokmal,
    };
}
