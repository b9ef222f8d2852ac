package vn.childguard.matching;

import java.util.List;

/**
 * An identity folded once into the forms the index and the scorer compare: tokens, regional keys,
 * their deletion neighbourhoods, packed date, normalised documents and their neighbourhoods.
 * Package-private; built per query and per entry at index time.
 */
final class Prepared {

    static final long TOKEN_SEED = 0x70CE11L;
    static final long DOC_SEED = 0xD0C5L;
    /** Names longer than this are truncated: the alignment is quadratic and no real name needs more. */
    static final int MAX_TOKENS = 8;

    final String id;
    final String[] tokens;
    final String[] canonical;
    final long[][] tokenNeighbourhoods;
    final int date;
    final Sex sex;
    final String[] documents;
    final long[][] documentNeighbourhoods;
    final String nationality;

    Prepared(String id, String[] tokens, int date, Sex sex, String[] documents, String nationality) {
        this.id = id;
        this.tokens = tokens;
        this.canonical = new String[tokens.length];
        this.tokenNeighbourhoods = new long[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            canonical[i] = NameNormalizer.regionalKey(tokens[i]);
            tokenNeighbourhoods[i] = NameNormalizer.deletionNeighbourhood(TOKEN_SEED, canonical[i]);
        }
        this.date = date;
        this.sex = sex;
        this.documents = documents;
        this.documentNeighbourhoods = new long[documents.length][];
        for (int i = 0; i < documents.length; i++) {
            documentNeighbourhoods[i] = NameNormalizer.deletionNeighbourhood(DOC_SEED, documents[i]);
        }
        this.nationality = nationality;
    }

    static Prepared of(Identity identity) {
        List<String> toks = NameNormalizer.tokens(identity.fullName());
        if (toks.size() > MAX_TOKENS) {
            toks = toks.subList(0, MAX_TOKENS);
        }
        String[] docs = identity.documents().stream()
                .map(NameNormalizer::normalizeDocument)
                .filter(d -> !d.isEmpty())
                .distinct()
                .toArray(String[]::new);
        return new Prepared(identity.id(), toks.toArray(String[]::new), identity.birthDate().packed(),
                identity.sex(), docs, identity.nationality());
    }
}
