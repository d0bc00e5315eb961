namespace PadoFs.IntegrationTests;

/// <summary>Mount tests run one after another: each starts a daemon, and two cores are all a machine may have.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MountCollection
{
    public const string Name = "mounts";
}
