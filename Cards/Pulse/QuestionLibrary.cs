using System.Collections.Frozen;
using System.Text.Json;

namespace CareCompanion.Cards.Pulse;

/// <summary>
/// The built-in question library, grounded in the research behind the product (see shared/questions.md for the
/// sources of each question). Rotation order is the file's order, filtered by a team's themes.
/// </summary>
public static class QuestionLibrary
{
    private static readonly Lazy<IReadOnlyList<Question>> Questions = new(Load);
    private static readonly Lazy<IReadOnlyList<Question>> Asked = new(() => [.. Questions.Value.Where(q => !q.Retired)]);
    private static readonly Lazy<FrozenDictionary<string, Question>> ById = new(() => Questions.Value.ToFrozenDictionary(q => q.Id));

    /// <summary>The questions teams are asked, in rotation order.</summary>
    public static IReadOnlyList<Question> All => Asked.Value;

    /// <summary>The anchor questions, in the order they take turns.</summary>
    public static IReadOnlyList<Question> Anchors => [.. Asked.Value.Where(q => q.Anchor)];

    /// <summary>The questions for leaders about their own support (see <see cref="Question.Leaders"/>).</summary>
    public static IReadOnlyList<Question> ForLeaders => [.. Asked.Value.Where(q => q.Leaders)];

    /// <summary>The anchor after <paramref name="last"/> (the first when there was none).</summary>
    public static Question NextAnchor(string? last)
    {
        var anchors = Anchors;
        var index = anchors.ToList().FindIndex(q => q.Id == last);
        return anchors[(index + 1) % anchors.Count];
    }

    /// <summary>Every question in the file, retired ones included.</summary>
    public static IReadOnlyList<Question> IncludingRetired => Questions.Value;

    /// <summary>A question by id, retired ones included: a stored round keeps finding the question it asked.</summary>
    public static Question? Find(string id) => ById.Value.GetValueOrDefault(id);

    /// <summary>
    /// The next question for a team: its own questions first, then the library's in order, within its themes, not yet
    /// asked; when all have been asked, the rotation starts over. Anchors are not in the rotation (they have their own weeks), nor the questions for leaders.
    /// </summary>
    public static Question Next(IReadOnlyList<Question> teamQuestions, IReadOnlyCollection<string> themes, IReadOnlyCollection<string> alreadyAsked)
    {
        var rotating = All.Where(q => !q.Anchor && !q.Leaders).ToList();
        var candidates = teamQuestions.Concat(rotating.Where(q => themes.Count == 0 || themes.Contains(q.Theme))).ToList();
        if (candidates.Count == 0) candidates = rotating;
        return candidates.FirstOrDefault(q => !alreadyAsked.Contains(q.Id)) ?? candidates[0];
    }

    private static IReadOnlyList<Question> Load()
    {
        using var stream = typeof(QuestionLibrary).Assembly.GetManifestResourceStream("CareCompanion.Cards.Pulse.questions.json")
            ?? throw new InvalidOperationException("Embedded question library is missing.");
        return JsonSerializer.Deserialize<List<Question>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("Question library is empty.");
    }
}
