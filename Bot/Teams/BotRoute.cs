using CareCompanion.Bot.Roles;

namespace CareCompanion.Bot.Teams;

/// <summary>What Teams sent, as the route table knows it.</summary>
public enum RouteKind
{
    /// <summary>A typed command; the key names its words in Cards/Texts (<c>words.{key}</c>).</summary>
    Command,
    /// <summary>A card button (Action.Execute, or Action.Submit outside a dialog); the key is the verb.</summary>
    Action,
    /// <summary>A dialog opened by a card button (task/fetch); the key is the verb in the button's data.</summary>
    DialogOpen,
    /// <summary>A dialog's form sent (task/submit); the key is the verb in the form's data.</summary>
    DialogSubmit,
    /// <summary>A messaging-extension action command opening its dialog; the key is the manifest's command id.</summary>
    ExtensionOpen,
    /// <summary>A messaging-extension action command's dialog sent; the key is the command id.</summary>
    ExtensionSubmit,
    /// <summary>A messaging-extension search; the key is the command id.</summary>
    ExtensionQuery,
    /// <summary>The app added to a team or chat, or removed; the key is <see cref="Events"/>' name.</summary>
    Event,
}

/// <summary>The events routed as <see cref="RouteKind.Event"/>.</summary>
public static class Events
{
    public const string Installed = "installed";
    public const string Removed = "removed";
    /// <summary>People left the team (or were removed from it).</summary>
    public const string MembersRemoved = "membersRemoved";
    /// <summary>A channel of the team was deleted (its id in the data's "channel").</summary>
    public const string ChannelDeleted = "channelDeleted";
}

/// <summary>
/// One entry of the route table: what it answers, who may use it (checked by <see cref="RoleGate"/> before the
/// handler runs), and the handler, resolved from the services when the route is used.
/// </summary>
/// <param name="Private">The answer is the person's own business: asked for in a channel or group chat, it goes to their personal chat.</param>
public sealed record BotRoute(RouteKind Kind, string Key, Access Access, Type Handler, Func<IServiceProvider, Turn, CancellationToken, Task<Reply>> Run,
    bool Private = false);
