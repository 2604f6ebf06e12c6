using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Privacy;

/// <summary>What is stored about the person ("mine data"), and the confirmation before deleting it.</summary>
public static class PrivacyCards
{
    /// <summary>The export: a readable summary and the same as JSON, which the person can copy.</summary>
    public static JsonObject Export(Language language, IReadOnlyList<string> roles, IReadOnlyList<string> chats, string json)
    {
        var t = Texts.For(language);
        var run = Run(json, size: "Small");
        run["fontType"] = "Monospace";
        return Card(
        [
            Heading(t["privacy.title"]),
            LabelledWritten(t["privacy.roles"], roles.Count == 0 ? t["privacy.none"] : string.Join(", ", roles)),
            LabelledWritten(t["privacy.chats"], chats.Count == 0 ? t["privacy.none"] : string.Join(", ", chats)),
            Text(t["privacy.anonymous"]),
            Line(run),
            Text(t["privacy.howToDelete"], subtle: true),
        ]);
    }

    public static JsonObject ConfirmDelete(Language language, string person)
    {
        var t = Texts.For(language);
        return Card([Heading(t["privacy.confirmTitle"]), Text(t["privacy.confirmText"])], [Execute(t["privacy.confirm"], PrivacyVerbs.Delete, new PrivacyDeletePayload(person), style: "destructive")]);
    }
}
