namespace CareCompanion.Storage;

/// <summary>
/// Read, change, store guarded by the ETag of the read; when someone else stored in between, read again and apply the
/// change to what they stored. The one loop behind the repositories' ChangeAsync.
/// </summary>
public static class OptimisticChange
{
    /// <param name="read">The record as stored now, or null when there is none (then nothing is changed).</param>
    /// <param name="change">The new record from the current one; null leaves it as it is.</param>
    /// <param name="tryStore">Stores the new record if the current one is still what is stored; false when it is not.</param>
    /// <returns>The record as stored after the change, or null when there was none.</returns>
    public static async Task<T?> RunAsync<T>(Func<Task<T?>> read, Func<T, T?> change, Func<T, T, Task<bool>> tryStore, string what)
        where T : class
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            if (await read() is not { } current) return null;
            if (change(current) is not { } changed) return current;
            if (await tryStore(current, changed)) return changed;
        }
        throw new InvalidOperationException($"{what} kept changing under us.");
    }
}
