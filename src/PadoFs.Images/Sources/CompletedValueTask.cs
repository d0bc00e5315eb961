namespace PadoFs.Images.Sources;

/// <summary>
/// The result of a value task started in blocking mode (<c>sync: true</c>), which has completed by the time it is
/// returned; waiting on its task form covers the case where it has not.
/// </summary>
internal static class CompletedValueTask
{
    public static T ResultOf<T>(ValueTask<T> task) => task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
