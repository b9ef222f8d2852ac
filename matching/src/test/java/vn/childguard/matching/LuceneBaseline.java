package vn.childguard.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Baseline (b): Lucene built the way a typical team would: ASCII folding analyzer, one fuzzy
 * query per name token (Elasticsearch's AUTO fuzziness: 0 edits up to 2 letters, 1 up to 5,
 * 2 beyond), birth date and document term boosts, top 50 hits rescored by this engine's scorer so
 * that the only difference measured is candidate generation.
 */
final class LuceneBaseline implements AutoCloseable {

    static final int TOP = 50;

    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int[] entryByDoc;
    private final MatchIndex rescorer;
    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }
    };

    LuceneBaseline(List<Identity> entries, MatchIndex rescorer) {
        this.rescorer = rescorer;
        try {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256))) {
                for (int e = 0; e < entries.size(); e++) {
                    Identity i = entries.get(e);
                    Document d = new Document();
                    // MRZ '<' is not a token separator for StandardTokenizer: replace it, as teams do.
                    d.add(new TextField("name", i.fullName().replace('<', ' '), Field.Store.NO));
                    if (i.birthDate().isKnown()) {
                        d.add(new StringField("dob", i.birthDate().toString(), Field.Store.NO));
                    }
                    for (String doc : i.documents()) {
                        d.add(new StringField("doc", NameNormalizer.normalizeDocument(doc), Field.Store.NO));
                    }
                    d.add(new NumericDocValuesField("entry", e));
                    w.addDocument(d);
                }
                w.forceMerge(1);
            }
            reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
            LeafReader leaf = reader.leaves().getFirst().reader();
            entryByDoc = new int[leaf.maxDoc()];
            NumericDocValues dv = leaf.getNumericDocValues("entry");
            for (int doc = dv.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = dv.nextDoc()) {
                entryByDoc[doc] = (int) dv.longValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Size of the index files (held on the heap by {@link ByteBuffersDirectory}). */
    long indexBytes() {
        try {
            long total = 0;
            for (String f : dir.listAll()) {
                total += dir.fileLength(f);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Match> match(Identity q, double threshold) {
        try {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            try (TokenStream ts = analyzer.tokenStream("name", q.fullName().replace('<', ' '))) {
                var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    String t = term.toString();
                    int edits = t.length() <= 2 ? 0 : t.length() <= 5 ? 1 : 2;
                    b.add(new FuzzyQuery(new Term("name", t), edits), BooleanClause.Occur.SHOULD);
                }
                ts.end();
            }
            if (q.birthDate().isKnown()) {
                b.add(new BoostQuery(new TermQuery(new Term("dob", q.birthDate().toString())), 3f), BooleanClause.Occur.SHOULD);
            }
            for (String doc : q.documents()) {
                b.add(new BoostQuery(new TermQuery(new Term("doc", NameNormalizer.normalizeDocument(doc))), 5f),
                        BooleanClause.Occur.SHOULD);
            }
            TopDocs top = searcher.search(b.build(), TOP);
            int[] entries = new int[top.scoreDocs.length];
            int n = 0;
            for (ScoreDoc sd : top.scoreDocs) {
                entries[n++] = entryByDoc[sd.doc];
            }
            return rescorer.scoreEntries(q, entries, n, threshold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
