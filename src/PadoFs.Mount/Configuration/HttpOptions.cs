namespace PadoFs.Mount.Configuration;

/// <summary>The <c>http</c> section of a mount config, as bound (see <see cref="HttpServing"/> for the checked form).</summary>
public sealed class HttpOptions
{
    /// <summary>Where to listen: <c>http://ADDRESS:PORT</c>; 127.0.0.1:8080 when the section gives none.</summary>
    public string? Listen { get; set; }

    /// <summary>Browser origins allowed to read across origins (CORS), comma-separated as one value; <c>*</c> for any.</summary>
    public string? Origins { get; set; }

    /// <summary>A secret every request must carry (<c>Authorization: Bearer TOKEN</c>, or as the password of Basic).</summary>
    public string? Token { get; set; }
}
