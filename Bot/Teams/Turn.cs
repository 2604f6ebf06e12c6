using System.Text.Json.Nodes;
using CareCompanion.Bot.Roles;
using CareCompanion.Cards.Json;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace CareCompanion.Bot.Teams;

/// <summary>Someone in a team's roster, as Teams lists them.</summary>
public sealed record TeamMember(string UserId, string? AadObjectId, string Name);

/// <summary>
/// One activity as a route sees it, built once by the <see cref="Dispatcher"/>: the tenant and person Teams signed, the
/// channel's team if any, the texts in the person's language, the card's data, and (after <see cref="RoleGate"/>) the
/// caller's team and roles. Features read Teams through this and never see the Bot Framework.
/// </summary>
public sealed class Turn
{
    private readonly ITurnContext _context;
    private readonly ILogger _logger;

    internal Turn(ITurnContext context, JsonObject data, ILogger logger, Texts texts)
    {
        _context = context;
        _logger = logger;
        Data = data;
        var activity = context.Activity;
        var team = activity.GetChannelData<TeamsChannelData>()?.Team;
        TenantId = TeamsConversation.TenantId(activity);
        PersonId = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : null;
        UserId = activity.From?.Id;
        UserName = activity.From?.Name;
        ActivityId = activity.Id is { Length: > 0 } id ? id : Guid.NewGuid().ToString("N");
        Locale = activity.Locale;
        T = texts;
        ChannelTeamId = team?.Id is { Length: > 0 } teamId ? teamId : null;
        ChannelTeamName = team?.Name;
        ChannelTeamGroupId = team?.AadGroupId;
        InSharedChannel = activity.ChannelData is Newtonsoft.Json.Linq.JObject channelData
            && channelData.SelectToken("channel.membershipType")?.ToString() == "shared";
        Conversation = TeamsConversation.ToStored(activity);
    }

    public string? TenantId { get; }

    /// <summary>The person's Entra object id, as Teams signed it.</summary>
    public string? PersonId { get; }

    /// <summary>The person's Teams user id (what the connector and rosters use).</summary>
    public string? UserId { get; }

    public string? UserName { get; }

    /// <summary>The activity's id: Teams redelivers an activity with the same id, so changes apply once per id.</summary>
    public string ActivityId { get; }

    public string? Locale { get; }

    /// <summary>The texts in the person's language: the one they chose ("språk nynorsk"), else their Teams client's.</summary>
    public Texts T { get; }

    public Language Language => T.Language;

    /// <summary>The team whose channel this is; null in personal and group chats.</summary>
    public string? ChannelTeamId { get; }

    public string? ChannelTeamName { get; }

    public string? ChannelTeamGroupId { get; }

    /// <summary>
    /// A shared channel: Teams names its host team, but people from outside that team (other teams, other organisations)
    /// can write in it, so being there says nothing about membership.
    /// </summary>
    public bool InSharedChannel { get; }

    /// <summary>The conversation of this activity, as stored to reach it later.</summary>
    public StoredConversation? Conversation { get; }

    /// <summary>The card's data with its inputs, a dialog's form, or a messaging extension's parameters.</summary>
    public JsonObject Data { get; }

    /// <summary>The team a card names (its <c>team</c> key): to be checked, never trusted.</summary>
    public string? CardTeam => Data.TryGetPropertyValue("team", out var team) && team is JsonValue value && value.TryGetValue<string>(out var id)
        && id.Length > 0 ? id : null;

    /// <summary>The caller in the route's team, set by <see cref="RoleGate"/> for team routes.</summary>
    public Caller? Caller { get; internal set; }

    /// <summary>The card's data as the verb's payload record, or null when it does not fit (a forged or broken card).</summary>
    public T? Payload<T>() where T : class => CardPayload.Read<T>(Data);

    /// <summary>
    /// Whether the person is in the team: in a channel, only if it is that team's channel (Teams vouches for membership
    /// there, except in a shared channel, where the roster must list them too); elsewhere, if the roster lists them.
    /// </summary>
    public async Task<bool> IsInTeamAsync(string teamId, CancellationToken ct) => ChannelTeamId is { } channelTeam
        ? channelTeam == teamId && (!InSharedChannel || await IsMemberAsync(teamId, ct))
        : await IsMemberAsync(teamId, ct);

    /// <summary>Whether Teams' roster of the team lists the person.</summary>
    public async Task<bool> IsMemberAsync(string teamId, CancellationToken ct) =>
        UserId is { Length: > 0 } userId && await MemberAsync(teamId, userId, ct) is not null;

    /// <summary>
    /// Someone in the team's roster by Teams user id, or null when Teams does not list them there. When Teams fails to
    /// answer (5xx, 429, a timeout) that is no "not a member": the error goes on, and the turn answers "try again".
    /// </summary>
    public async Task<TeamMember?> MemberAsync(string teamId, string userId, CancellationToken ct)
    {
        try
        {
            using var wait = RosterWait(ct);
            return Member(await TeamsInfo.GetTeamMemberAsync(_context, userId, teamId, wait.Token));
        }
        catch (ErrorResponseException e) when (!TransientFault.FailedForNow((int?)e.Response?.StatusCode ?? 0))
        {
            _logger.LogInformation("{User} is not a member of team {Team} ({Status}).", userId, teamId, e.Response?.StatusCode);
            return null;
        }
    }

    /// <summary>The first <paramref name="max"/> people of the team's roster; empty when Teams refuses (a fault goes on, as above).</summary>
    public async Task<IReadOnlyList<TeamMember>> RosterAsync(string teamId, int max, CancellationToken ct)
    {
        try
        {
            using var wait = RosterWait(ct);
            return [.. (await TeamsInfo.GetPagedTeamMembersAsync(_context, teamId, null, max, wait.Token)).Members.Select(Member)];
        }
        catch (ErrorResponseException e) when (!TransientFault.FailedForNow((int?)e.Response?.StatusCode ?? 0))
        {
            _logger.LogWarning("Could not read the roster of team {Team}: {Status}.", teamId, e.Response?.StatusCode);
            return [];
        }
    }

    /// <summary>
    /// How long a roster read may take, its retries included (the connector client retries a 5xx until told to stop):
    /// Teams answers in well under a second, and one that has not in 4 s leaves the turn time to say "try again".
    /// </summary>
    private static CancellationTokenSource RosterWait(CancellationToken ct)
    {
        var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(4));
        return wait;
    }

    private static TeamMember Member(TeamsChannelAccount account) => new(account.Id, account.AadObjectId, account.Name ?? account.Id);
}
