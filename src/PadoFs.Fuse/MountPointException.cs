namespace PadoFs.Fuse;

/// <summary>The mount point cannot take the mount: it is missing, not a folder, not empty, or mounted already.</summary>
public sealed class MountPointException : IOException
{
    public MountPointException(string mountPoint, MountPointProblem problem)
        : base(Describe(mountPoint, problem))
    {
        MountPoint = mountPoint;
        Problem = problem;
    }

    public string MountPoint { get; }

    public MountPointProblem Problem { get; }

    private static string Describe(string mountPoint, MountPointProblem problem) => problem switch
    {
        MountPointProblem.Missing => $"The mount point {mountPoint} does not exist: create the folder first.",
        MountPointProblem.NotADirectory => $"The mount point {mountPoint} is not a folder.",
        MountPointProblem.NotEmpty => $"The mount point {mountPoint} is not empty: mount on an empty folder.",
        MountPointProblem.AlreadyMounted => $"Something is mounted at {mountPoint} already: unmount it first.",
        _ => $"The mount point {mountPoint} cannot be used.",
    };
}
