namespace CareCompanion.Storage;

/// <summary>
/// Read, change, store guarded by the ETag of the read; when someone else stored in between, read again and apply the
/// change to what they stored. The one loop behind the repositories' ChangeAsync.
/// </summary>
public static class OptimisticChange
{
    private const int MaxAttempts = 30;

    /// <param name="read">The record as stored now, or null when there is none (then nothing is changed).</param>
    /// <param name="change">The new record from the current one; null leaves it as it is.</param>
    /// <param name="tryStore">Stores the new record if the current one is still what is stored; false when it is not.</param>
    /// <returns>The record as stored after the change, or null when there was none.</returns>
    public static async Task<T?> RunAsync<T>(Func<Task<T?>> read, Func<T, T?> change, Func<T, T, Task<bool>> tryStore, string what)
        where T : class
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await read() is not { } current) return null;
            if (change(current) is not { } changed) return current;
            if (await tryStore(current, changed)) return changed;
            // Many people tapping the same card at once (a team supporting an idea after a meeting): a random pause
            // spreads the next tries out instead of having them collide again.
            await Task.Delay(Random.Shared.Next(5, 20) * Math.Min(attempt + 1, 8));
        }
        throw new InvalidOperationException($"{what} kept changing under us.");
    }
}
