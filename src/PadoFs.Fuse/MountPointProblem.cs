namespace PadoFs.Fuse;

/// <summary>Why a folder cannot take a mount.</summary>
public enum MountPointProblem
{
    Missing,
    NotADirectory,
    NotEmpty,
    AlreadyMounted,
}
