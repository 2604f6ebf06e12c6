using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Privacy;

/// <summary>What is stored about the person ("mine data"), and the confirmation before deleting it.</summary>
public static class PrivacyCards
{
    public const string DeleteVerb = "privacy.delete";

    /// <summary>The export: a readable summary and the same as JSON, which the person can copy.</summary>
    public static JsonObject Export(Language language, IReadOnlyList<string> roles, IReadOnlyList<string> chats, string json)
    {
        var t = Texts.For(language);
        var data = Text(PlainText(json));
        data["fontType"] = "Monospace";
        data["size"] = "Small";
        return Card(
        [
            Heading(t["privacy.title"]),
            LabelledText(t["privacy.roles"], roles.Count == 0 ? t["privacy.none"] : PlainText(string.Join(", ", roles))),
            LabelledText(t["privacy.chats"], chats.Count == 0 ? t["privacy.none"] : PlainText(string.Join(", ", chats))),
            Text(t["privacy.anonymous"]),
            data,
            Text(t["privacy.howToDelete"], subtle: true),
        ]);
    }

    /// <summary>What "slett mine data" did: the role rows (one per team), the chats it forgot, the ideas it took the person out of.</summary>
    public static string Deleted(Language language, int roleTeams, int chats, int ideas)
    {
        var t = Texts.For(language);
        return t.Format("privacy.deleted",
            t.Format("privacy.deleted.roles", roleTeams), t.Format("privacy.deleted.chats", chats), t.Format("privacy.deleted.ideas", ideas));
    }

    public static JsonObject ConfirmDelete(Language language)
    {
        var t = Texts.For(language);
        var confirm = new JsonObject { ["type"] = "Action.Execute", ["title"] = t["privacy.confirm"], ["verb"] = DeleteVerb, ["style"] = "destructive" };
        return Card([Heading(t["privacy.confirmTitle"]), Text(t["privacy.confirmText"])], [confirm]);
    }
}
