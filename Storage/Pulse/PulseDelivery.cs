namespace CareCompanion.Storage.Pulse;

/// <summary>Where a team's weekly question goes: the team's channel, each member's personal chat, or both.</summary>
public static class PulseDelivery
{
    public const string Channel = "channel";
    public const string Personal = "personal";
    public const string Both = "both";

    public static readonly IReadOnlyList<string> All = [Both, Personal, Channel];

    public static bool ToChannel(string delivery) => delivery != Personal;

    /// <summary>Each member's personal chat: a phone alerts for a chat, not for a channel post the person does not follow.</summary>
    public static bool ToPeople(string delivery) => delivery != Channel;
}
