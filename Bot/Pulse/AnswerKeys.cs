using System.Security.Cryptography;
using System.Text;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// The key a person's answer is stored under while a round is open: an HMAC-SHA256 of tenant, team, round and person with
/// a secret the app holds (<c>Pulse:AnswerKeySecret</c>, from Key Vault in Azure) and the tables do not. Someone who can
/// read the storage account cannot compute it. When the round closes the answers are moved to random keys
/// (<see cref="PulseRepository.UnlinkAnswersAsync"/>), after which nobody, the app included, can tell whose answer is whose.
/// </summary>
public sealed class AnswerKeys
{
    public const string SecretSetting = "Pulse:AnswerKeySecret";

    /// <summary>For the local stack and tests only: outside them the secret must be configured (the bot will not start).</summary>
    private const string LocalOnlySecret = "carecompanion-local-development-only";

    private readonly byte[] _secret;

    public AnswerKeys(IConfiguration configuration, IHostEnvironment environment, ILogger<AnswerKeys> logger)
    {
        var secret = configuration[SecretSetting];
        if (string.IsNullOrWhiteSpace(secret))
        {
            if (!environment.IsDevelopment() && !configuration.GetValue<bool>("Bot:AllowUnauthenticated"))
            {
                throw new InvalidOperationException($"{SecretSetting} is not configured: pulse answers would be keyed with a secret anyone can read in this code.");
            }
            logger.LogWarning("{Setting} is not configured: using the local development secret. Never run like this in a real tenant.", SecretSetting);
            secret = LocalOnlySecret;
        }
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>Any text hashed with the same secret: for ids that must not be computable from what a card shows.</summary>
    public string Keyed(string text) => Convert.ToHexString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));

    /// <summary>The person's key in the round: the same within the round (answering again replaces), unrelated across rounds.</summary>
    public string For(PulseRound round, string person) => round.Salt is { Length: > 0 } salt
        // Rounds opened before keyed hashes: their open answers keep their keys until the round closes and is unlinked.
        ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}:{round.RoundId}:{person}")))
        : Convert.ToHexString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{round.TenantId}|{round.TeamId}|{round.RoundId}|{person}")));
}
