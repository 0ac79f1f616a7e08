//! Reading a corpus file — a CSV or JSONL of articles, one per row, as news databases
//! and scrapers deliver them — into articles with their source fields: the column named
//! by `--text-column` is the text, `title`/`headline` the document's name, and `url`,
//! `outlet` (or `source`, `publisher`, `site`), `author(s)`/`byline`, `date`
//! (`published`, `publication_date` …) and `language` (`lang`) its fields; every other
//! column is kept by its name. A row without text is named and skipped, never guessed.

use crate::article::Article;
use crate::model::ArticleMeta;
use crate::model::meta::split_authors;
use std::collections::BTreeMap;
use std::path::Path;
use thiserror::Error;

/// The largest corpus file read: 1 GiB.
pub const MAX_CORPUS_BYTES: u64 = 1 << 30;

#[derive(Debug, Error)]
pub enum CorpusError {
    #[error("cannot read corpus ({}): {path}", crate::shown::io_error(source))]
    Io {
        source: std::io::Error,
        path: String,
    },
    #[error("corpus is larger than the 1 GiB limit ({size} bytes): {path}")]
    TooLarge { size: u64, path: String },
    #[error("corpus is not UTF-8 text (save it as UTF-8): {path}")]
    NotUtf8 { path: String },
    #[error(
        "corpus has no column {} (it has: {columns}): {path}",
        crate::shown::quoted(column)
    )]
    NoTextColumn {
        column: String,
        columns: String,
        path: String,
    },
    #[error("corpus is not CSV ({why}): {path}")]
    Csv { why: String, path: String },
    #[error("corpus has no article with text (every row skipped; first: {first}): {path}")]
    Nothing { first: String, path: String },
    #[error("corpus has no rows, only a header or nothing: {path}")]
    NoRows { path: String },
    #[error("a corpus is a .csv, .tsv or .jsonl file: {path}")]
    Kind { path: String },
}

/// What a corpus gave: its articles and the rows left out, each with why.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub skipped: Vec<String>,
}

/// Is `path` a file [`read`] reads (by its extension)?
pub fn is_corpus(path: &Path) -> bool {
    kind(path).is_some()
}

#[derive(Clone, Copy)]
enum Kind {
    Csv(u8),
    Jsonl,
}

fn kind(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Kind::Csv(b',')),
        "tsv" => Some(Kind::Csv(b'\t')),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        _ => None,
    }
}

/// Reads the corpus at `path`, the text in column (or JSON key) `text_column`.
pub fn read(path: &Path, text_column: &str) -> Result<Corpus, CorpusError> {
    let shown = path.display().to_string();
    let io = |source| CorpusError::Io {
        source,
        path: shown.clone(),
    };
    let kind = kind(path).ok_or_else(|| CorpusError::Kind {
        path: shown.clone(),
    })?;
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_CORPUS_BYTES {
        return Err(CorpusError::TooLarge { size, path: shown });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|_| CorpusError::NotUtf8 {
        path: shown.clone(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let rows = match kind {
        Kind::Csv(delimiter) => csv_rows(text, delimiter, &shown)?,
        Kind::Jsonl => jsonl_rows(text),
    };
    if rows.is_empty() {
        return Err(CorpusError::NoRows { path: shown });
    }
    let mut corpus = Corpus::default();
    let mut seen_text_column = false;
    let mut columns: Vec<String> = Vec::new();
    for (at, row) in rows {
        let fields = match row {
            Ok(fields) => fields,
            Err(why) => {
                corpus.skipped.push(format!("{at}: {why}"));
                continue;
            }
        };
        if columns.is_empty() {
            columns = fields.keys().cloned().collect();
        }
        let Some((_, body)) = fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(text_column))
        else {
            corpus.skipped.push(format!("{at}: no {text_column}"));
            continue;
        };
        seen_text_column = true;
        if body.trim().is_empty() {
            corpus.skipped.push(format!("{at}: empty {text_column}"));
            continue;
        }
        corpus
            .articles
            .push(article(&stem, &at, text_column, fields));
    }
    if !seen_text_column {
        return Err(CorpusError::NoTextColumn {
            column: text_column.to_owned(),
            columns: columns.join(", "),
            path: shown,
        });
    }
    if corpus.articles.is_empty() {
        let first = corpus.skipped.first().cloned().unwrap_or_default();
        return Err(CorpusError::Nothing { first, path: shown });
    }
    Ok(corpus)
}

type Row = (String, Result<BTreeMap<String, String>, String>);

fn csv_rows(text: &str, delimiter: u8, shown: &str) -> Result<Vec<Row>, CorpusError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|err| CorpusError::Csv {
            why: err.to_string(),
            path: shown.to_owned(),
        })?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        // Row 1 is the header line; data rows count from 2, as a spreadsheet shows them.
        let at = format!("row {}", i + 2);
        let fields = record.map_err(|err| err.to_string()).map(|r| {
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.clone(), v.to_owned()))
                .collect()
        });
        out.push((at, fields));
    }
    Ok(out)
}

fn jsonl_rows(text: &str) -> Vec<Row> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let at = format!("line {}", i + 1);
            let fields = match serde_json::from_str::<serde_json::Value>(line) {
                Ok(serde_json::Value::Object(map)) => Ok(map
                    .into_iter()
                    .filter_map(|(k, v)| Some((k, json_text(v)?)))
                    .collect()),
                Ok(_) => Err("not a JSON object".to_owned()),
                Err(err) => Err(format!("not JSON ({err})")),
            };
            (at, fields)
        })
        .collect()
}

/// A JSON value as a field's text: strings as they are, numbers and booleans written
/// out, a list of strings joined with `; `; null and objects are left out.
fn json_text(value: serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => {
            let texts: Vec<String> = items.into_iter().filter_map(json_text).collect();
            (!texts.is_empty()).then(|| texts.join("; "))
        }
        Value::Null | Value::Object(_) => None,
    }
}

/// Which source field a column is, by its name.
fn field_of(column: &str) -> Option<&'static str> {
    let c = column.to_ascii_lowercase().replace([' ', '-'], "_");
    Some(match c.as_str() {
        "title" | "headline" | "name" => "title",
        "url" | "link" | "uri" | "href" => "url",
        "outlet" | "source" | "publisher" | "site" | "publication" | "media" => "outlet",
        "author" | "authors" | "byline" | "by" => "authors",
        "date" | "published" | "publication_date" | "published_at" | "pubdate" | "publish_date"
        | "date_published" => "published",
        "language" | "lang" | "locale" => "language",
        _ => return None,
    })
}

fn article(stem: &str, at: &str, text_column: &str, fields: BTreeMap<String, String>) -> Article {
    let mut meta = ArticleMeta::default();
    let mut name = None;
    let mut text = String::new();
    for (column, value) in fields {
        if column.eq_ignore_ascii_case(text_column) {
            text = value;
            continue;
        }
        match field_of(&column) {
            Some("title") if name.is_none() && !value.trim().is_empty() => {
                name = Some(value.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            Some("url") if meta.url.is_none() => meta.url = Some(value),
            Some("outlet") if meta.outlet.is_none() => meta.outlet = Some(value),
            Some("authors") if meta.authors.is_empty() => meta.authors = split_authors(&value),
            Some("published") if meta.published.is_none() => {
                meta.published = Some(date_part(&value).to_owned());
                if date_part(&value) != value.trim() {
                    meta.extra.insert(column, value);
                }
            }
            Some("language") if meta.language.is_none() => meta.language = Some(value),
            _ => {
                meta.extra.insert(column, value);
            }
        }
    }
    Article {
        name: name.unwrap_or_else(|| format!("{stem} {at}")),
        text,
        encoding: "UTF-8".to_owned(),
        meta: meta.cleaned(),
    }
}

/// The date of an ISO date-time (`2026-02-01T10:00:00Z` → `2026-02-01`); anything else
/// as it is (a date that is not ISO is kept, and reported, never reinterpreted).
fn date_part(value: &str) -> &str {
    let value = value.trim();
    match value.get(..10) {
        Some(day)
            if value.len() > 10
                && matches!(value.as_bytes()[10], b'T' | b' ')
                && crate::model::AttributeKind::Date.check(day).is_ok() =>
        {
            day
        }
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, body: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        (dir, path)
    }

    #[test]
    fn a_csv_row_is_an_article_with_its_source() {
        let (_d, path) = write(
            "news.csv",
            "headline,body,URL,Source,Byline,published_at,lang,section\n\
             Port reopens,\"The port, closed for 9 days, reopened.\",https://ex.org/a,Harbour Post,By Ann Lee and Bo Chen,2026-02-01T10:00:00Z,en,World\n\
             ,,https://ex.org/b,,,,,\n\
             Second,\"Line one\nline two\",,,,2026-02,,\n",
        );
        let corpus = read(&path, "body").unwrap();
        assert_eq!(corpus.articles.len(), 2);
        assert_eq!(corpus.skipped, ["row 3: empty body"]);
        let a = &corpus.articles[0];
        assert_eq!(a.name, "Port reopens");
        assert_eq!(a.text, "The port, closed for 9 days, reopened.");
        assert_eq!(a.meta.url.as_deref(), Some("https://ex.org/a"));
        assert_eq!(a.meta.outlet.as_deref(), Some("Harbour Post"));
        assert_eq!(a.meta.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(a.meta.published.as_deref(), Some("2026-02-01"));
        assert_eq!(a.meta.extra["published_at"], "2026-02-01T10:00:00Z");
        assert_eq!(a.meta.language.as_deref(), Some("en"));
        assert_eq!(a.meta.extra["section"], "World");
        assert_eq!(corpus.articles[1].text, "Line one\nline two");
        assert!(corpus.articles[1].meta.problems().is_empty());
    }

    #[test]
    fn a_jsonl_line_is_an_article_and_bad_lines_are_named() {
        let (_d, path) = write(
            "news.jsonl",
            "{\"text\": \"Kyiv was hit.\", \"authors\": [\"Ann Lee\", \"Bo Chen\"], \"date\": \"March 1, 2026\", \"id\": 17}\n\
             not json\n\n[1,2]\n{\"title\": \"No text\"}\n",
        );
        let corpus = read(&path, "text").unwrap();
        assert_eq!(corpus.articles.len(), 1);
        let a = &corpus.articles[0];
        assert_eq!(a.name, "news.jsonl line 1");
        assert_eq!(a.meta.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(a.meta.extra["id"], "17");
        // Not ISO: kept as written, and reported.
        assert_eq!(a.meta.published.as_deref(), Some("March 1, 2026"));
        assert_eq!(a.meta.problems().len(), 1);
        assert_eq!(corpus.skipped.len(), 3, "{:?}", corpus.skipped);
        assert!(corpus.skipped[0].starts_with("line 2: not JSON"));
        assert_eq!(corpus.skipped[1], "line 4: not a JSON object");
        assert_eq!(corpus.skipped[2], "line 5: no text");
    }

    #[test]
    fn a_corpus_without_the_text_column_or_any_text_is_refused() {
        let (_d, path) = write("n.csv", "title,content\nA,Some text.\n");
        let err = read(&path, "body").unwrap_err().to_string();
        assert!(
            err.starts_with("corpus has no column \"body\" (it has: content, title)"),
            "{err}"
        );
        let (_d, path) = write("n.csv", "title,body\nA,\n");
        let err = read(&path, "body").unwrap_err().to_string();
        assert!(err.starts_with("corpus has no article with text"), "{err}");
        let (_d, path) = write("n.csv", "title,body\r\n");
        let err = read(&path, "body").unwrap_err().to_string();
        assert!(err.starts_with("corpus has no rows"), "{err}");
        let (_d, path) = write("n.txt", "x");
        assert!(matches!(read(&path, "body"), Err(CorpusError::Kind { .. })));
    }
}
