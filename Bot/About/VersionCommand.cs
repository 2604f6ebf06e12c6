using System.Reflection;
using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Teams;

namespace CareCompanion.Bot.About;

/// <summary>
/// "versjon" / "version": which build of the app answered, and which instance, for whoever helps a user with a
/// problem ("what does it say when you type versjon?").
/// </summary>
public sealed class VersionCommand(InstanceIdentity instance)
{
    public static readonly string Version =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public Task<Reply> ShowAsync(Turn turn, CancellationToken ct) => Task.FromResult(Reply.Text(turn.T.Format("version.text", Version, instance.Id)));
}
