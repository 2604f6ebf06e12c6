using CareCompanion.Bot.Roles;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// How a feature declares its routes, in its own <c>Add…</c> registration: one line per command, button, dialog or
/// event, naming who may use it and the handler method. The handler class is registered once, as a singleton.
/// </summary>
public static class Routes
{
    /// <param name="answerPrivately">The answer is the person's own: asked for in a channel, it goes to their personal chat.</param>
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services, string words, Access access,
        Func<THandler, Turn, CancellationToken, Task<Reply>> run, bool answerPrivately = false) where THandler : class =>
        services.AddRoute(RouteKind.Command, words, access, run, answerPrivately);

    public static IServiceCollection AddAction<THandler>(this IServiceCollection services, string verb, Access access,
        Func<THandler, Turn, CancellationToken, Task<Reply>> run) where THandler : class =>
        services.AddRoute(RouteKind.Action, verb, access, run);

    public static IServiceCollection AddRoute<THandler>(this IServiceCollection services, RouteKind kind, string key, Access access,
        Func<THandler, Turn, CancellationToken, Task<Reply>> run, bool answerPrivately = false) where THandler : class
    {
        services.TryAddSingleton<THandler>();
        return services.AddSingleton(new BotRoute(kind, key, access, typeof(THandler),
            (provider, turn, ct) => run(provider.GetRequiredService<THandler>(), turn, ct), answerPrivately));
    }
}
