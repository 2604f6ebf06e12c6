namespace CareCompanion.Bot.Teams;

/// <summary>
/// What a person types into a route's card or dialog: its text inputs with the text keys of their labels. When storage
/// fails, <see cref="FaultReplies"/> gives these words back in a card to send again, so nobody writes them twice.
/// Declared next to the route (<see cref="FormInputRoutes.AddFormInputs"/>); a form of choices only declares none, and
/// its choices travel back unseen.
/// </summary>
public sealed record FormInputs(RouteKind Kind, string Key, IReadOnlyList<FormField> Fields)
{
    /// <summary>The typed inputs among the card's data, in the card's order: (id, label key).</summary>
    public IEnumerable<(string Id, string LabelKey)> In(IEnumerable<string> dataKeys) =>
        Fields.SelectMany(field => field.IdIsPrefix
            ? dataKeys.Where(key => key.StartsWith(field.Id, StringComparison.Ordinal)).Select(key => (key, field.LabelKey))
            : [(field.Id, field.LabelKey)]);

    public bool Typed(string dataKey) => Fields.Any(f => f.IdIsPrefix ? dataKey.StartsWith(f.Id, StringComparison.Ordinal) : dataKey == f.Id);
}

/// <summary>A text input; <see cref="IdIsPrefix"/> for inputs named after what they are about ("reason-" + the idea's id).</summary>
public sealed record FormField(string Id, string LabelKey, bool IdIsPrefix = false);

public static class FormInputRoutes
{
    public static IServiceCollection AddFormInputs(this IServiceCollection services, RouteKind kind, string key, params FormField[] fields) =>
        services.AddSingleton(new FormInputs(kind, key, fields));
}
