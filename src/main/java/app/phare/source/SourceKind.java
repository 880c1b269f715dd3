package app.phare.source;

/** What a source's files contain. Later kinds (deals, ad spend, stock) join this list. */
public enum SourceKind {
    orders
}
