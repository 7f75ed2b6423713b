import GRDB

extension AppDatabase {
    /// The knowledge-base index: one row per article file, and two FTS5 indexes over the same rows.
    ///
    /// - `kb_words` holds folded words (``KnowledgeText``) under SQLite's Porter stemmer, which only
    ///   touches ASCII words, so `charged` finds `charges` while Arabic, Devanagari and Indonesian words
    ///   are matched as written (plus prefix queries). `categories` adds marks to token characters, so a
    ///   Devanagari vowel sign never splits a word. The `concepts` column holds cross-lingual concept names
    ///   and is searched only by name (`concepts : refund`).
    /// - `kb_trigrams` indexes the same folded text by character trigrams, which is how Thai (written
    ///   without spaces) and misspelt or inflected words still meet an article.
    ///
    /// `kb_meta` remembers which text folding and concept vocabulary built the index, so a change to
    /// either rebuilds it instead of mixing two encodings.
    static let knowledgeSchema = """
        CREATE TABLE kb_articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL UNIQUE,
            topic TEXT NOT NULL,
            title TEXT NOT NULL,
            lang TEXT NOT NULL,
            url TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
            body TEXT NOT NULL,
            size INTEGER NOT NULL,
            modified_at REAL NOT NULL,
            hash TEXT NOT NULL,
            indexed_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX kb_articles_topic ON kb_articles(topic, lang);

        CREATE VIRTUAL TABLE kb_words USING fts5(
            title, tags, body, concepts,
            tokenize = "porter unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
        );
        CREATE VIRTUAL TABLE kb_trigrams USING fts5(text, tokenize = 'trigram');

        CREATE TABLE kb_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        """
}
