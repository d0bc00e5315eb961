namespace PadoFs.Mount.Configuration;

/// <summary>The chunk cache's settings.</summary>
public sealed class CacheOptions
{
    /// <summary>The byte budget ("2GiB", "512MB", a number); empty for the default derived from the slides and the machine.</summary>
    public string? MaxBytes { get; set; }
}
