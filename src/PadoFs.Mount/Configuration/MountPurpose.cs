namespace PadoFs.Mount.Configuration;

/// <summary>What a config is loaded for.</summary>
public enum MountPurpose
{
    /// <summary><c>padofs mount</c>: a mount point is required; HTTP is served too where the config has an <c>http</c> section.</summary>
    Mount,

    /// <summary><c>padofs serve</c>: HTTP and WebDAV only; a mount point the config names is ignored.</summary>
    Serve,
}
