namespace PadoFs.Images.Sources;

/// <summary>One block of one version of a remote object: the version's fingerprint and the block's index.</summary>
public readonly record struct BlockKey(long Source, long Index);
