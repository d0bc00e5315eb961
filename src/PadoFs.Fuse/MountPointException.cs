using System.Buffers;

namespace PadoFs.Fuse;

/// <summary>The mount point cannot take the mount: it is missing, not a folder, not empty, or mounted already.</summary>
public sealed class MountPointException : IOException
{
    private static readonly SearchValues<char> s_plainPathCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:@%");

    public MountPointException(string mountPoint, MountPointProblem problem)
        : base(Describe(mountPoint, problem))
    {
        MountPoint = mountPoint;
        Problem = problem;
    }

    public string MountPoint { get; }

    public MountPointProblem Problem { get; }

    /// <summary>The command that frees the folder, ready to paste into a shell.</summary>
    private static string UnmountCommand(string mountPoint) => $"fusermount3 -u {ShellQuoted(mountPoint)}";

    private static string Describe(string mountPoint, MountPointProblem problem) => problem switch
    {
        MountPointProblem.Missing => $"The mount point {mountPoint} does not exist: create the folder first.",
        MountPointProblem.NotADirectory => $"The mount point {mountPoint} is not a folder.",
        MountPointProblem.NotEmpty => $"The mount point {mountPoint} is not empty: mount on an empty folder.",
        MountPointProblem.AlreadyMounted => $"Something is mounted at {mountPoint} already: unmount it first ({UnmountCommand(mountPoint)}).",
        _ => $"The mount point {mountPoint} cannot be used.",
    };

    // A path with spaces or quotes must stay one argument when pasted.
    private static string ShellQuoted(string path) =>
        path.AsSpan().IndexOfAnyExcept(s_plainPathCharacters) < 0 ? path : $"'{path.Replace("'", @"'\''", StringComparison.Ordinal)}'";
}
