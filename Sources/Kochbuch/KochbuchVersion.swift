/// The version of the tool and of the recipe format it reads.
public enum KochbuchVersion {
    public static let current = "0.1.0"
    /// The namespace of format version 1.0.
    public static let formatNamespace = "urn:kochbuch:1.0"
}
